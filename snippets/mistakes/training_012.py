import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(1, 1)
x = torch.tensor([[1.0], [2.0]])
y = torch.tensor([[4.0], [7.0]])  # 还是 y = 3x + 1

for _ in range(300):
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():  # 修复：更新参数不录制进计算图
        for p in model.parameters():
            p -= 0.25 * p.grad  # 原地更新：还是同一个 nn.Parameter
            p.grad = None  # 清空梯度，相当于 zero_grad()
print(f"w = {model.weight.item():.4f}, b = {model.bias.item():.4f}")
print("weight 仍是 nn.Parameter:", isinstance(model.weight, nn.Parameter))

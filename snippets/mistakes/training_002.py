import torch
from torch import nn

x = torch.linspace(-2, 2, 9).unsqueeze(1)
y = 3 * x + 1

torch.manual_seed(0)
model = nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

losses = []
for _ in range(30):
    optimizer.zero_grad()  # 修复：每一步先清空上一步的梯度
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    losses.append(round(loss.item(), 2))
print("loss:", losses)
print(f"30 步之后 w = {model.weight.item():.4f}, b = {model.bias.item():.4f}")

import torch
from torch import nn

x = torch.linspace(-2, 2, 9).unsqueeze(1)
y = 3 * x + 1

torch.manual_seed(0)
model = nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for _ in range(30):
    optimizer.zero_grad()  # 1. 清空旧梯度
    loss = ((model(x) - y) ** 2).mean()  # 2. 前向计算
    loss.backward()  # 3. 反向传播：算出梯度
    optimizer.step()  # 4. 用梯度更新参数

print(f"30 步之后 w = {model.weight.item():.4f}, loss = {loss.item():.4f}")

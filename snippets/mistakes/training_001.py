import torch
from torch import nn

x = torch.linspace(-2, 2, 9).unsqueeze(1)  # 9 个样本，每个 1 个特征
y = 3 * x + 1  # 要学的是 w = 3, b = 1

torch.manual_seed(0)
model = nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

losses = []
for _ in range(30):
    # 错误：没有 optimizer.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    losses.append(round(loss.item(), 2))
print("loss:", losses)
print(f"30 步之后 w = {model.weight.item():.4f}, b = {model.bias.item():.4f}")

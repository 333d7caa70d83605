import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(1, 1)
x = torch.tensor([[1.0], [2.0]])
y = torch.tensor([[4.0], [7.0]])  # 还是 y = 3x + 1

loss = ((model(x) - y) ** 2).mean()
loss.backward()
try:
    model.weight = model.weight - 0.1 * model.weight.grad  # 手写更新：赋回给参数
except TypeError as error:
    print(f"TypeError: {error}")

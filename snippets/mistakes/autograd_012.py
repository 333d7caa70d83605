import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
x = torch.tensor([[1.0, 2.0]])
y = torch.tensor([[1.0]])

for step in range(1, 4):
    loss = ((model(x) - y) ** 2).mean()  # 每次都重新前向，输入输出完全相同
    loss.backward()  # 没有清零：新梯度加到旧梯度上
    print(f"第 {step} 次 backward 之后 weight.grad = {model.weight.grad}")

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
optimizer.zero_grad()  # PyTorch 2.x 默认把 .grad 设为 None
print("zero_grad() 之后 weight.grad =", model.weight.grad)

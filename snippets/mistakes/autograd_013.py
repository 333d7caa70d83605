import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
y = torch.tensor([[1.0], [2.0]])

# 整批一次算出的梯度
((model(x) - y) ** 2).mean().backward()
full = model.weight.grad.clone()  # clone()：复制一份，下面清零梯度也不影响它

# 分两半各 backward 一次，每半的损失除以 2：梯度累积正好拼出整批的梯度
model.zero_grad()
for half in range(2):
    part = slice(half, half + 1)
    (((model(x[part]) - y[part]) ** 2).mean() / 2).backward()

print("整批梯度  =", full)
print("累积梯度  =", model.weight.grad)

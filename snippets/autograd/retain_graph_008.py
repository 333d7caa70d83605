import torch
from torch import autograd

x = torch.tensor(3.0, requires_grad=True)
y = x**3

# 只保留计算图：y 的图还在，但“求导”这一步没有被录制
(dy_dx,) = autograd.grad(y, x, retain_graph=True)
print("dy/dx =", dy_dx, " requires_grad =", dy_dx.requires_grad)
try:
    autograd.grad(dy_dx, x)
except RuntimeError as error:
    print(f"对 dy/dx 再求导 -> RuntimeError: {error}")

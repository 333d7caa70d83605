import torch
from torch import autograd

x = torch.tensor(3.0, requires_grad=True)
y = x**3

# create_graph=True：把“求导”这一步本身也录进计算图
(dy_dx,) = autograd.grad(y, x, create_graph=True)
print("dy/dx   =", dy_dx)  # 3x² = 27

# 于是可以对一阶导数再求导
(d2y_dx2,) = autograd.grad(dy_dx, x)
print("d²y/dx² =", d2y_dx2)  # 6x = 18

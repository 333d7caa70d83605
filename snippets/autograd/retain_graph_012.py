import torch

# 练习 2：求 y = x³ 在 x = 2 处的一阶和二阶导数（应为 3x² = 12 与 6x = 12）
x = torch.tensor(2.0, requires_grad=True)
y = x**3

# create_graph=True：一阶导数本身也带着计算图，才能再求一次导
(dy,) = torch.autograd.grad(y, x, create_graph=True)
(d2y,) = torch.autograd.grad(dy, x)
print("dy/dx   =", dy.item())
print("d²y/dx² =", d2y.item())

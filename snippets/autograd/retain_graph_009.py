import torch
from torch import autograd

# f(x₁, x₂) = x₁² · x₂ 在 (1, 2) 处：一阶导数 g = (2x₁x₂, x₁²)
x = torch.tensor([1.0, 2.0], requires_grad=True)
f = x[0] ** 2 * x[1]
(g,) = autograd.grad(f, x, create_graph=True)  # g 带着自己的计算图
print("g =", g)

# 从同一个 g 求两个二阶导数：g[0] 对 x 的梯度和 g[1] 对 x 的梯度
print("∂g[0]/∂x =", autograd.grad(g[0], x))  # 二阶这一次没有保留 g 的图
try:
    autograd.grad(g[1], x)
except RuntimeError as error:
    print(f"∂g[1]/∂x -> RuntimeError: {error}")

# 重来一遍：前几次二阶求导都传 retain_graph=True，最后一次才放掉
f = x[0] ** 2 * x[1]
(g,) = autograd.grad(f, x, create_graph=True)
(row0,) = autograd.grad(g[0], x, retain_graph=True)
(row1,) = autograd.grad(g[1], x)
print("保留之后：∂g[0]/∂x =", row0, " ∂g[1]/∂x =", row1)

import torch

# 练习 1：用 autograd.grad 求 f = x₁² + 3x₂ 在 (3, −1) 处的梯度，不弄脏 x.grad
x = torch.tensor([3.0, -1.0], requires_grad=True)
f = x[0] ** 2 + 3 * x[1]

(grad,) = torch.autograd.grad(f, x)
print("梯度   =", grad)
print("x.grad =", x.grad)

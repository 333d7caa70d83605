import torch

# 练习 1：用 autograd.grad 求 f = x₁² + 3x₂ 在 (1, 2) 处的梯度，不弄脏 x.grad
x = torch.tensor([1.0, 2.0], requires_grad=True)
f = x[0] ** 2 + 3 * x[1]

(grad,) = torch.autograd.grad(f, x)
print("梯度   =", grad)  # 应为 (2·x₁, 3) = (2, 3)
print("x.grad =", x.grad)  # autograd.grad 把梯度直接返回，不写进 .grad

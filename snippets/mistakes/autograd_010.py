import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

# 修复一：先归约成标量（sum 或 mean），再 backward
(x**2).sum().backward()
print("sum 之后 backward:            x.grad =", x.grad)

# 修复二：把全 1 向量作为 gradient 传进去，结果与 sum 相同
x.grad = None
y = x**2
y.backward(gradient=torch.ones_like(y))  # ones_like(y)：与 y 形状相同的全 1 张量
print("gradient=ones_like(y):       x.grad =", x.grad)

import torch
from torch.autograd.functional import jacobian

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.cumsum(dim=0)  # y = (x0, x0+x1, x0+x1+x2)
v = torch.tensor([1.0, 0.0, 2.0])

y.backward(gradient=v)  # 计算的是 vᵀ J，而不是雅可比矩阵 J 本身
print("x.grad =", x.grad)

J = jacobian(lambda t: t.cumsum(dim=0), x.detach())
print("J =", J)
print("v @ J  =", v @ J)

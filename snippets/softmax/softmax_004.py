import torch
import torch.nn.functional as F

torch.manual_seed(0)
a = torch.rand(3, requires_grad=True)
p = F.softmax(a, dim=0)
print("p =", p)

# p[1] 对 a 的梯度：第 1 行雅可比。同一张图还要再求一次，所以先保留计算图
(grad_p1,) = torch.autograd.grad(p[1], [a], retain_graph=True)
(grad_p2,) = torch.autograd.grad(p[2], [a])
print("∂p_1/∂a =", grad_p1)
print("∂p_2/∂a =", grad_p2)

# 对照公式：∂p_i/∂a_j = p_i (δ_ij - p_j)
p = p.detach()
print("公式 ∂p_1/∂a =", p[1] * (torch.eye(3)[1] - p))
print("公式 ∂p_2/∂a =", p[2] * (torch.eye(3)[2] - p))

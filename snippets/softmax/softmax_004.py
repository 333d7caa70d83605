import torch
import torch.nn.functional as F

torch.manual_seed(0)
a = torch.rand(3, requires_grad=True)  # torch.rand：3 个 [0, 1) 之间均匀分布的随机数
p = F.softmax(a, dim=0)
print("p =", p)

# p[1]（第 2 个类别）对 a 的梯度 = 雅可比矩阵下标为 1 的那一行。
# 同一张图还要再求一次梯度，所以这一次传 retain_graph=True，保留图里保存的值。
# autograd.grad 返回元组，每个输入一个梯度；(grad_p1,) = … 取出唯一的那个
(grad_p1,) = torch.autograd.grad(p[1], [a], retain_graph=True)
(grad_p2,) = torch.autograd.grad(p[2], [a])  # p[2]（第 3 个类别）：最后一次，不必保留
print("∂p[1]/∂a =", grad_p1)
print("∂p[2]/∂a =", grad_p2)

# 对照公式 ∂p_i/∂a_j = p_i (δ_ij - p_j)。torch.eye(3) 是 3×3 单位矩阵，它的第 i 行就是 δ_ij
p = p.detach()  # 只拿数值来对照，不再录制计算
print("公式 ∂p[1]/∂a =", p[1] * (torch.eye(3)[1] - p))
print("公式 ∂p[2]/∂a =", p[2] * (torch.eye(3)[2] - p))

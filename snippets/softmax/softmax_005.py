import torch
import torch.nn.functional as F
from torch.autograd.functional import jacobian

torch.manual_seed(0)
a = torch.randn(4)
p = F.softmax(a, dim=0)

# 按公式搭出整个雅可比：J_ij = p_i (δ_ij - p_j)，即 diag(p) - p pᵀ
# torch.diag(p)：对角线是 p、其余为 0 的矩阵；torch.outer(p, p)：第 i 行第 j 列是 p_i p_j
J_formula = torch.diag(p) - torch.outer(p, p)
# 让 autograd 求：jacobian(函数, 输入) 返回这个函数在该输入处的整个雅可比矩阵
J_autograd = jacobian(lambda logits: F.softmax(logits, dim=0), a)

print("公式得到的雅可比:\n", J_formula)
print("autograd 的雅可比:\n", J_autograd)
print("最大差值:", (J_formula - J_autograd).abs().max().item())
print("每一行之和:", J_formula.sum(dim=1))

import torch
import torch.nn.functional as F
from torch.autograd.functional import jacobian

torch.manual_seed(0)
a = torch.randn(4)
p = F.softmax(a, dim=0)

# 按公式搭出整个雅可比：J_ij = p_i (δ_ij - p_j)，即 diag(p) - p pᵀ
J_formula = torch.diag(p) - torch.outer(p, p)
# 让 autograd 逐个元素求导
J_autograd = jacobian(lambda logits: F.softmax(logits, dim=0), a)

print("公式得到的雅可比:\n", J_formula)
print("autograd 的雅可比:\n", J_autograd)
print("最大差值:", (J_formula - J_autograd).abs().max().item())
print("每一行之和:", J_formula.sum(dim=1))

import torch
from torch import nn

torch.manual_seed(0)
# 修复一：在创建时就给出 dtype（和 device），张量生来就是叶子
w = torch.randn(3, dtype=torch.float64, requires_grad=True)
# 修复二：先转换，再开启追踪
u = torch.randn(3).double().requires_grad_()
print("w.is_leaf =", w.is_leaf, " u.is_leaf =", u.is_leaf)

(w**2).sum().backward()
print("w.grad =", w.grad)

# nn.Module 的 .double() / .to() 原地转换参数，参数仍是叶子
layer = nn.Linear(2, 1).double()
print("layer.weight.is_leaf =", layer.weight.is_leaf, " dtype =", layer.weight.dtype)

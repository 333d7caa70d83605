import torch
import torch.nn.functional as F
from torch import autograd

torch.manual_seed(0)
a = torch.rand(3)
a.requires_grad_()  # 先开启追踪，再做计算
p = F.softmax(a, dim=0)
print("a =", a)
print("p =", p)

# 第一次：对 p[1]（第 2 个类别的概率）求梯度（默认不保留计算图）
print("∂p[1]/∂a =", autograd.grad(p[1], [a]))

# 第二次：在同一张图上对 p[2]（第 3 个类别的概率）求梯度
try:
    autograd.grad(p[2], [a])
except RuntimeError as error:
    print(f"RuntimeError: {error}")

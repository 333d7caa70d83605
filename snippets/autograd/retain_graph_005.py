import torch
import torch.nn.functional as F
from torch import autograd

torch.manual_seed(0)
a = torch.rand(3, requires_grad=True)
p = F.softmax(a, dim=0)

# In [39]：对 p[1]（第 2 个类别）求梯度，同时请 PyTorch 保留计算图
grad_p1 = autograd.grad(p[1], [a], retain_graph=True)
print("∂p[1]/∂a =", grad_p1)

# In [40]：图还在，第二次对 p[2]（第 3 个类别）求梯度也能成功
grad_p2 = autograd.grad(p[2], [a])
print("∂p[2]/∂a =", grad_p2)

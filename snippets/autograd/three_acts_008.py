import torch
import torch.nn.functional as F
from torch import autograd

x = torch.ones(1)
w = torch.full([1], 2.0)
w.requires_grad_()  # 修复：先开启追踪，再做任何用到 w 的计算
pred = x * w
mse = F.mse_loss(pred, torch.ones(1))
print("mse =", mse)
print("autograd.grad 返回:", autograd.grad(mse, [w]))

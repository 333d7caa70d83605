import torch
import torch.nn.functional as F
from torch import autograd

x = torch.ones(1)
w = torch.full([1], 2.0, requires_grad=True)
mse = F.mse_loss(x * w, torch.ones(1))

print("第一次 autograd.grad:", autograd.grad(mse, [w]))
# 不重新计算 mse，直接在同一张图上再 backward
try:
    mse.backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

import torch
import torch.nn.functional as F
from torch import autograd

# 布景和第一幕相同：先算出 mse，这时 w 还没有开启追踪
x = torch.ones(1)
w = torch.full([1], 2.0)
mse = F.mse_loss(x * w, torch.ones(1))

# In [22]：现在才给 w 开启追踪
w.requires_grad_()
print("w.requires_grad =", w.requires_grad)
print("旧 mse 的 grad_fn =", mse.grad_fn)  # 旧 mse 没有被录制，开关打开也补不回来

# In [23]：对旧的 mse 求梯度
try:
    autograd.grad(mse, [w])
except RuntimeError as error:
    print(f"RuntimeError: {error}")

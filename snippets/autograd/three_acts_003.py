import torch
import torch.nn.functional as F
from torch import autograd

x = torch.ones(1)
w = torch.full([1], 2.0)
w.requires_grad_()  # 1. 准备参数：先开启追踪

# In [24]-[25]：2. 构建图：用开启了追踪的 w 重新计算 mse
mse = F.mse_loss(x * w, torch.ones(1))
print("mse =", mse)
print("autograd.grad 返回:", autograd.grad(mse, [w]))
print("autograd.grad 不写 .grad，w.grad =", w.grad)

# In [26]-[28]：上一步用掉了这张图，再算一次 mse
mse = F.mse_loss(x * w, torch.ones(1))
mse.backward()  # 3. 反向传播
print("backward 之后 w.grad =", w.grad)  # 4. 获取结果

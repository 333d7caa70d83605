import torch
import torch.nn.functional as F
from torch import autograd

x = torch.ones(1)
w = torch.full([1], 2.0)
pred = x * w  # 先算了预测
w.requires_grad_()  # 再开启追踪
mse = F.mse_loss(pred, torch.ones(1))  # 损失是开启追踪之后才算的
print("mse =", mse)

try:
    print("autograd.grad 返回:", autograd.grad(mse, [w]))
except RuntimeError as e:
    print("RuntimeError:", e)

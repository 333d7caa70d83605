import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.arange(1.0, 7.0)
y = 0.5 * x + 1 + 0.3 * torch.randn(6)
pred = 0.6 * x + 0.8

squared = (y - pred) ** 2  # 每个样本的误差平方；下面 .mean() 求平均，.sum() 求和
# PyTorch 的 MSE 默认 reduction='mean'：取平均
print("F.mse_loss(pred, y)                   :", F.mse_loss(pred, y))
print("nn.MSELoss()(pred, y)                 :", nn.MSELoss()(pred, y))
print("squared.mean()                        :", squared.mean())
# 原笔记公式里的“求和”，对应的是 reduction='sum'
print("squared.sum()                         :", squared.sum())
print("F.mse_loss(pred, y, reduction='sum')  :", F.mse_loss(pred, y, reduction="sum"))

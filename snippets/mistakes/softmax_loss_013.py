import torch
from torch import nn

pred = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
target = torch.tensor([1.0, 2.0, 3.0, 4.0])

# 修复：让两者形状一致（二选一）
print("MSELoss(pred.squeeze(1), target)   =", nn.MSELoss()(pred.squeeze(1), target).item())
print("MSELoss(pred, target.unsqueeze(1)) =", nn.MSELoss()(pred, target.unsqueeze(1)).item())

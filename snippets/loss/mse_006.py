import torch
import torch.nn.functional as F

# 练习 1：手算 MSE，再和 F.mse_loss 对照
y = torch.tensor([1.0, 2.0, 3.0])
pred = torch.tensor([1.5, 2.0, 2.0])

by_hand = ((y - pred) ** 2).sum() / len(y)  # 先平方，再求和，最后除以样本数 N
print("手算      :", by_hand.item())
print("F.mse_loss:", F.mse_loss(pred, y).item())

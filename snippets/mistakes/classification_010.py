import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(4)
labels = torch.tensor([1, 0, 1, 1])

target = labels.float()  # 修复：BCE 的目标是浮点数（每个样本是正类的概率）
print("target =", target)
print(f"BCEWithLogitsLoss = {nn.BCEWithLogitsLoss()(logits, target).item():.4f}")

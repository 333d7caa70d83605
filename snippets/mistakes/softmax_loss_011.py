import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(3, 4)
target = torch.tensor([1.0, 3.0, 0.0])

loss = nn.CrossEntropyLoss()(logits, target.long())  # 修复：类别编号用 int64（long）
print("target.long() =", target.long())
print(f"loss = {loss.item():.4f}")

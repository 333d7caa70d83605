import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(4)
labels = torch.tensor([1, 0, 1, 1])  # 整数标签：dtype 是 int64

try:
    nn.BCELoss()(torch.sigmoid(logits), labels)
except RuntimeError as error:
    print(f"BCELoss          RuntimeError: {error}")

try:
    nn.BCEWithLogitsLoss()(logits, labels)
except RuntimeError as error:
    print(f"BCEWithLogitsLoss RuntimeError: {error}")

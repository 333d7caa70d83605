import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(3, 4)  # 3 个样本，4 个类别
target = torch.tensor([1.0, 3.0, 0.0])  # 类别编号写成了浮点数

try:
    nn.CrossEntropyLoss()(logits, target)
except RuntimeError as error:
    print(f"RuntimeError: {error}")

try:
    nn.CrossEntropyLoss()(logits, target.int())  # int32 也不行
except RuntimeError as error:
    print(f"RuntimeError: {error}")

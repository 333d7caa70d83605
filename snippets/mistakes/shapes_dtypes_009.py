import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 2, 3)  # 4 个样本，每个样本是 2×3 的表格
labels = torch.tensor([0, 2, 1, 1])
model = nn.Linear(12, 3)  # 写模型时以为每个样本摊平后有 12 个数

flat = x.reshape(-1, 12)  # -1 让 torch 自己算这一维：24 个数 / 12 = 2 行
print("flat.shape =", tuple(flat.shape))
try:
    F.cross_entropy(model(flat), labels)
except ValueError as error:
    print(f"ValueError: {error}")

import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3)
# 从表格里按“列”读出的标签：每个样本一行、一列，形状 (4, 1)
labels = torch.tensor([[0], [2], [1], [2]])
print("labels.shape =", tuple(labels.shape))

try:
    F.cross_entropy(logits, labels)
except RuntimeError as error:
    print(f"RuntimeError: {error}")

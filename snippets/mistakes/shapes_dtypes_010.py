import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 2, 3)
labels = torch.tensor([0, 2, 1, 1])

flat = x.reshape(x.shape[0], -1)  # 修复：批维度写死成 x.shape[0]，-1 只用在特征上
print("flat.shape =", tuple(flat.shape))
model = nn.Linear(flat.shape[1], 3)  # 每个样本其实只有 2×3 = 6 个数
loss = F.cross_entropy(model(flat), labels)
print(f"loss = {loss.item():.4f}")

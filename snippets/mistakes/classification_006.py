import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3)
labels = torch.tensor([0, 2, 1, 2])

# 修复一：直接传类别下标，形状 (N,)，dtype int64
by_index = F.cross_entropy(logits, labels)
# 修复二：one-hot 转成浮点数，当作“每个类别的概率”传进去
by_probability = F.cross_entropy(logits, F.one_hot(labels, num_classes=3).float())
print(f"类别下标          : loss = {by_index.item():.4f}")
print(f"浮点 one-hot 概率 : loss = {by_probability.item():.4f}")

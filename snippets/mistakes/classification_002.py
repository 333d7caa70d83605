import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3)
labels = torch.tensor([1, 3, 2, 1])  # 类别从 1 数起

target = labels - 1  # 修复：改成从 0 数起的下标 0、1、2
print("target =", target)
print("每个下标都在 0 到 C-1 之间:", bool(target.min() >= 0 and target.max() < logits.shape[1]))
print(f"loss = {F.cross_entropy(logits, target).item():.4f}")

# 第 2 个样本没有标签，记作 -1：ignore_index=-1 让交叉熵跳过它
partial = torch.tensor([0, -1, 1, 0])
skipped = F.cross_entropy(logits, partial, ignore_index=-1)
labelled = F.cross_entropy(logits[[0, 2, 3]], partial[[0, 2, 3]])  # 只用有标签的 3 个样本
print(f"跳过 -1 的 loss = {skipped.item():.4f}，只算另外 3 个样本的 loss = {labelled.item():.4f}")

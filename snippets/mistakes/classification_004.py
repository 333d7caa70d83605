import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3)
labels = torch.tensor([[0], [2], [1], [2]])  # (4, 1)

target = labels.squeeze(1)  # 修复：去掉 dim=1 上长度为 1 的那一维，得到 (4,)
print("target.shape =", tuple(target.shape), " target =", target)
print(f"loss = {F.cross_entropy(logits, target).item():.4f}")

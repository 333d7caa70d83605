import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3)
labels = torch.tensor([0, 2, 1, 2])

target = F.one_hot(labels, num_classes=3)  # 以为交叉熵要 one-hot
print("target.dtype =", target.dtype, " target.shape =", tuple(target.shape))

try:
    F.cross_entropy(logits, target)
except RuntimeError as error:
    print(f"RuntimeError: {error}")

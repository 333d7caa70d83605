import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3)  # 4 个样本，3 个类别：合法的类别下标只有 0、1、2
labels = torch.tensor([1, 3, 2, 1])  # 数据集里的类别从 1 数起：1、2、3

try:
    F.cross_entropy(logits, labels)
except IndexError as error:
    print(f"IndexError: {error}")

print("类别数 logits.shape[1] =", logits.shape[1])
print("标签的范围:", labels.min().item(), "到", labels.max().item())

import torch
import torch.nn.functional as F

# 一批 2 个样本，每个样本 3 个类别的 logits：形状 (批大小, 类别数)
logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 1.0]])

p = F.softmax(logits, dim=0)
print("p =", p)
print("每个样本的概率之和:", p.sum(dim=1))

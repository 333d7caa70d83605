import torch
import torch.nn.functional as F

logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 1.0]])

# 修复：类别在 dim=1，沿 dim=1 归一化，每一行（每个样本）才是一个概率分布
p = F.softmax(logits, dim=1)
print("p =", p)
print("每个样本的概率之和:", p.sum(dim=1))
print("与单独处理每个样本相同:", torch.allclose(p[0], F.softmax(logits[0], dim=0)))

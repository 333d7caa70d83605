import torch
import torch.nn.functional as F

# 手写的交叉熵：先 Softmax，再取 log，再乘上 one-hot 标签求和
logits = torch.tensor([[0.0, 120.0, 0.0]])  # 模型非常自信地选了下标 1
target = torch.tensor([0])  # 真实类别却是下标 0
y = F.one_hot(target, num_classes=3).float()

log_p = torch.log(F.softmax(logits, dim=1))
print("log p  :", log_p)
print("交叉熵 :", -(y * log_p).sum(dim=1).mean().item())

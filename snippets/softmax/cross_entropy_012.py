import torch
import torch.nn.functional as F

logits = torch.tensor([[0.0, 120.0, 0.0]])
target = torch.tensor([0])
y = F.one_hot(target, num_classes=3).float()

# 修复：用 F.log_softmax 直接算 log p，它不经过会下溢成 0 的 p
log_p = F.log_softmax(logits, dim=1)
print("log p        :", log_p)
print("交叉熵       :", -(y * log_p).sum(dim=1).mean().item())
print("cross_entropy:", F.cross_entropy(logits, target).item())

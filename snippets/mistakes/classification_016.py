import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3)
target = torch.tensor([0, 2, 1, 2])

# 修复：log_softmax 之后再 nll_loss，它就是交叉熵
loss = F.nll_loss(F.log_softmax(logits, dim=1), target)
print(f"nll_loss(log_softmax(logits)) = {loss.item():.4f}")
print(f"cross_entropy(logits)         = {F.cross_entropy(logits, target).item():.4f}")
perfect = torch.tensor([[10.0, 0.0, 0.0]])
print(f"完美预测时 = {F.nll_loss(F.log_softmax(perfect, dim=1), torch.tensor([0])).item():.4f}")

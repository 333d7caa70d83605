import torch
import torch.nn.functional as F
from torch import nn

logits = torch.tensor([[0.0, 10.0, 0.0]])
target = torch.tensor([0])

# CrossEntropyLoss 内部 = log_softmax + NLLLoss：直接喂原始 logits
ce = nn.CrossEntropyLoss()(logits, target)
nll = F.nll_loss(F.log_softmax(logits, dim=1), target)
print(f"CrossEntropyLoss(logits)     = {ce.item():.4f}")
print(f"NLLLoss(log_softmax(logits)) = {nll.item():.4f}")

# 需要概率时（比如报告置信度），在损失之外单独算 softmax
print("预测概率 =", F.softmax(logits, dim=1))

import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(2, 3, 4)

p = F.softmax(logits, dim=-1)  # 修复：明确写出在类别维（最后一维）上归一化
print("p.sum(dim=-1):")
print(p.sum(dim=-1))

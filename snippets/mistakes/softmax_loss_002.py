import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(2, 3, 4)  # (批大小, 序列长度, 类别数)

# 修复：明确写出 dim。这个模型把类别放在最后一维，所以这里是 dim=-1
p = F.softmax(logits, dim=-1)
print("p.sum(dim=-1):")
print(p.sum(dim=-1))

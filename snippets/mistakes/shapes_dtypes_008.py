import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
model = nn.Linear(4, 3)
x = torch.randn(4)

batch = x.unsqueeze(0)  # 修复：在最前面补一个长度为 1 的批维度，(4,) -> (1, 4)
logits = model(batch)
print("batch.shape =", tuple(batch.shape), " logits.shape =", tuple(logits.shape))
p = F.softmax(logits, dim=1)
print("概率之和 =", round(p.sum().item(), 4))
# 写成 dim=-1（最后一维）的话，有没有批维度都能用
print("dim=-1 两种写法一致:", torch.allclose(F.softmax(model(x), dim=-1), p[0]))

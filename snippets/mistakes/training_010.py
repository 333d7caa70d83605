import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
params = list(model.parameters())  # 修复一：存成列表，可以反复遍历
print("第一遍数:", sum(p.numel() for p in params), "个数")
print("第二遍数:", sum(p.numel() for p in params), "个数")
optimizer = torch.optim.SGD(params, lr=0.1)

# 修复二：每次要用时重新调用 model.parameters()，拿一个新的生成器
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
print("model.parameters() 又给出了", len(list(model.parameters())), "个参数张量（weight 和 bias）")

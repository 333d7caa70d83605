import torch
from torch import nn
from torch.nn import functional as F

a = torch.linspace(-1, 1, 10)

r1 = torch.relu(a)  # torch 命名空间下的函数
r2 = F.relu(a)  # torch.nn.functional 里的纯函数
r3 = nn.ReLU()(a)  # 面向对象的版本：先创建模块，再调用
r4 = torch.where(a > 0, a, 0.0)  # 按定义自己写：比较一次，a > 0 处取 a，其余取 0
print(r1)
print("torch.relu == F.relu      :", torch.equal(r1, r2))
print("torch.relu == nn.ReLU     :", torch.equal(r1, r3))
print("torch.relu == torch.where :", torch.equal(r1, r4))

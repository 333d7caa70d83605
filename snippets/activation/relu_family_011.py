import torch
from torch import nn

# 练习 3 的修正：斜率用关键字写明（或者干脆不写，用默认的 0.01）
act = nn.LeakyReLU(negative_slope=0.01)
x = torch.tensor([-2.0, -0.5, 1.0, 3.0])
print(act)
print("输入 :", x)
print("输出 :", act(x))

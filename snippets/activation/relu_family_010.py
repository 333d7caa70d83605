import torch
from torch import nn

# 练习 3（有问题的代码）：把网络里的 nn.ReLU(True) 换成 LeakyReLU，照抄了括号里的 True
act = nn.LeakyReLU(True)
x = torch.tensor([-2.0, -0.5, 1.0, 3.0])
print(act)
print("输入 :", x)
print("输出 :", act(x))

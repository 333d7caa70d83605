import torch

# 从 -100 到 100 的大范围输入，专门用来观察饱和效应
a = torch.linspace(-100, 100, 10)
print(a)

print(torch.sigmoid(a))

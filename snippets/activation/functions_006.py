import torch

# 从 -100 到 100 的大范围输入，专门用来观察饱和效应
a = torch.linspace(-100, 100, 10)
print(a)

print(torch.sigmoid(a))

# 上面 10 个点里离 0 最近的是 ±11.1；真正接近 0 的输入另取几个
b = torch.tensor([-1.0, -0.1, 0.0, 0.1, 1.0])
print(torch.sigmoid(b))

import torch

z = torch.tensor([1000.0, 0.0, -1000.0])

# 朴素写法：e^1000 超出 float32 的范围，变成 inf，inf / inf = nan
naive = z.exp() / z.exp().sum()
print("z.exp()        =", z.exp())
print("朴素写法       =", naive)

# 减去最大值：指数最大是 e^0 = 1，不会溢出，结果在数学上完全相同
shifted = z - z.max()
stable = shifted.exp() / shifted.exp().sum()
print("减去最大值     =", stable)
print("torch.softmax  =", torch.softmax(z, dim=0))

import torch

# 练习 1：Softmax 减去最大值结果不变，却能避免 exp 溢出
z = torch.tensor([1000.0, 1001.0, 1002.0])

naive = torch.exp(z) / torch.exp(z).sum()  # exp(1000) 超出 float32 范围：inf / inf
stable = torch.exp(z - z.max()) / torch.exp(z - z.max()).sum()
print("直接算  :", naive)
print("减最大值:", stable)
print("torch.softmax:", torch.softmax(z, dim=0))

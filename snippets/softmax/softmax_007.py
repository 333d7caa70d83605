import torch

z = torch.tensor([1000.0, 1001.0, 1002.0])

naive = torch.exp(z) / torch.exp(z).sum()  # 直接按定义
stable = torch.exp(z - z.max()) / torch.exp(z - z.max()).sum()  # 先减去最大值
print("直接算  :", naive)
print("减最大值:", stable)
print("torch.softmax:", torch.softmax(z, dim=0))

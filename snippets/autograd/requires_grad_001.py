import torch
from torch import nn

# 自己创建的张量：默认不追踪梯度
x = torch.tensor([1.0, 2.0])
print("x.requires_grad =", x.requires_grad)

# nn.Linear 的可学习参数：默认就开启了追踪
layer = nn.Linear(2, 1)
print("layer.weight.requires_grad =", layer.weight.requires_grad)
print("layer.bias.requires_grad   =", layer.bias.requires_grad)

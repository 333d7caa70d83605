import torch
from torch import nn
from torch.nn import functional as F

x = torch.tensor([-3.0, -1.0, -0.5, 0.5, 2.0], requires_grad=True)

# 函数写法 F.leaky_relu 与模块写法 nn.LeakyReLU：负半轴乘上斜率 negative_slope
leaky = nn.LeakyReLU()  # 不写斜率，默认值是多少？
print("默认斜率 negative_slope =", leaky.negative_slope)
print("LeakyReLU(x) =", F.leaky_relu(x, negative_slope=0.01).detach())
print("两种写法相同？", torch.equal(leaky(x), F.leaky_relu(x, negative_slope=0.01)))

# 用 autograd 求导：负半轴的导数就是斜率，而不是 ReLU 的 0
(relu_grad,) = torch.autograd.grad(torch.relu(x).sum(), x)
(leaky_grad,) = torch.autograd.grad(F.leaky_relu(x, negative_slope=0.01).sum(), x)
print("x                  =", x.detach())
print("ReLU 的导数        =", relu_grad)
print("LeakyReLU 的导数   =", leaky_grad)

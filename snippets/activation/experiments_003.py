import torch
from torch.nn import functional as F

a = torch.linspace(-100, 100, 10, requires_grad=True)
s = torch.sigmoid(a)
s.sum().backward()

# float32 里，σ(x) 真的等于 0 或 1 的位置
print("σ(a) == 0 :", (s == 0).tolist())
print("σ(a) == 1 :", (s == 1).tolist())
# 这些位置上的梯度也恰好是 0：信号彻底断了
print("a.grad    :", a.grad)

# 所以对 sigmoid 的输出取 log 可能得到 -inf；logsigmoid 直接算 log σ(x)，数值稳定
print("torch.log(σ(-100))   =", torch.log(s.detach()[0]).item())
print("F.logsigmoid(-100)   =", F.logsigmoid(torch.tensor(-100.0)).item())

import torch
import torch.nn.functional as F
from torch import nn


def grad_at_zero(f):
    x = torch.tensor(0.0, requires_grad=True)
    f(x).backward()
    return x.grad.item()


print("torch.relu          在 0 处的梯度:", grad_at_zero(torch.relu))
print("F.relu              在 0 处的梯度:", grad_at_zero(F.relu))
print("nn.ReLU()           在 0 处的梯度:", grad_at_zero(nn.ReLU()))
# 数学上等价的手写版本，在 0 处却各取各的值
print("x.clamp(min=0)      在 0 处的梯度:", grad_at_zero(lambda x: x.clamp(min=0)))
zero = torch.tensor(0.0)
print("torch.maximum(x, 0) 在 0 处的梯度:", grad_at_zero(lambda x: torch.maximum(x, zero)))

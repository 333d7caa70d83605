import torch
from torch import nn


def piecewise_relu_net(n):
    # 正文里手搭的网络：n 个 ReLU 单元，把 [-2, 2] 上的 y = x² 连成 n 段折线
    knots = torch.linspace(-2, 2, n + 1)
    heights = knots**2
    slopes = (heights[1:] - heights[:-1]) / (knots[1:] - knots[:-1])
    changes = [slopes[0].item()] + [(slopes[k] - slopes[k - 1]).item() for k in range(1, n)]
    model = nn.Sequential(nn.Linear(1, n), nn.ReLU(), nn.Linear(n, 1))
    with torch.no_grad():
        model[0].weight.fill_(1.0)
        model[0].bias.copy_(-knots[:-1])
        model[2].weight.copy_(torch.tensor([changes]))
        model[2].bias.fill_(heights[0].item())
    return model


# 练习 1：n = 32 和 n = 64 时，最大误差是多少？
x = torch.linspace(-2, 2, 6401).unsqueeze(1)
errors = {}
for n in (32, 64):
    with torch.no_grad():
        errors[n] = (x**2 - piecewise_relu_net(n)(x)).abs().max().item()
    print(f"n = {n:<3} 最大误差 {errors[n]:.6f}")

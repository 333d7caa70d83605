import torch
from torch import nn


def piecewise_relu_net(n):
    """手搭一个有 n 个 ReLU 单元的网络：在 [-2, 2] 上把 y = x² 连成 n 段折线。"""
    knots = torch.linspace(-2, 2, n + 1)  # 折点 t_0, t_1, …, t_n
    heights = knots**2  # 折点处的高度 f(t_k)
    slopes = (heights[1:] - heights[:-1]) / (knots[1:] - knots[:-1])  # 每一段的斜率
    # 第 k 个单元 relu(x − t_k) 从 t_k 起把斜率增加 changes[k]
    changes = [slopes[0].item()] + [(slopes[k] - slopes[k - 1]).item() for k in range(1, n)]

    model = nn.Sequential(nn.Linear(1, n), nn.ReLU(), nn.Linear(n, 1))
    with torch.no_grad():  # 直接写入参数，不需要 autograd 记录
        model[0].weight.fill_(1.0)  # 第 k 个单元算 relu(1·x − t_k)
        model[0].bias.copy_(-knots[:-1])
        model[2].weight.copy_(torch.tensor([changes]))  # 输出 = Σ changes[k]·relu(x − t_k)
        model[2].bias.fill_(heights[0].item())  # 再加上起点的高度 f(t_0)
    return model


x = torch.linspace(-2, 2, 1601).unsqueeze(1)  # 细密的网格：量最大误差
errors = {}
print("单元数 n   最大误差 max|x² − 网络(x)|")
for n in (2, 4, 8, 16):
    with torch.no_grad():
        errors[n] = (x**2 - piecewise_relu_net(n)(x)).abs().max().item()
    print(f"{n:<10} {errors[n]:.6f}")

import torch
from torch import nn
from torch.nn import functional as F

DEPTH, WIDTH = 15, 32

# 同样的网络，但不做任何初始化设置，直接用 nn.Linear 的默认初始化
print("激活函数   第1层梯度范数   输出层梯度范数   输出层 / 第1层")
ratios = {}
for name, activation in [("sigmoid", nn.Sigmoid), ("tanh", nn.Tanh), ("relu", nn.ReLU)]:
    torch.manual_seed(0)
    layers = []
    for _ in range(DEPTH):
        layers += [nn.Linear(WIDTH, WIDTH), activation()]
    model = nn.Sequential(*layers, nn.Linear(WIDTH, 1))
    x, y = torch.randn(64, WIDTH), torch.randn(64, 1)
    F.mse_loss(input=model(x), target=y).backward()
    norms = [m.weight.grad.norm().item() for m in model if isinstance(m, nn.Linear)]
    ratios[name] = norms[-1] / norms[0]
    print(f"{name:<8}   {norms[0]:.2e}        {norms[-1]:.2e}         {ratios[name]:.1e}")

import torch
from torch import nn

DEPTH, WIDTH = 15, 32  # 15 个隐藏层，每层 32 个神经元


def layer_grad_norms(act_name):
    """搭一个深层 MLP，做一次反向传播，返回每个线性层权重梯度的范数（从输入层到输出层）。"""
    torch.manual_seed(0)  # 三种激活函数用同一份随机数，公平比较
    activation = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}[act_name]
    layers = []
    for _ in range(DEPTH):
        linear = nn.Linear(WIDTH, WIDTH)
        # 每种激活函数都用它推荐的初始化尺度（gain），排除“初始化没配好”的因素
        nn.init.xavier_normal_(linear.weight, gain=nn.init.calculate_gain(act_name))
        nn.init.zeros_(linear.bias)
        layers += [linear, activation()]
    model = nn.Sequential(*layers, nn.Linear(WIDTH, 1))

    x, y = torch.randn(64, WIDTH), torch.randn(64, 1)
    nn.functional.mse_loss(model(x), y).backward()
    return [m.weight.grad.norm().item() for m in model if isinstance(m, nn.Linear)]


norms = {name: layer_grad_norms(name) for name in ("sigmoid", "tanh", "relu")}

print("层   " + "  ".join(f"{name:<8}" for name in norms))
for i in range(DEPTH + 1):
    row = "  ".join(f"{norms[name][i]:.2e}" for name in norms)
    print(f"{i + 1:>2}   {row}")
print("第 1 层梯度范数 relu / sigmoid =", f"{norms['relu'][0] / norms['sigmoid'][0]:.1e}")

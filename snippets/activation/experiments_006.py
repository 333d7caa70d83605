import torch
from torch import nn
from torch.nn import functional as F

DEPTH, WIDTH = 15, 32  # 15 个隐藏层，每层 32 个神经元
ACTIVATIONS = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}


def build(act_name, gain):
    """搭一个深层网络，按 gain 初始化权重，偏置置 0。"""
    torch.manual_seed(0)  # 每个网络用同一份随机数，公平比较
    layers = []
    for _ in range(DEPTH):
        linear = nn.Linear(WIDTH, WIDTH)
        nn.init.xavier_normal_(linear.weight, gain=gain)
        nn.init.zeros_(linear.bias)  # 偏置全部置 0
        layers += [linear, ACTIVATIONS[act_name]()]
    return nn.Sequential(*layers, nn.Linear(WIDTH, 1))  # 最后是输出层：32 -> 1


def layer_grad_norms(act_name, gain):
    """做一次反向传播，返回每个线性层权重梯度的范数（第 1 层在前，输出层在最后）。"""
    model = build(act_name, gain)
    x, y = torch.randn(64, WIDTH), torch.randn(64, 1)
    F.mse_loss(input=model(x), target=y).backward()
    return [m.weight.grad.norm().item() for m in model if isinstance(m, nn.Linear)]


# 四个网络：三种激活函数各用 calculate_gain 建议的 gain，再加一个 gain = 4 的 sigmoid
setups = {
    "sigmoid": ("sigmoid", nn.init.calculate_gain("sigmoid")),  # gain = 1
    "sigmoid×4": ("sigmoid", 4.0),
    "tanh": ("tanh", nn.init.calculate_gain("tanh")),
    "relu": ("relu", nn.init.calculate_gain("relu")),
}
norms = {label: layer_grad_norms(*setup) for label, setup in setups.items()}

print("层   " + "  ".join(f"{label:<9}" for label in norms))
for i in range(DEPTH + 1):
    print(f"{i + 1:>2}   " + "  ".join(f"{norms[label][i]:<9.2e}" for label in norms))

# 每个网络自己的衰减：输出层的梯度范数是第 1 层的多少倍
decay = {label: n[-1] / n[0] for label, n in norms.items()}
print("输出层 / 第 1 层：" + "，".join(f"{label} {r:.1e}" for label, r in decay.items()))
ratio_gain1 = norms["relu"][0] / norms["sigmoid"][0]
ratio_gain4 = norms["relu"][0] / norms["sigmoid×4"][0]
print(f"第 1 层 relu / sigmoid：gain 1 时 {ratio_gain1:.1e}，gain 4 时 {ratio_gain4:.1e}")

# 两个 sigmoid 网络里，15 个 Sigmoid 实际的导数 σ' = σ(1 − σ) 有多大？（在这批输入上取平均）
slopes = {}
for label in ("sigmoid", "sigmoid×4"):
    model = build(*setups[label])
    h = torch.randn(64, WIDTH)  # 与上面反向传播时同一批输入（同一个种子之后第一次抽取）
    slopes[label] = []
    with torch.no_grad():  # 只看前向的数值，不需要求导
        for m in model:  # 让输入逐层穿过网络
            h = m(h)
            if isinstance(m, nn.Sigmoid):
                slopes[label].append((h * (1 - h)).mean().item())
    low, high = min(slopes[label]), max(slopes[label])
    print(f"{label:<9} 各层 Sigmoid 的平均导数：{low:.2f} ~ {high:.2f}（最大可能值 0.25）")

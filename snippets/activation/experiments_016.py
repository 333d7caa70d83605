import torch
from torch import nn
from torch.nn import functional as F

from sitekit.figures import COLORS, INK, figure
from sitekit.watch import Frame, choice, ids, slider, widget

WIDTH = 32
ACTIVATIONS = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}


def layer_grad_norms(act_name, gain, depth):
    # 与上面的实验相同：同一种子、同样的初始化、一次反向传播，只是隐藏层的层数换成 depth
    torch.manual_seed(0)  # 每个网络重新设种子：每一组结果都能单独复现
    layers = []
    for _ in range(depth):
        linear = nn.Linear(WIDTH, WIDTH)
        nn.init.xavier_normal_(linear.weight, gain=gain)
        nn.init.zeros_(linear.bias)
        layers += [linear, ACTIVATIONS[act_name]()]
    model = nn.Sequential(*layers, nn.Linear(WIDTH, 1))
    x, y = torch.randn(64, WIDTH), torch.randn(64, 1)
    F.mse_loss(input=model(x), target=y).backward()
    # 每个线性层权重梯度的范数，第 1 层在前，输出层在最后
    return torch.stack([m.weight.grad.norm() for m in model if isinstance(m, nn.Linear)])


setups = {  # 与上面的实验同样的四个网络：(激活函数, gain)
    "sigmoid": ("sigmoid", nn.init.calculate_gain("sigmoid")),
    "sigmoid4": ("sigmoid", 4.0),
    "tanh": ("tanh", nn.init.calculate_gain("tanh")),
    "relu": ("relu", nn.init.calculate_gain("relu")),
}
names = {
    "sigmoid": "sigmoid（gain 1）",
    "sigmoid4": "sigmoid（gain 4）",
    "tanh": "tanh（gain 5/3）",
    "relu": "relu（gain √2）",
}
legend = {
    "sigmoid": "sigmoid (gain 1)",
    "sigmoid4": "sigmoid (gain 4)",
    "tanh": "tanh (gain 5/3)",
    "relu": "relu (gain √2)",
}
styles = {"sigmoid": "-", "sigmoid4": "--", "tanh": "-", "relu": "-"}
depths = [5, 10, 15, 20, 25, 30]  # 隐藏层的层数；15 就是上面的实验
norms = {
    (label, depth): layer_grad_norms(*setups[label], depth) for label in setups for depth in depths
}

# ---- 图：上面是选中的网络各层的梯度范数，下面是第 1 层的梯度范数随层数的变化 ----
TITLE = "选一个激活函数和层数：各层权重梯度的范数（对数坐标）"
prefix = ids(TITLE)
fig, (top, bottom) = figure(5.0, 5.0, nrows=2)
for color, label in zip(COLORS, setups, strict=False):
    first = [norms[label, depth][0].item() for depth in depths]
    bottom.plot(depths, first, styles[label], color=color, marker="o", ms=3, label=legend[label])
    for depth in depths:
        n = norms[label, depth]
        (line,) = top.plot(range(1, len(n) + 1), n, styles[label], color=color, marker="o", ms=3)
        line.set_gid(f"{prefix}-reveal-{label}-{depth}")  # 先藏起来，选中这个网络时才显示
        (ring,) = bottom.plot([depth], [n[0].item()], "o", ms=9, fillstyle="none", color=INK)
        ring.set_gid(f"{prefix}-reveal-{label}-{depth}-ring")
top.set_yscale("log")
top.set_xlim(0, max(depths) + 2)
top.set_ylim(bottom=min(n.min().item() for n in norms.values()) / 10)
top.set_xlabel("layer $l$")
top.set_ylabel("$\\|\\partial L / \\partial W_l\\|$")
bottom.set_yscale("log")
bottom.set_xticks(depths)
bottom.set_xlabel("hidden layers")
bottom.set_ylabel("$\\|\\partial L / \\partial W_1\\|$")
bottom.legend(loc="lower left", fontsize=9)


# ---- 每个 (激活函数, 层数) 一帧：各层梯度的范数，用 torch 打印 ----
torch.set_printoptions(precision=2, sci_mode=True, linewidth=28)  # 窄屏上也放得下
frames = []
for (label, depth), n in norms.items():
    ratio = (n[-1] / n[0]).item()
    text = (
        f"<p>{names[label]}，{depth} 个隐藏层：第 1 层到第 {depth + 1} 层（输出层）"
        f"权重梯度的范数，输出层 / 第 1 层 = {ratio:.1e}</p> <pre>{n}</pre>"
    )
    frames.append(
        Frame(
            label=f"{names[label]}，{depth} 个隐藏层",
            body=text,
            on=[f"{prefix}-reveal-{label}-{depth}", f"{prefix}-reveal-{label}-{depth}-ring"],
            keys={"act": label, "depth": str(depths.index(depth))},
            start=(label, depth) == ("sigmoid", 15),
        )
    )

controls = choice("act", "网络", names) + slider(
    "depth", "隐藏层数", [str(d) for d in depths], start=depths.index(15)
)
print(
    widget(
        fig,
        frames,
        controls,
        title=TITLE,
        caption="上：选中的网络里各层权重梯度的范数"
        "（横轴 l 是层号，1 最靠近输入，最后一个点是输出层）。"
        "下：每个网络第 1 层的梯度范数随隐藏层数的变化，圆圈是选中的那一个。"
        "每个网络都与上面的实验同样设置：同一个种子、同样的初始化、一次反向传播"
        "（层数不同，抽随机数的次数也不同：各个深度的输入和输出层并不相同，比的是趋势）。"
        "没有 JavaScript 时，上图是 15 个隐藏层的 sigmoid（gain 1），下面依次列出全部 24 组数字。",
        numbered=False,
    )
)

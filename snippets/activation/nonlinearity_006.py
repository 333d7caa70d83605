import torch
from torch import nn

from sitekit.figures import INK, figure, to_svg


def piecewise_relu_net(n):
    # 与上一段代码相同：n 个 ReLU 单元，把 y = x² 连成 n 段折线
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
    return model, knots, heights


x = torch.linspace(-2, 2, 401).unsqueeze(1)
fig, ax = figure(5.0, 3.0)
ax.plot(x, x**2, color=INK, lw=4, alpha=0.3, label="$y = x^2$")
for n, style in ((2, ":"), (4, "--"), (8, "-")):
    model, knots, heights = piecewise_relu_net(n)
    with torch.no_grad():
        ax.plot(x, model(x), style, lw=1.5, label=f"$n = {n}$")
    ax.plot(knots, heights, "o", ms=3, color=ax.lines[-1].get_color())
ax.set_xlabel("$x$")
ax.legend(loc="upper center")
print(
    to_svg(
        fig,
        title="n 个 ReLU 单元拼出的折线逼近 y = x²",
        caption="每个 ReLU 单元在一个折点处改变一次斜率，n 个单元拼出 n 段折线，"
        "在折点（圆点）上与曲线重合。n 每翻一倍，折线就贴得更紧。",
    )
)

import torch

from sitekit.figures import figure, to_svg

x = torch.linspace(-4, 4, 120, dtype=torch.float64)
y = torch.tanh(x)
formula = 1 - y**2  # 公式 tanh' = 1 − tanh²
h = 1e-5
numeric = (torch.tanh(x + h) - torch.tanh(x - h)) / (2 * h)  # 中心差分

fig, ax = figure(5.0, 2.8)
ax.plot(x, y, label="$\\tanh(x)$")
ax.plot(x, formula, label="$\\tanh′(x) = 1-\\tanh^2(x)$")
ax.plot(x[::5], numeric[::5], "o", ms=4, fillstyle="none", label="central difference")
ax.set_xlabel("$x$")
ax.legend(loc="lower right")
print(
    to_svg(
        fig,
        title="Tanh 函数及其导数",
        caption="Tanh 把输入压到 (−1, 1)，曲线关于原点对称；导数公式 1 − tanh²（实线）"
        "与中心差分（圆圈）重合，在 0 处最大为 1。",
    )
)

import torch

from sitekit.figures import figure, to_svg

x = torch.linspace(-6, 6, 120, dtype=torch.float64)
y = torch.sigmoid(x)
formula = y * (1 - y)  # 公式 σ' = σ(1 − σ)
h = 1e-5
numeric = (torch.sigmoid(x + h) - torch.sigmoid(x - h)) / (2 * h)  # 中心差分

fig, ax = figure(5.0, 2.8)
ax.plot(x, y, label="$\\sigma(x)$")
ax.plot(x, formula, label="$\\sigma′(x) = \\sigma(1-\\sigma)$")
ax.plot(x[::5], numeric[::5], "o", ms=4, fillstyle="none", label="central difference")
ax.set_xlabel("$x$")
ax.legend(loc="upper left")
print(
    to_svg(
        fig,
        title="Sigmoid 函数及其导数",
        caption="S 形曲线把输入压到 (0, 1)；导数公式 σ(1−σ)（实线）与中心差分（圆圈）重合，"
        "最大值只有 0.25，两端趋于 0。",
    )
)

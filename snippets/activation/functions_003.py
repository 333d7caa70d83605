import torch

from sitekit.figures import figure, to_svg


def step(x):
    return (x > 0).to(torch.float64)  # x > 0 输出 1，否则输出 0


x = torch.linspace(-3, 3, 120, dtype=torch.float64)  # 120 个点，没有一个恰好落在 0 上
y = step(x)
formula = torch.zeros_like(x)  # 公式：除 x = 0 外，导数处处为 0
h = 1e-5
numeric = (step(x + h) - step(x - h)) / (2 * h)  # 中心差分

fig, ax = figure(5.0, 2.8)
ax.plot(x, y, label="$\\mathrm{step}(x)$")
ax.plot(x, formula, label="$\\mathrm{step}′(x) = 0\\ (x \\neq 0)$")
ax.plot(x[::8], numeric[::8], "o", ms=4, fillstyle="none", label="central difference")
ax.set_xlabel("$x$")
ax.set_ylim(-0.15, 1.15)
ax.legend(loc="upper left")
print(
    to_svg(
        fig,
        title="阶跃函数及其导数",
        caption="阶跃函数在 0 处跳变，那里没有导数；其余各处导数都是 0，"
        "中心差分（圆圈）算出的也全是 0。",
    )
)

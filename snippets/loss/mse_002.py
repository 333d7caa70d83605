import torch
from matplotlib.patches import Rectangle

from sitekit.figures import COLORS, figure, to_svg

# 与上一段代码完全相同的数据和模型
torch.manual_seed(0)
x = torch.arange(1.0, 7.0)
y = 0.5 * x + 1 + 0.3 * torch.randn(6)
w, b = 0.6, 0.8
pred = w * x + b

fig, ax = figure(5.0, 3.4)
line_x = [0.5, 7.5]
line_y = [w * xi + b for xi in line_x]
ax.plot(line_x, line_y, color=COLORS[0], label=r"$f_\theta(x) = 0.6x + 0.8$")
for i, (xi, yi, pi) in enumerate(zip(x.tolist(), y.tolist(), pred.tolist(), strict=True)):
    # 每个误差画成一个边长为 |误差| 的正方形：面积就是误差的平方
    side = abs(yi - pi)
    label = r"$(y - f_\theta(x))^2$" if i == 0 else None
    square = Rectangle((xi, min(yi, pi)), side, side, color=COLORS[1], alpha=0.3, lw=0, label=label)
    ax.add_patch(square)
    ax.plot([xi, xi], [yi, pi], color=COLORS[1], lw=1.5)
ax.scatter(x.tolist(), y.tolist(), color=COLORS[2], zorder=3, label=r"$y$")
ax.set_aspect("equal")
ax.set_xlim(0.5, 7.5)
ax.set_xlabel(r"$x$")
ax.legend(loc="upper left")
print(
    to_svg(
        fig,
        title="均方误差的几何意义：真实值、预测直线与误差平方",
        caption="绿点是真实值 y，蓝线是模型的预测 f(x)，橙色竖线是误差 y − f(x)，"
        "橙色正方形的面积就是误差的平方。MSE 是这些面积的平均值。",
    )
)

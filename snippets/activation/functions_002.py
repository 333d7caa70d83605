from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from sitekit.figures import COLORS, INK, figure, to_svg

fig, ax = figure(5.0, 2.6)
ax.set_xlim(0, 10)
ax.set_ylim(0, 5.2)
ax.set_aspect("equal")
ax.axis("off")

# 三个输入，各带一个权重
inputs = [(1.0, 4.2), (1.0, 2.6), (1.0, 1.0)]
neuron = (5.0, 2.6)
for i, (x, y) in enumerate(inputs, start=1):
    ax.add_patch(Circle((x, y), 0.45, fill=False, lw=1.5, ec=COLORS[0]))
    ax.text(x, y, f"$x_{i}$", ha="center", va="center", fontsize=12)
    end = (neuron[0] - 0.8, neuron[1] + (y - neuron[1]) * 0.3)
    ax.add_patch(
        FancyArrowPatch((x + 0.5, y), end, arrowstyle="-|>", mutation_scale=10, lw=1.2, color=INK)
    )
    # 权重标在箭头中段的上方
    mid_x, mid_y = x + 0.5 + 0.4 * (end[0] - x - 0.5), y + 0.4 * (end[1] - y)
    ax.text(mid_x, mid_y + 0.2, f"$w_{i}$", ha="center", va="bottom", fontsize=11, color=COLORS[1])

# 加权求和（加上偏置 b）
ax.add_patch(Circle(neuron, 0.75, fill=False, lw=1.8, ec=COLORS[0]))
ax.text(*neuron, r"$\Sigma$", ha="center", va="center", fontsize=16)
ax.text(neuron[0], neuron[1] - 1.25, r"$\sum_i w_i x_i + b$", ha="center", fontsize=10)

# 激活函数 f(·)，再到输出 y
ax.add_patch(
    FancyArrowPatch((5.8, 2.6), (6.9, 2.6), arrowstyle="-|>", mutation_scale=10, lw=1.2, color=INK)
)
ax.add_patch(
    FancyBboxPatch(
        (7.0, 2.05), 1.2, 1.1, boxstyle="round,pad=0.05", fill=False, lw=1.8, ec=COLORS[2]
    )
)
ax.text(7.6, 2.6, r"$f(\cdot)$", ha="center", va="center", fontsize=13)
ax.add_patch(
    FancyArrowPatch((8.3, 2.6), (9.3, 2.6), arrowstyle="-|>", mutation_scale=10, lw=1.2, color=INK)
)
ax.text(9.55, 2.6, "$y$", ha="center", va="center", fontsize=13)

print(
    to_svg(
        fig,
        title="一个神经元：加权求和后经过激活函数",
        caption="输入 x₁、x₂、x₃ 分别乘以权重 w₁、w₂、w₃，求和并加上偏置 b，"
        "结果再经过激活函数 f(·) 得到输出 y。",
    )
)

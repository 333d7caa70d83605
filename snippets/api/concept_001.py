from matplotlib.patches import FancyBboxPatch

from sitekit.figures import COLORS, figure, to_svg

# 三个角色：顾客（调用方）、菜单（API）、厨房（后端）。每个框的第二行是 PyTorch 里的对应物
boxes = {
    "client": (0.13, "you", "your code"),
    "API": (0.50, "menu", "torch.sigmoid\n.backward()"),
    "backend": (0.87, "kitchen", "C++ code\ntorch._C"),
}

fig, ax = figure(5.0, 2.8)
ax.set_xlim(-0.02, 1.02)
ax.set_ylim(0, 1)
ax.axis("off")

for color, (name, (x, role, detail)) in zip(COLORS, boxes.items(), strict=False):
    ax.add_patch(
        FancyBboxPatch(
            (x - 0.12, 0.25),
            0.24,
            0.5,
            boxstyle="round,pad=0.01,rounding_size=0.03",
            facecolor="none",
            edgecolor=color,
            linewidth=2,
        )
    )
    ax.text(x, 0.64, name, ha="center", va="center", fontsize=13, fontweight="bold", color=color)
    ax.text(x, 0.52, role, ha="center", va="center", fontsize=11, style="italic")
    ax.text(x, 0.36, detail, ha="center", va="center", fontsize=9, family="monospace")

# 上方箭头：点菜（请求）从左往右；下方箭头：上菜（响应）从右往左
arrows = [
    (0.25, 0.38, 0.85, "request: dish, spicy=2"),
    (0.62, 0.75, 0.85, "call"),
    (0.75, 0.62, 0.15, "result"),
    (0.38, 0.25, 0.15, "response: the dish"),
]
for x_from, x_to, y, label in arrows:
    ax.annotate(
        "",
        xy=(x_to, y),
        xytext=(x_from, y),
        arrowprops={"arrowstyle": "-|>", "color": COLORS[0] if y > 0.5 else COLORS[2], "lw": 1.8},
    )
    ax.text(
        (x_from + x_to) / 2,
        y + (0.07 if y > 0.5 else -0.07),
        label,
        ha="center",
        va="center",
        fontsize=9,
    )

print(
    to_svg(
        fig,
        title="API 就像餐厅的菜单：顾客按菜单点菜，厨房按菜单上菜",
        caption="顾客（调用方）只和菜单（API）打交道：按规则提出请求，拿回约定的结果；"
        "厨房（后端）如何做菜被菜单挡在后面。放到 PyTorch 里：你调用 torch.sigmoid、"
        "loss.backward()，真正干活的是编译好的 C++ 引擎。",
    )
)

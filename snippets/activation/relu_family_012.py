import torch
from torch.nn import functional as F

from sitekit.figures import COLORS, INK, figure
from sitekit.watch import Frame, ids, slider, widget

functions = {
    "step": lambda t: (torch.sign(t) + 1) / 2,  # 阶跃函数：用 sign 拼出来，autograd 才能求导
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "ReLU": torch.relu,
    "LeakyReLU (0.1)": lambda t: F.leaky_relu(t, negative_slope=0.1),  # 斜率取 0.1，图上看得清
    "GELU": F.gelu,
    "SiLU": F.silu,
}
THRESHOLD = 0.05  # |f′(x)| 小于它：梯度穿过这一环，要缩小到不足 1/20


def value_and_derivative(f, x):
    """f 在 x 的每个点上的值，和 autograd 求出的导数 f′。"""
    x = x.clone().requires_grad_()
    out = f(x)
    (grad,) = torch.autograd.grad(out.sum(), x)
    return out.detach() + 0.0, grad + 0.0  # + 0.0：把 -0.0 变成 0.0，只为显示


grid = torch.linspace(-6, 6, 13)  # 滑块走过的 13 个点：-6, -5, ..., 6，包括 0
curve_x = torch.arange(-240, 241) / 40  # 画曲线用的 481 个点，间隔 0.025，也包括 0
at_grid = {name: value_and_derivative(f, grid) for name, f in functions.items()}
on_curve = {name: value_and_derivative(f, curve_x) for name, f in functions.items()}


def saturated_tails(grad):
    """从两端往里走，|f′| 一直小于 THRESHOLD 的区间：左边到 left 为止，右边从 right 开始
    （没有这样的区间则为 None）。"""
    small = (grad.abs() < THRESHOLD).tolist()
    n_left = small.index(False) if False in small else len(small)
    n_right = small[::-1].index(False) if False in small else len(small)
    left = curve_x[n_left - 1].item() if n_left else None
    right = curve_x[len(small) - n_right].item() if n_right else None
    return left, right


tails = {name: saturated_tails(grad) for name, (_, grad) in on_curve.items()}


def saturated(name, x):
    left, right = tails[name]
    return (left is not None and x <= left) or (right is not None and x >= right)


# ---- 图：每行一个激活函数，左列 f(x)，右列 f′(x)；阴影是两端的饱和区 ----
TITLE = "七个激活函数：拖动 x 看函数值和导数"
prefix = ids(TITLE)  # 图里元素 id 的前缀


def marker_id(i, name, part):
    """第 i 个格点、激活函数 name、f 或 f′（part 为 "f" / "d"）的标记。"""
    return f"{prefix}-reveal-{i}-{name[:4]}-{part}"


fig, axes = figure(5.0, 6.2, nrows=len(functions), ncols=2, sharex=True)
for (left_ax, right_ax), name in zip(axes, functions, strict=True):
    for ax, part, color in ((left_ax, 0, COLORS[0]), (right_ax, 1, COLORS[1])):
        ax.plot(curve_x, on_curve[name][part], color=color, lw=1.5)
        left, right = tails[name]
        if left is not None:
            ax.axvspan(-6, left, color=INK, alpha=0.08, lw=0)
        if right is not None and (left is None or right > left):
            ax.axvspan(right, 6, color=INK, alpha=0.08, lw=0)
        # 每个格点一个标记，先藏起来：滑块走到哪个点，就显示哪个点的标记
        for i, (x, y) in enumerate(zip(grid.tolist(), at_grid[name][part].tolist(), strict=True)):
            (marker,) = ax.plot([x], [y], "o", ms=5, color=INK, clip_on=False)
            marker.set_gid(marker_id(i, name, "fd"[part]))
    low, high = on_curve[name][0].min().item(), on_curve[name][0].max().item()
    left_ax.set_ylim(low - 0.15 * (high - low), high + 0.15 * (high - low))
    left_ax.locator_params(axis="y", nbins=3)
    right_ax.set_ylim(-0.25, 1.25)  # 右列同一个纵轴范围，导数的大小可以直接比
    right_ax.set_yticks([0, 0.5, 1])
    left_ax.text(0.02, 0.95, name, transform=left_ax.transAxes, va="top", fontsize=10)
axes[0][0].set_title("$f(x)$", fontsize=10)
axes[0][1].set_title("$f′(x)$", fontsize=10)
for ax in axes[-1]:
    ax.set_xlabel("$x$")
    ax.set_xticks(range(-6, 7, 3))


# ---- 每个格点一帧：一张表，列出七个函数在这一点的值和导数 ----
def number(v):
    """4 位小数；很小但不是 0 的数用科学计数法，这样表里的 0.0000 就是恰好为 0。"""
    return f"{v:.4f}" if v == 0 or abs(v) >= 1e-3 else f"{v:.2e}"


START = 1.0  # 打开页面时 x 在哪里
frames = []
for i, x in enumerate(grid.tolist()):
    rows = "".join(
        f"<tr><td>{name}{'（饱和区）' if saturated(name, x) else ''}</td> "
        f"<td>{number(at_grid[name][0][i].item())}</td> "
        f"<td>{number(at_grid[name][1][i].item())}</td></tr> "
        for name in functions
    )
    head = f"<tr><th>x = {x:g}</th> <th>f(x)</th> <th>f′(x)</th></tr>"
    frames.append(
        Frame(
            label=f"x = {x:g}",
            body=f"<table><thead>{head}</thead> <tbody>{rows}</tbody></table>",
            on=[marker_id(i, name, part) for name in functions for part in "fd"],
            keys={"x": str(i)},
            start=x == START,
        )
    )

print(
    widget(
        fig,
        frames,
        slider("x", "x", [f"{x:g}" for x in grid.tolist()], start=grid.tolist().index(START)),
        title=TITLE,
        caption="左列是函数 f(x)，右列是 autograd 求出的导数 f′(x)，圆点是滑块选中的 x；"
        "右列七行的纵轴范围相同，导数的大小可以直接比。"
        f"阴影是两端的饱和区：从那里往外，|f′(x)| 一直小于 {THRESHOLD}，"
        "梯度穿过这一环就缩小到不足 1/20。"
        "表里的 0.0000 是 float32 里恰好为 0（GELU 在 x = −6 处也是：真值约 −5.9 × 10⁻⁹，"
        "float32 舍入成了 0）。LeakyReLU 的负半轴斜率这里取 0.1（默认 0.01）。"
        "阶跃函数用 (sign(x) + 1) / 2 写出（实验页的第三种写法）：它在 0 处取 0.5，"
        "而激活函数页的写法在 0 处取 0；autograd 给出的导数处处是 0（包括 0 处），"
        "数学上它在 0 处没有导数。",
        numbered=False,
    )
)

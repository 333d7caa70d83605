import torch

from sitekit.figures import COLORS, figure, to_svg

# 两个类别：模型给出 p = (r, 1 − r)，横轴是 r
r = torch.linspace(0.01, 0.99, 99)
log_p = torch.log(torch.stack([r, 1 - r], dim=1))
targets = {"q = (0.7, 0.3)": torch.tensor([0.7, 0.3]), "y = (1, 0)": torch.tensor([1.0, 0.0])}

fig, ax = figure(5.0, 3.0)
curves, floors = {}, {}
for (label, q), color in zip(targets.items(), COLORS, strict=False):
    curves[label] = -(q * log_p).sum(dim=1)  # 交叉熵 H(q, p) = −Σ q_k log p_k
    floors[label] = torch.special.entr(q).sum().item()  # 熵 H(q)
    ax.plot(r.tolist(), curves[label].tolist(), color=color, label=f"${label}$")
    ax.axhline(floors[label], color=color, ls="--", lw=1)
# 在 r = 0.15 处标出 H(q, p) 与 H(q) 之间的差：KL(q‖p)
soft = curves["q = (0.7, 0.3)"]
gap_at = 14  # r[14] = 0.15
ax.annotate(
    "", xy=(0.15, floors["q = (0.7, 0.3)"]), xytext=(0.15, soft[gap_at].item()),
    arrowprops={"arrowstyle": "<->", "color": COLORS[2]},
)  # fmt: skip
ax.text(0.17, 0.9, "$KL(q \\| p)$", color=COLORS[2], fontsize=9)
ax.axvline(0.7, color=COLORS[0], ls=":", lw=1)
ax.set_ylim(-0.05, 3)
ax.set_xlabel("$r = p_0$")
ax.legend(loc="upper center")
print(
    to_svg(
        fig,
        title="交叉熵 H(q, p) 的下限是熵 H(q)",
        caption="两个类别，模型给出 p = (r, 1 − r)。蓝线：目标 q = (0.7, 0.3) 时的交叉熵，"
        "最低点在 r = 0.7（p = q），最低值就是熵 H(q) ≈ 0.611（蓝色虚线）；"
        "任何别的 r 都高出 KL(q‖p)（绿色箭头）。橙线：one-hot 目标 y = (1, 0) 时的交叉熵 −log r，"
        "熵为 0（橙色虚线），r 越接近 1 越接近 0。",
    )
)

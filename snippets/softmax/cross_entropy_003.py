import torch

from sitekit.figures import COLORS, figure, to_svg

# 10 个样本：7 个属于类别 0，3 个属于类别 1。
# 一个不看输入的模型：对每个样本都给出同一个分布 (r, 1 − r)
target = torch.tensor([0] * 7 + [1] * 3)
r = torch.linspace(0.01, 0.99, 99)  # 候选的 r：0.01, 0.02, …, 0.99
p = torch.stack([r, 1 - r], dim=1)  # 每个候选一行：(r, 1 − r)
p_true = p[:, target]  # 每个候选分给 10 个真实标签的概率，形状 (99, 10)
likelihood = torch.prod(p_true, dim=1)
mean_nll = -torch.log(p_true).mean(dim=1)
best_likelihood = r[likelihood.argmax()].item()
best_nll = r[mean_nll.argmin()].item()

fig, (left, right) = figure(5.6, 2.8, ncols=2)
# 似然很小（最大约 0.002），纵轴画的是它的 1000 倍
left.plot(r.tolist(), (1000 * likelihood).tolist(), color=COLORS[0])
left.set_title("likelihood $\\times 10^3$")
right.plot(r.tolist(), mean_nll.tolist(), color=COLORS[1])
right.set_title("mean $-\\log p_c$")
right.set_ylim(0, 3)
for ax, best in ((left, best_likelihood), (right, best_nll)):
    ax.axvline(best, color=COLORS[2], ls="--", lw=1)
    ax.set_xlabel("$r$")
right.text(best_nll + 0.03, 2.6, f"$r = {best_nll:.2f}$", color=COLORS[2], fontsize=9)
print(
    to_svg(
        fig,
        title="似然最大的地方，就是负对数似然的平均值最小的地方",
        caption="10 个样本里 7 个属于类别 0、3 个属于类别 1，模型对每个样本都给出 (r, 1 − r)。"
        "左：似然 r⁷(1 − r)³（纵轴放大了 1000 倍），在 r = 0.70 处最大，最大值只有约 0.002；"
        "右：负对数似然的平均值，在同一个 r 处最小。最好的 r 正是类别 0 出现的频率 7/10。",
    )
)

import torch
import torch.nn.functional as F

from sitekit.figures import COLORS, figure, to_svg

# 与上一段代码相同的 logits
torch.manual_seed(0)
a = torch.randn(5)
p = F.softmax(a, dim=0)

fig, (left, right) = figure(5.6, 2.8, ncols=2)
index = range(len(a))
left.bar(index, a.tolist(), color=COLORS[0])
left.axhline(0, color=COLORS[0], lw=0.8)
left.set_title(r"logits $a_i$")
right.bar(index, p.tolist(), color=COLORS[1])
right.set_ylim(0, 1)
right.set_title(r"$p_i = \mathrm{softmax}(a)_i$")
for i, value in enumerate(p.tolist()):
    right.text(i, value + 0.02, f"{value:.2f}", ha="center", fontsize=8)
for ax in (left, right):
    ax.set_xticks(list(index))
    ax.set_xlabel(r"$i$")
print(
    to_svg(
        fig,
        title="Softmax 把一组 logits 变成概率分布",
        caption="左：5 个任意分数 a_i，有正有负；右：经过 Softmax 后的概率 p_i，"
        "都在 0 到 1 之间，加起来等于 1，原来越大的分数得到越大的概率。",
    )
)

import torch
import torch.nn.functional as F

from sitekit.figures import COLORS, figure, to_svg

# 与上一段代码相同的 logits
torch.manual_seed(0)
a = torch.randn(5)
p = F.softmax(a, dim=0)

fig, (left, right) = figure(5.6, 2.8, ncols=2)
index = list(range(len(a)))  # 代码里的下标 0, 1, 2, 3, 4
left.bar(index, a.tolist(), color=COLORS[0])
left.axhline(0, color=COLORS[0], lw=0.8)
left.set_title("logits a")
left.set_xticks(index, [f"a[{i}]" for i in index])
right.bar(index, p.tolist(), color=COLORS[1])
right.set_ylim(0, 1)
right.set_title("p = softmax(a)")
right.set_xticks(index, [f"p[{i}]" for i in index])
for i, value in enumerate(p.tolist()):
    right.text(i, value + 0.02, f"{value:.2f}", ha="center", fontsize=8)
print(
    to_svg(
        fig,
        title="Softmax 把一组 logits 变成概率分布",
        caption="左：5 个任意分数 a[0] 到 a[4]（代码下标从 0 开始，即第 1 到第 5 个类别），"
        "有正有负；右：经过 Softmax 后的概率 p[0] 到 p[4]，都在 0 到 1 之间，加起来等于 1，"
        "原来越大的分数得到越大的概率。",
    )
)

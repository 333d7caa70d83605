import torch
import torch.nn.functional as F
from torch import autograd

from sitekit.autograd_graph import graph_figure, walk
from sitekit.figures import to_svg

torch.manual_seed(0)
a = torch.rand(3, requires_grad=True)


def graph_after_first_grad(retain_graph):
    """前向计算 p，对 p[1] 求一次梯度，然后读取此刻的计算图。"""
    p = F.softmax(a, dim=0)
    p1, p2 = p[1], p[2]
    autograd.grad(p1, [a], retain_graph=retain_graph)
    names = {"p[1]": p1, "p[2]": p2, "p = softmax(a)": p, "a": a}
    return walk(p1, p2, names=names)


kept = graph_after_first_grad(retain_graph=True)
freed = graph_after_first_grad(retain_graph=False)

titles = ["autograd.grad(p[1], [a], retain_graph=True)", "autograd.grad(p[1], [a])"]
fig = graph_figure(kept, freed, titles=titles)
print(
    to_svg(
        fig,
        title="对 p[1] 求一次梯度之后的 softmax 计算图：保留与不保留",
        caption=(
            "对 p[1] 求过一次梯度之后，从 p[1] 和 p[2] 的 grad_fn 现场读取的计算图。"
            "p[1] 和 p[2] 共用同一个 SoftmaxBackward0。"
            "上：retain_graph=True，它保存的 result（softmax 的输出）还在。"
            "下：默认行为，节点和箭头都还在，只有 result 被释放（虚线框），"
            "所以再对 p[2] 求梯度就会报错。"
        ),
    )
)

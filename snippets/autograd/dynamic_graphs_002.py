import torch

from sitekit.autograd_graph import graph_figure, walk
from sitekit.figures import to_svg


def forward(x, w):  # 和上面同一个函数
    h = w * x[0]
    for t in range(1, len(x)):
        h = 2 * h + x[t]
    if h > 0:
        out = h**2
    else:
        out = -h
    return out


w = torch.tensor(0.5, requires_grad=True)
out_a = forward(torch.tensor([1.0, 2.0]), w)
out_b = forward(torch.tensor([1.0, -3.0, 0.5]), w)

graph_a = walk(out_a, names={"out": out_a, "w": w})
graph_b = walk(out_b, names={"out": out_b, "w": w})
titles = ["x = [1, 2]: 1 loop, h > 0, out = h ** 2", "x = [1, -3, 0.5]: 2 loops, h < 0, out = -h"]
fig = graph_figure(graph_a, graph_b, titles=titles)
print(
    to_svg(
        fig,
        title="同一个 forward，两个输入，两张计算图",
        caption=(
            "同一个 forward(x, w)，从两次调用的 out.grad_fn 现场读出的计算图。"
            "上：输入长 2，循环 1 圈，h > 0，顶上是 PowBackward0（h ** 2）。"
            "下：输入长 3，循环 2 圈，多出一对 MulBackward0（2 * h）和 AddBackward0（+ x[t]），"
            "h < 0，顶上是 NegBackward0（-h）。"
            "if 的判断没有留下节点：它只是 Python 读了一次 h 的值。"
        ),
    )
)

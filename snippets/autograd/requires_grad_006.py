import torch

from sitekit.autograd_graph import graph_figure, walk
from sitekit.figures import to_svg

# 和上面的例子完全相同的前向计算：autograd 一边算一边把计算图记下来
x = torch.ones(2, requires_grad=True)
y = x + 2
z = y * y * 3
out = z.mean()

# 从 out.grad_fn 出发，沿 next_functions 一路走到叶子 x，画出真实的计算图
# names 把张量和生成它的那行代码对应起来，写在节点右边
names = {"out = z.mean()": out, "z = y * y * 3": z, "y = x + 2": y, "x": x}
graph = walk(out, names=names)
fig = graph_figure(graph)
print(
    to_svg(
        fig,
        title="out = mean(3(x+2)^2) 的计算图",
        caption=(
            "从 out.grad_fn 沿 next_functions 走出的计算图（构建网站时现场读取）。"
            "箭头就是 backward() 传递梯度的方向：MeanBackward0 → 两个 MulBackward0 → "
            "AddBackward0 → AccumulateGrad，最后把梯度累积进 x.grad。"
            "y * y 用了 y 两次，所以有两条箭头指向 AddBackward0；"
            "橙色的 saved 是该节点为反向传播保存的张量。"
        ),
    )
)

import torch
import torch.nn.functional as F

from sitekit.autograd_graph import graph_figure, walk
from sitekit.figures import to_svg

# 第三幕的顺序：先开启追踪，再计算 mse
x = torch.ones(1)
w = torch.full([1], 2.0)
w.requires_grad_()
mse = F.mse_loss(x * w, torch.ones(1))

graph = walk(mse, names={"mse": mse, "w": w})
fig = graph_figure(graph)
print(
    to_svg(
        fig,
        title="第三幕中 mse 的计算图",
        caption=(
            "第三幕里从 mse.grad_fn 现场读取的计算图：MseLossBackward0 → MulBackward0（x * w）"
            " → AccumulateGrad（把梯度存进 w.grad）。第一、二幕的 mse.grad_fn 是 None，"
            "根本没有这张图。"
        ),
    )
)

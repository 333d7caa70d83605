import torch

from sitekit.figures import figure, to_svg

x = torch.linspace(-4, 4, 120, requires_grad=True)
y = torch.tanh(x)
(grad,) = torch.autograd.grad(y.sum(), x)  # 导数由 autograd 算出
formula = (1 - y**2).detach()  # 公式 tanh' = 1 − tanh²

xs = x.detach()
fig, ax = figure(5.0, 2.8)
ax.plot(xs, y.detach(), label="$\\tanh(x)$")
ax.plot(xs, grad, label="$\\tanh′(x)$ autograd")
ax.plot(xs[::5], formula[::5], "o", ms=4, fillstyle="none", label="$1-\\tanh^2(x)$ (formula)")
ax.set_xlabel("$x$")
ax.legend(loc="lower right")
print(
    to_svg(
        fig,
        title="Tanh 函数及其导数",
        caption="Tanh 把输入压到 (−1, 1)，曲线关于原点对称；autograd 算出的导数（实线）"
        "与公式 1 − tanh²（圆圈）重合，在 0 处最大为 1。",
    )
)

import torch

from sitekit.figures import figure, to_svg

x = torch.linspace(-6, 6, 120, requires_grad=True)
y = torch.sigmoid(x)
(grad,) = torch.autograd.grad(y.sum(), x)  # 导数由 autograd 算出
formula = (y * (1 - y)).detach()  # 公式 σ' = σ(1 − σ)

xs = x.detach()
fig, ax = figure(5.0, 2.8)
ax.plot(xs, y.detach(), label="$\\sigma(x)$")
ax.plot(xs, grad, label="$\\sigma′(x)$ autograd")
ax.plot(xs[::5], formula[::5], "o", ms=4, fillstyle="none", label="$\\sigma(1-\\sigma)$ (formula)")
ax.set_xlabel("$x$")
ax.legend(loc="upper left")
print(
    to_svg(
        fig,
        title="Sigmoid 函数及其导数",
        caption="S 形曲线把输入压到 (0, 1)；autograd 算出的导数（实线）与公式 σ(1−σ)"
        "（圆圈）重合，最大值只有 0.25，两端趋于 0。",
    )
)

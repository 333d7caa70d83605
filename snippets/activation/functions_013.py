import torch

from sitekit.figures import figure, to_svg

x = torch.linspace(-3, 3, 120, requires_grad=True)
y = torch.relu(x)
(grad,) = torch.autograd.grad(y.sum(), x)  # 导数由 autograd 算出
formula = (x > 0).float()  # 公式：x > 0 时为 1，x < 0 时为 0

xs = x.detach()
fig, ax = figure(5.0, 2.8)
ax.plot(xs, y.detach(), label="$\\mathrm{ReLU}(x)=\\max(0,x)$")
ax.plot(xs, grad, label="$\\mathrm{ReLU}′(x)$ autograd")
ax.plot(xs[::5], formula[::5], "o", ms=4, fillstyle="none", label="$[x>0]$ (formula)")
ax.set_xlabel("$x$")
ax.legend(loc="upper left")
print(
    to_svg(
        fig,
        title="ReLU 函数及其导数",
        caption="ReLU 负数归零、正数不变；autograd 算出的导数（实线）与公式（圆圈）重合："
        "x < 0 时为 0，x > 0 时恒为 1。",
    )
)

import torch

from sitekit.figures import figure, to_svg

# 阶跃函数：x > 0 输出 1，x < 0 输出 0（在 0 处取 0.5），用 sign 写成 autograd 能走通的形式
x = torch.linspace(-3, 3, 120, requires_grad=True)
y = (torch.sign(x) + 1) / 2
(grad,) = torch.autograd.grad(y.sum(), x)  # 导数由 autograd 算出
formula = torch.zeros_like(x)  # 公式：除 x = 0 外，导数处处为 0

xs = x.detach()
fig, ax = figure(5.0, 2.8)
ax.plot(xs, y.detach(), label="$\\mathrm{step}(x)$")
ax.plot(xs, grad, label="$\\mathrm{step}′(x)$ autograd")
ax.plot(xs[::8], formula[::8], "o", ms=4, fillstyle="none", label="$0$ (formula)")
ax.set_xlabel("$x$")
ax.set_ylim(-0.15, 1.15)
ax.legend(loc="upper left")
print(
    to_svg(
        fig,
        title="阶跃函数及其导数",
        caption="阶跃函数在 0 处跳变；autograd 算出的导数处处为 0（圆圈是公式给出的 0），"
        "梯度传不回去。",
    )
)

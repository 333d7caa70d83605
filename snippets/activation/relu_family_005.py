import torch
from torch.nn import functional as F

from sitekit.figures import figure, to_svg

x = torch.linspace(-4, 3, 141, dtype=torch.float64, requires_grad=True)
functions = {
    "ReLU": torch.relu,
    "LeakyReLU (0.1)": lambda t: F.leaky_relu(t, negative_slope=0.1),  # 斜率取 0.1，图上看得清
    "GELU": F.gelu,
    "SiLU": F.silu,
}
values, grads = {}, {}
for name, f in functions.items():
    out = f(x)
    (grads[name],) = torch.autograd.grad(out.sum(), x)  # 导数由 autograd 求出
    values[name] = out.detach()

fig, (top, bottom) = figure(5.0, 4.8, nrows=2, sharex=True)
for name, style in zip(functions, ["-", "--", "-", "-"], strict=True):
    top.plot(x.detach(), values[name], style, label=name)
    bottom.plot(x.detach(), grads[name], style, label=name)
top.set_ylabel("$f(x)$")
top.legend(loc="upper left")
bottom.set_ylabel("$f′(x)$")
bottom.set_xlabel("$x$")
print(
    to_svg(
        fig,
        title="ReLU 与它的后继者：曲线和导数",
        caption="上：函数；下：autograd 求出的导数。LeakyReLU 的负半轴斜率这里取 0.1（默认 0.01），"
        "好让它在图上看得见。GELU 和 SiLU 是平滑的：函数在负半轴先略低于 0、再回到 0；"
        "导数是连续的，没有 ReLU 在 0 处的跳变，在正半轴上还会略超过 1。",
    )
)

import torch

from sitekit.figures import figure, to_svg

x = torch.linspace(-3, 3, 120, dtype=torch.float64)  # 120 个点，没有一个恰好落在 0 上
y = torch.relu(x)
formula = (x > 0).to(torch.float64)  # 公式：x > 0 时为 1，x < 0 时为 0
h = 1e-5
numeric = (torch.relu(x + h) - torch.relu(x - h)) / (2 * h)  # 中心差分

fig, ax = figure(5.0, 2.8)
ax.plot(x, y, label="$\\mathrm{ReLU}(x)=\\max(0,x)$")
ax.plot(x, formula, label="$\\mathrm{ReLU}′(x)$")
ax.plot(x[::5], numeric[::5], "o", ms=4, fillstyle="none", label="central difference")
ax.set_xlabel("$x$")
ax.legend(loc="upper left")
print(
    to_svg(
        fig,
        title="ReLU 函数及其导数",
        caption="ReLU 负数归零、正数不变；导数公式（实线）与中心差分（圆圈）重合："
        "x < 0 时为 0，x > 0 时恒为 1。",
    )
)

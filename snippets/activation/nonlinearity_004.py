import torch
from torch import nn
from torch.nn import functional as F

from sitekit.figures import figure, to_svg

# 与上一段代码完全相同的两次训练
x = torch.linspace(-2, 2, 64).unsqueeze(1)
y = x**2


def fit(model, lr, steps):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(steps):
        loss = F.mse_loss(input=model(x), target=y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return F.mse_loss(input=model(x), target=y).item()


torch.manual_seed(0)
linear = nn.Linear(1, 1)
linear_loss = fit(linear, lr=0.1, steps=1000)
torch.manual_seed(0)
relu_net = nn.Sequential(nn.Linear(1, 32), nn.ReLU(), nn.Linear(32, 1))
relu_loss = fit(relu_net, lr=0.05, steps=1000)

with torch.no_grad():
    linear_fit, relu_fit = linear(x), relu_net(x)
fig, ax = figure(5.0, 3.0)
ax.plot(x[::3], y[::3], "o", ms=4, fillstyle="none", label="data $y = x^2$")
ax.plot(x, linear_fit, "--", label=f"linear (MSE {linear_loss:.2f})")
ax.plot(x, relu_fit, label=f"32 ReLU units (MSE {relu_loss:.4f})")
ax.set_xlabel("$x$")
ax.legend(loc="upper center")
print(
    to_svg(
        fig,
        title="线性模型与 ReLU 网络拟合 y = x²",
        caption="同样 1000 步 SGD：线性模型只能给出一条直线，数据左右对称，最好的直线是水平的"
        "（高度是 y 的平均值）；一个隐藏层 32 个 ReLU 单元的网络贴着曲线走。",
    )
)

import torch
from torch import nn
from torch.nn import functional as F

# 曲线 y = x²，在 [-2, 2] 上取 64 个点
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
w, b = linear.weight.item(), linear.bias.item()
print(f"线性模型：损失 {linear_loss:.4f}，w = {w:.1e}，b = {b:.4f}")
# 对照：一条水平线 y = 平均值 的损失（就是 y 的方差）
flat = F.mse_loss(input=torch.zeros_like(y) + y.mean(), target=y).item()
print(f"水平线 y = {y.mean().item():.4f} 的损失：{flat:.4f}")

torch.manual_seed(0)
relu_net = nn.Sequential(nn.Linear(1, 32), nn.ReLU(), nn.Linear(32, 1))
relu_loss = fit(relu_net, lr=0.05, steps=1000)
print(f"32 个 ReLU 单元的网络：损失 {relu_loss:.4f}")

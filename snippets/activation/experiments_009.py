import torch
from torch import nn
from torch.nn import functional as F


class CenteredSigmoid(nn.Module):
    """σ(x) − 0.5：输出以 0 为中心，导数却和 σ 完全一样（对照组）。"""

    def forward(self, x):
        return torch.sigmoid(x) - 0.5


# 玩具回归任务：用 64 个点拟合 y = sin(2x)
# .unsqueeze(1) 插入一个长度为 1 的维度：形状 (64,) 变成 (64, 1)，即 64 个样本、每个 1 个特征
x = torch.linspace(-3, 3, 64).unsqueeze(1)
y = torch.sin(2 * x)


def train(activation, steps=100, lr=0.05):
    torch.manual_seed(0)  # 同一个种子：三个模型的初始参数完全相同
    model = nn.Sequential(
        nn.Linear(1, 32), activation(), nn.Linear(32, 32), activation(), nn.Linear(32, 1)
    )
    # 优化器：管理 model 的全部参数，每次 step() 按 w ← w − lr·∂L/∂w 更新它们
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        loss = F.mse_loss(input=model(x), target=y)
        optimizer.zero_grad()  # 清掉上一步留在 .grad 里的梯度
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


curves = {
    "sigmoid": train(nn.Sigmoid),
    "sigmoid-0.5": train(CenteredSigmoid),
    "tanh": train(nn.Tanh),
}

print("第几步    " + "".join(f"{name:<14}" for name in curves))
for step in (0, 25, 50, 75, 99):
    print(f"{step:>4}      " + "".join(f"{curves[name][step]:<14.4f}" for name in curves))

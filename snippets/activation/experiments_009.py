import torch
from torch import nn
from torch.nn import functional as F


class ShiftedSigmoid(nn.Module):
    """σ(k·x) − shift：k 决定 0 处的斜率（k/4），shift 把输出整体平移（导数不变）。"""

    def __init__(self, k, shift):
        super().__init__()
        self.k, self.shift = k, shift

    def forward(self, x):
        return torch.sigmoid(self.k * x) - self.shift


# 五种隐藏层激活函数：零中心与否 × 0 处的斜率是 1/4 还是 1，再加上 tanh
activations = {
    "sigmoid": nn.Sigmoid,  # 斜率 1/4，输出恒为正
    "sigmoid-0.5": lambda: ShiftedSigmoid(1, 0.5),  # 斜率 1/4，零中心
    "sigmoid(4x)": lambda: ShiftedSigmoid(4, 0.0),  # 斜率 1，输出恒为正
    "sigmoid(4x)-0.5": lambda: ShiftedSigmoid(4, 0.5),  # 斜率 1，零中心
    "tanh": nn.Tanh,  # 斜率 1，零中心
}

# 玩具回归任务：用 64 个点拟合 y = sin(2x)
# .unsqueeze(1) 插入一个长度为 1 的维度：形状 (64,) 变成 (64, 1)，即 64 个样本、每个 1 个特征
x = torch.linspace(-3, 3, 64).unsqueeze(1)
y = torch.sin(2 * x)


def train(activation, steps=100, lr=0.05):
    torch.manual_seed(0)  # 同一个种子：所有模型的初始参数完全相同
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


curves = {name: train(activation) for name, activation in activations.items()}

# 每个网络在第 0、25、50、75、99 步的训练损失
print("激活函数 / 第几步 " + "".join(f"{step:>8}" for step in (0, 25, 50, 75, 99)))
for name, losses in curves.items():
    print(f"{name:<18}" + "".join(f"{losses[step]:>8.4f}" for step in (0, 25, 50, 75, 99)))

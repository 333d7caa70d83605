import torch
from torch import nn
from torch.nn import functional as F

X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])

# 两个 ReLU 单元就能精确表示 XOR：relu(x1 + x2) − 2·relu(x1 + x2 − 1)
s = X[:, 0] + X[:, 1]  # 每个点的 x1 + x2：0、1、1、2
by_hand = torch.relu(s) - 2 * torch.relu(s - 1)
print("手搭的两个单元：", by_hand.tolist())


def train(hidden, seed, steps=500):
    """一个隐藏层、hidden 个 ReLU 单元的网络，和线性模型一样用 SGD 训练。"""
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(2, hidden), nn.ReLU(), nn.Linear(hidden, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(steps):
        loss = F.mse_loss(input=model(X), target=y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model, F.mse_loss(input=model(X), target=y).item()


model, loss = train(hidden=8, seed=0)
print(f"训练 8 个单元（种子 0）：最终损失 {loss:.1e}")
print("四个点上的输出：", [round(row[0], 4) for row in model(X).detach().tolist()])

# 换几个随机种子（不同的初始参数）再训练，最终损失低于 0.01 算成功
for hidden in (2, 4, 8):
    losses = [train(hidden, seed)[1] for seed in range(6)]
    success = sum(loss < 0.01 for loss in losses)
    print(f"{hidden} 个单元：6 个种子里成功 {success} 个，最终损失", [round(v, 4) for v in losses])

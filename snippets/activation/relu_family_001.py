import torch
from torch import nn
from torch.nn import functional as F

# 数据：64 个点，拟合 y = sin(2x)
x = torch.linspace(-2, 2, 64).unsqueeze(1)
y = torch.sin(2 * x)


def build():
    torch.manual_seed(0)  # 两次训练从同一组初始参数出发
    return nn.Sequential(
        nn.Linear(1, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1)
    )


def dead_units(model):
    """两个隐藏层里各有几个“死亡”单元：在全部 64 个输入上输出都是 0。"""
    pre1 = model[0](x)  # 第一个隐藏层 ReLU 之前的值，形状 (64, 32)：每列一个单元
    pre2 = model[2](model[1](pre1))  # 第二个隐藏层 ReLU 之前的值
    # (pre > 0).sum(0)：每一列（每个单元）有几个输入让它输出正数；0 个就是死了
    return [int(((pre > 0).sum(0) == 0).sum()) for pre in (pre1, pre2)]


def train(model, lr, steps):
    """训练 steps 步，返回训练中出现过的最大损失和最终损失。"""
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        loss = F.mse_loss(input=model(x), target=y)
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return max(losses), F.mse_loss(input=model(x), target=y).item()


print("死亡单元的个数写成 [第 1 层, 第 2 层]，箭头前是训练前，箭头后是 300 步之后")
results = {}
for lr in (0.05, 0.5):
    model = build()
    before = dead_units(model)
    highest, final = train(model, lr, 300)
    after = dead_units(model)
    results[lr] = (before, after, highest, final)
    print(f"学习率 {lr:<4}：死亡单元 {before} → {after}，", end="")
    print(f"训练中最大损失 {highest:.4f}，最终损失 {final:.4f}")
constant = F.mse_loss(input=torch.zeros_like(y), target=y).item()
print(f"对照：不管输入是什么都输出 0，损失是 {constant:.4f}")

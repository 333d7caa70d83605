import torch
from torch import nn
from torch.nn import functional as F

x = torch.linspace(-2, 2, 64).unsqueeze(1)
y = torch.sin(2 * x)


def experiment(activation):
    """同一组初始参数：先用过大的学习率 0.5 训练 300 步，再用 0.05 训练 2000 步。"""
    torch.manual_seed(0)
    model = nn.Sequential(
        nn.Linear(1, 32), activation(), nn.Linear(32, 32), activation(), nn.Linear(32, 1)
    )

    def train(lr, steps):
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        for _ in range(steps):
            loss = F.mse_loss(input=model(x), target=y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        return F.mse_loss(input=model(x), target=y).item()

    def negative_units():
        """第二个隐藏层里，激活函数之前的值在全部输入上都不大于 0 的单元"""
        pre = model[2](model[1](model[0](x)))
        return (pre > 0).sum(0) == 0

    train(0.5, 300)
    stuck = negative_units()
    model.zero_grad()
    F.mse_loss(input=model(x), target=y).backward()
    grad = model[2].weight.grad[stuck].abs().max().item()  # 流进这些单元的梯度
    loss = train(0.05, 2000)
    return int(stuck.sum()), grad, int(negative_units().sum()), loss


results = {}
for name, activation in (("ReLU", nn.ReLU), ("LeakyReLU", nn.LeakyReLU)):
    results[name] = experiment(activation)
    count, grad, count_after, loss = results[name]
    print(f"{name}：第 2 层全在负半轴的单元 {count} 个，流进它们的权重梯度最大 {grad:.2e}")
    print(f"  再用 0.05 训练 2000 步后：还剩 {count_after} 个，损失 {loss:.4f}")

import torch
from torch import nn
from torch.nn import functional as F

x = torch.linspace(-2, 2, 64).unsqueeze(1)
y = torch.sin(2 * x)

# 与上一段代码相同：同一组初始参数，用过大的学习率 0.5 训练 300 步
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(1, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1))


def train(lr, steps):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(steps):
        loss = F.mse_loss(input=model(x), target=y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return F.mse_loss(input=model(x), target=y).item()


def dead_mask(layer):
    """第二个隐藏层里哪些单元死了（True）：ReLU 之前的值在全部输入上都不大于 0。"""
    pre = layer(model[1](model[0](x)))
    return (pre > 0).sum(0) == 0


train(0.5, 300)
dead = dead_mask(model[2])

# 再做一次反向传播，看看流进死亡单元的梯度：第 2 层权重的每一行、偏置的每一个数属于一个单元
model.zero_grad()
F.mse_loss(input=model(x), target=y).backward()
w_grad, b_grad = model[2].weight.grad, model[2].bias.grad
print(f"第 2 层死亡单元：{int(dead.sum())} 个")
print("死亡单元的权重梯度，绝对值最大的：", w_grad[dead].abs().max().item())
print("死亡单元的偏置梯度，绝对值最大的：", b_grad[dead].abs().max().item())
print("活着的单元的权重梯度，绝对值最大的：", w_grad[~dead].abs().max().item())

# 换成合适的学习率 0.05，再训练 2000 步：死去的单元一个也没有活过来
loss = train(0.05, 2000)
print(f"再训练 2000 步后：死亡单元 {int(dead_mask(model[2]).sum())} 个，损失 {loss:.4f}")
print("还是原来那些单元吗？", torch.equal(dead_mask(model[2]), dead))

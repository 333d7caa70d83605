import torch
import torch.nn.functional as F

# 数据：300 个二维点，真实类别由固定的权重 W_true 决定（3 个类别，取分数最大的那个）
torch.manual_seed(0)
x = torch.randn(300, 2)
W_true = torch.tensor([[1.0, -0.5, -0.5], [0.0, 0.87, -0.87]])
target = (x @ W_true).argmax(dim=1)
y = F.one_hot(target, num_classes=3).float()


def train(loss_name, steps=200, lr=0.5):
    # 糟糕的起点：权重正好是 W_true 反过来再放大 2 倍，每个样本都自信地选了错的类别
    W = (-2.0 * W_true).requires_grad_()
    optimizer = torch.optim.SGD([W], lr=lr)
    history = []
    for step in range(steps + 1):
        logits = x @ W
        if step % 25 == 0:  # 记录交叉熵和准确率：两种训练用同一把尺子衡量
            accuracy = (logits.argmax(dim=1) == target).float().mean().item()
            history.append((step, F.cross_entropy(logits, target).item(), accuracy))
        if loss_name == "交叉熵":
            loss = F.cross_entropy(logits, target)
        else:
            loss = F.mse_loss(input=F.softmax(logits, dim=1), target=y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return history


runs = {name: train(name) for name in ("交叉熵", "均方误差")}
print("步数 | 用交叉熵训练: 交叉熵  准确率 | 用均方误差训练: 交叉熵  准确率")
for (step, ce_loss, ce_acc), (_, mse_loss, mse_acc) in zip(*runs.values(), strict=True):
    ce_part = f"{ce_loss:>18.3f}  {ce_acc:>6.1%}"
    mse_part = f"{mse_loss:>20.3f}  {mse_acc:>6.1%}"
    print(f"{step:>4} | {ce_part} | {mse_part}")

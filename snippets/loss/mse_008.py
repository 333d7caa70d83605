import torch

# 练习 3（有问题的代码）：想训练得快一点，把学习率从 0.02 调到 0.1，损失却越来越大
torch.manual_seed(0)
x = torch.arange(1.0, 7.0)
y = 0.5 * x + 1 + 0.3 * torch.randn(6)
N = len(x)

w, b = 0.6, 0.8
lr = 0.1

for step in range(6):
    error = y - (w * x + b)
    loss = (error**2).mean()
    grad_w = (-2 / N * (error * x).sum()).item()
    grad_b = (-2 / N * error.sum()).item()
    print(f"第 {step} 步  loss = {loss.item():10.4f}  w = {w:8.4f}  ∂MSE/∂w = {grad_w:9.4f}")
    w = w - lr * grad_w
    b = b - lr * grad_b

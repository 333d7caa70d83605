import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.arange(1.0, 7.0)
y = 0.5 * x + 1 + 0.3 * torch.randn(6)

w = torch.tensor(0.6, requires_grad=True)
b = torch.tensor(0.8, requires_grad=True)
lr = 0.02  # 学习率：沿负梯度方向走多远

for step in range(5):
    loss = F.mse_loss(w * x + b, y)
    loss.backward()
    print(f"第 {step} 步  loss = {loss.item():.4f}  (w = {w.item():.4f}, b = {b.item():.4f})")
    with torch.no_grad():  # 更新参数这一步本身不需要被录制
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()  # 梯度会累积，用完清零
    b.grad.zero_()

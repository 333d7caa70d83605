import torch

torch.manual_seed(0)
x = torch.arange(1.0, 7.0)
y = 0.5 * x + 1 + 0.3 * torch.randn(6)
N = len(x)

w, b = 0.6, 0.8
lr = 0.02  # 学习率 η：每一步沿负梯度方向走多远

for step in range(5):
    error = y - (w * x + b)
    loss = (error**2).mean()  # MSE
    # 梯度：还是上面那两个手算公式
    grad_w = (-2 / N * (error * x).sum()).item()
    grad_b = (-2 / N * error.sum()).item()
    print(f"第 {step} 步  loss = {loss.item():.4f}  (w = {w:.4f}, b = {b:.4f})")
    # 梯度下降：每个参数减去 学习率 × 梯度
    w = w - lr * grad_w
    b = b - lr * grad_b

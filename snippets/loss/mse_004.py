import torch

# 与上面完全相同的 6 个样本和参数
torch.manual_seed(0)
x = torch.arange(1.0, 7.0)
y = 0.5 * x + 1 + 0.3 * torch.randn(6)
w, b = 0.6, 0.8
N = len(x)

error = y - (w * x + b)  # 误差 y - f(x)
# 按上面推出的公式手算：-2/N · Σ 误差 · ∂f/∂θ，其中 ∂f/∂w = x，∂f/∂b = 1
grad_w = -2 / N * (error * x).sum()
grad_b = -2 / N * (error * 1).sum()
# .item()：把只含一个数的张量取出来，变成普通的 Python 数
print(f"∂MSE/∂w = {grad_w.item():.6f}")
print(f"∂MSE/∂b = {grad_b.item():.6f}")

import torch
import torch.nn.functional as F

# 损失函数那一页的 6 个样本
torch.manual_seed(0)
x = torch.arange(1.0, 7.0)
y = 0.5 * x + 1 + 0.3 * torch.randn(6)
N = len(x)

# 参数 θ = (w, b)：先开启梯度追踪，再用它们计算损失
w = torch.tensor(0.6, requires_grad=True)
b = torch.tensor(0.8, requires_grad=True)
loss = F.mse_loss(w * x + b, y)  # 预测在前，目标在后
loss.backward()

# 那一页的手算公式：-2/N · Σ 误差 · ∂f/∂θ，其中 ∂f/∂w = x，∂f/∂b = 1（用普通的数 0.6、0.8 算）
error = y - (0.6 * x + 0.8)
grad_w = -2 / N * (error * x).sum()
grad_b = -2 / N * error.sum()

print(f"∂loss/∂w  公式: {grad_w.item():.6f}   autograd: {w.grad.item():.6f}")
print(f"∂loss/∂b  公式: {grad_b.item():.6f}   autograd: {b.grad.item():.6f}")
print("两者一致:", torch.allclose(grad_w, w.grad) and torch.allclose(grad_b, b.grad))

import torch

x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
torch.relu(x).sum().backward()
print("x               =", x.detach())
print("torch.relu 的导数 =", x.grad)

# 数学上 x = 0 处不可导；同样是 max(0, x)，不同写法在 0 处给出的“导数”不同
ways = {
    "torch.relu(x)": lambda t: torch.relu(t),
    "x.clamp(min=0)": lambda t: t.clamp(min=0),
    "torch.maximum(x, 0)": lambda t: torch.maximum(t, torch.zeros_like(t)),
}
grad_at_zero = {}
for name, f in ways.items():
    zero = torch.tensor(0.0, requires_grad=True)
    f(zero).backward()
    grad_at_zero[name] = zero.grad.item()
    print(f"{name:<20} 在 x = 0 处的梯度: {zero.grad.item()}")

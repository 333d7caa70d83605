import torch

x = torch.linspace(-5, 5, 101)
# tanh 是“横向压缩、纵向拉伸”两倍的 sigmoid
max_gap = (torch.tanh(x) - (2 * torch.sigmoid(2 * x) - 1)).abs().max().item()
print("max |tanh(x) − (2σ(2x) − 1)| =", max_gap)

# 三个激活函数在 0 处的斜率（autograd）
slopes = {}
for name, f in [
    ("sigmoid", torch.sigmoid),
    ("sigmoid-0.5", lambda t: torch.sigmoid(t) - 0.5),
    ("tanh", torch.tanh),
]:
    zero = torch.tensor(0.0, requires_grad=True)
    f(zero).backward()
    slopes[name] = zero.grad.item()
    print(f"{name:<12} 在 0 处的导数: {zero.grad.item()}")

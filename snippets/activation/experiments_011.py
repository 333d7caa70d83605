import torch

x = torch.linspace(-5, 5, 101)
# tanh 是 sigmoid 横向压缩一半、纵向拉伸两倍，再整体下移 1
max_gap = (torch.tanh(x) - (2 * torch.sigmoid(2 * x) - 1)).abs().max().item()
print("max |tanh(x) − (2σ(2x) − 1)| =", max_gap)

# 五个激活函数在 0 处的斜率（autograd）
slopes = {}
for name, f in [
    ("sigmoid", torch.sigmoid),
    ("sigmoid-0.5", lambda t: torch.sigmoid(t) - 0.5),
    ("sigmoid(4x)", lambda t: torch.sigmoid(4 * t)),
    ("sigmoid(4x)-0.5", lambda t: torch.sigmoid(4 * t) - 0.5),
    ("tanh", torch.tanh),
]:
    zero = torch.tensor(0.0, requires_grad=True)
    f(zero).backward()
    slopes[name] = zero.grad.item()
    print(f"{name:<16} 在 0 处的导数: {zero.grad.item()}")

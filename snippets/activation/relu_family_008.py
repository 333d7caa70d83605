import torch
from torch.nn import functional as F

# 练习 1：四个激活函数在 x = 0 这一点的导数，PyTorch 各给出多少？
functions = {
    "ReLU": torch.relu,
    "LeakyReLU(0.2)": lambda t: F.leaky_relu(t, negative_slope=0.2),
    "GELU": F.gelu,
    "SiLU": F.silu,
}
grads = {}
for name, f in functions.items():
    zero = torch.tensor(0.0, requires_grad=True)
    f(zero).backward()
    grads[name] = zero.grad.item()
    print(f"{name:<15} f'(0) = {grads[name]:.2f}")

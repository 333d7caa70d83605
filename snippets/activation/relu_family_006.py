import math

import torch
from torch.nn import functional as F

x = torch.linspace(-4, 4, 81, dtype=torch.float64, requires_grad=True)
t = x.detach()

# 三个后继者的导数公式（Φ 是标准正态分布的累积分布函数，φ 是它的密度）
Phi = 0.5 * (1 + torch.erf(t / 2**0.5))
phi = torch.exp(-(t**2) / 2) / (2 * math.pi) ** 0.5
s = torch.sigmoid(t)
slope = torch.tensor(0.01, dtype=torch.float64)  # LeakyReLU 负半轴的斜率，也用 float64
formulas = {
    "LeakyReLU": (lambda v: F.leaky_relu(v, negative_slope=0.01), torch.where(t > 0, 1.0, slope)),
    "GELU": (F.gelu, Phi + t * phi),  # d/dx [x Φ(x)] = Φ(x) + x φ(x)
    "SiLU": (F.silu, s * (1 + t * (1 - s))),  # d/dx [x σ(x)] = σ(x) + x σ(x)(1 − σ(x))
}

print("函数本身也先核对一遍：GELU = xΦ(x)，SiLU = xσ(x)")
print(f"  max |F.gelu − xΦ(x)| = {(F.gelu(t) - t * Phi).abs().max().item():.1e}")
print(f"  max |F.silu − xσ(x)| = {(F.silu(t) - t * s).abs().max().item():.1e}")
print("autograd 的导数与公式之差（x 取 [-4, 4] 上的 81 个点）：")
for name, (f, formula) in formulas.items():
    (grad,) = torch.autograd.grad(f(x).sum(), x)
    print(f"  {name:<10} max |autograd − 公式| = {(grad - formula).abs().max().item():.1e}")

# GELU 和 SiLU 不是单调的：负半轴上有一个最低点，函数值略小于 0
fine = torch.linspace(-3, 0, 30001, dtype=torch.float64)
for name, f in (("GELU", F.gelu), ("SiLU", F.silu)):
    values = f(fine)
    i = values.argmin()
    print(f"{name} 的最低点：x ≈ {fine[i].item():.3f}，f(x) ≈ {values[i].item():.4f}")

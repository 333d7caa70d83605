import math

import torch
from torch.nn import functional as F

x = torch.linspace(-6, 6, 1201)

# 精确的 GELU 要用 erf；approximate="tanh" 换成一个只用 tanh 的近似公式
exact = F.gelu(x)
approx = F.gelu(x, approximate="tanh")
print(f"max |精确 − tanh 近似| = {(exact - approx).abs().max().item():.1e}")


# GPT-2 公开代码里的 gelu（原为 TensorFlow，照抄成 torch）
def gpt2_gelu(x):
    return 0.5 * x * (1 + torch.tanh((2 / math.pi) ** 0.5 * (x + 0.044715 * x**3)))


print(f"max |GPT-2 的 gelu − tanh 近似| = {(gpt2_gelu(x) - approx).abs().max().item():.1e}")
print(f"max |GPT-2 的 gelu − 精确 GELU| = {(gpt2_gelu(x) - exact).abs().max().item():.1e}")

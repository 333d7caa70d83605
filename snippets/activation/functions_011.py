import torch

# 导数公式 tanh'(x) = 1 − tanh²(x)，用中心差分核对（float64，h = 1e-5）
x = torch.linspace(-10, 10, 1001, dtype=torch.float64)
t = torch.tanh(x)
h = 1e-5
numeric = (torch.tanh(x + h) - torch.tanh(x - h)) / (2 * h)
max_error = (numeric - (1 - t**2)).abs().max().item()
print(f"max |(1 − tanh²) − 中心差分| = {max_error:.1e}")

# 核对定义 tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))（这次用默认的 float32）
x32 = torch.linspace(-10, 10, 1001)
by_definition = (torch.exp(x32) - torch.exp(-x32)) / (torch.exp(x32) + torch.exp(-x32))
print(f"max |定义式 − torch.tanh| = {(by_definition - torch.tanh(x32)).abs().max().item():.1e}")

# 和 Sigmoid 一样，float32 里 tanh 也会恰好取到端点 ±1
print("torch.tanh([-10, 10]) =", torch.tanh(torch.tensor([-10.0, 10.0])))

import torch

torch.manual_seed(0)

# 输入关于 0 对称时，输出均值（.mean()）才是 0（只差浮点舍入误差）
symmetric = torch.linspace(-1, 1, 10)
print(f"输入 linspace(-1, 1)：tanh 输出均值 = {torch.tanh(symmetric).mean().item():.1e}")

# 输入整体偏正（比如上一层的输出大多为正），tanh 的输出均值也跟着偏正
shifted = torch.linspace(0, 2, 10)
print(f"输入 linspace(0, 2) ：tanh 输出均值 = {torch.tanh(shifted).mean().item():.4f}")

# 随机输入：均值为 1 的正态分布
z = torch.randn(10000) + 1
print(f"输入 randn + 1      ：tanh 输出均值 = {torch.tanh(z).mean().item():.4f}")

# 对比 Sigmoid：即使输入对称，输出均值也是 0.5
print(f"输入 linspace(-1, 1)：sigmoid 输出均值 = {torch.sigmoid(symmetric).mean().item():.4f}")

import torch

# 练习 3：从定义 σ(x) = 1 / (1 + e^(−x)) 推导出 σ'(x) = σ(x)(1 − σ(x))，再用中心差分核对
x = torch.tensor([-3.0, 0.5, 2.0], dtype=torch.float64)
h = 1e-5
s = torch.sigmoid(x)

derived = s * (1 - s)  # 推导的结果
numeric = (torch.sigmoid(x + h) - torch.sigmoid(x - h)) / (2 * h)  # 中心差分
print("推导的公式 σ(1 − σ):", derived)
print("中心差分          :", numeric)
print("最大差值          :", f"{(derived - numeric).abs().max().item():.1e}")

import torch

# 练习 1：中心差分在 float32 和 float64 里的误差，步长 h 从大到小
exact = torch.sigmoid(torch.tensor(1.0, dtype=torch.float64))
exact = exact * (1 - exact)  # 公式 σ'(1) = σ(1)(1 − σ(1))，用 float64 算作“标准答案”

errors = {}
print("h        float32 的误差   float64 的误差")
for h in (1e-1, 1e-2, 1e-3, 1e-4, 1e-5):
    row = []
    for dtype in (torch.float32, torch.float64):
        x = torch.tensor(1.0, dtype=dtype)
        numeric = (torch.sigmoid(x + h) - torch.sigmoid(x - h)) / (2 * h)
        row.append(abs(numeric.item() - exact.item()))
    errors[h] = row
    print(f"{h:<8.0e} {row[0]:.1e}          {row[1]:.1e}")

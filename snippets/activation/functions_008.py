import math

import torch
from torch.nn import functional as F

# 1) 负的一侧：σ(x) = 1 / (1 + e^(-x))。e^89 已超出 float32 的最大值（约 3.4e38），溢出成 inf
t = torch.tensor([88.0, 89.0, 100.0])
print("torch.exp(t)      =", torch.exp(t))
print("torch.sigmoid(-t) =", torch.sigmoid(-t))
print("1 / (1 + inf)     =", 1 / (1 + torch.tensor(math.inf)))

# σ(-100) 的真实值约 3.7e-44，float32 其实表示得了：比 0 大的最小 float32 数约 1.4e-45
print("float64 的 σ(-100)     =", torch.sigmoid(torch.tensor(-100.0, dtype=torch.float64)))
print("torch.tensor(3.7e-44)  =", torch.tensor(3.7e-44), " 不等于 0？", torch.tensor(3.7e-44) != 0)
print("比 0 大的最小 float32  =", torch.nextafter(torch.tensor(0.0), torch.tensor(1.0)))

# 2) 正的一侧：从哪个 float32 数开始，σ(x) 恰好等于 1？二分查找
lo, hi = torch.tensor(0.0), torch.tensor(100.0)  # σ(lo) < 1，σ(hi) == 1
while torch.nextafter(lo, hi) != hi:  # 直到 lo 和 hi 是两个相邻的 float32 数
    mid = (lo + hi) / 2
    if torch.sigmoid(mid) == 1:
        hi = mid
    else:
        lo = mid
print(f"σ(x) 恰好为 1 的最小 float32 数：x = {hi.item()}，σ(x) = {torch.sigmoid(hi).item()}")
print(f"它前面相邻的 float32 数：x = {lo.item()}，σ(x) = {torch.sigmoid(lo).item()}")
print("24·ln 2 =", 24 * torch.log(torch.tensor(2.0, dtype=torch.float64)).item())

# 3) 后果：对 sigmoid 的输出再取 log 会得到 -inf；logsigmoid 直接算 log σ(x)，数值稳定
print("torch.log(torch.sigmoid(-100)) =", torch.log(torch.sigmoid(torch.tensor(-100.0))))
print("F.logsigmoid(-100)             =", F.logsigmoid(torch.tensor(-100.0)))

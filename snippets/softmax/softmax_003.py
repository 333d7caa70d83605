import torch
import torch.nn.functional as F

# 差距悬殊的 logits：数学上 e^{-200} 很小，但不是 0
a = torch.tensor([-100.0, 0.0, 100.0])

p32 = F.softmax(a, dim=0)  # 默认 float32
p64 = F.softmax(a.double(), dim=0)  # float64 能表示更小的数
print("float32:", p32.tolist())
print("float64:", p64.tolist())
print("float32 中恰好等于 0 或 1:", (p32 == 0).tolist(), (p32 == 1).tolist())

# 直接套公式会溢出：e^{1000} 超出 float32 范围变成 inf，inf / inf = nan
big = torch.tensor([0.0, 1000.0])
print("照公式手算:", (torch.exp(big) / torch.exp(big).sum()).tolist())
print("F.softmax :", F.softmax(big, dim=0).tolist())

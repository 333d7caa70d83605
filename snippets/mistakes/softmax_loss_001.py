import warnings

import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(2, 3, 4)  # (批大小, 序列长度, 类别数)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    p = F.softmax(logits)  # 没写 dim
for warning in caught:
    print(f"UserWarning: {warning.message}")

# 三维输入时，隐式选择的是 dim=0——批维度！
print("沿类别维求和 p.sum(dim=-1):")
print(p.sum(dim=-1))
print("沿批维求和 p.sum(dim=0):")
print(p.sum(dim=0))

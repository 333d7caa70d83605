import warnings

import torch
from torch import nn

pred = torch.tensor([[1.0], [2.0], [3.0], [4.0]])  # 模型输出：形状 (4, 1)
target = torch.tensor([1.0, 2.0, 3.0, 4.0])  # 标签：形状 (4,)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loss = nn.MSELoss()(pred, target)
for warning in caught:
    print(f"UserWarning: {warning.message}")

print("预测与标签完全相同，loss 却是", loss.item())
print("广播后的差值形状 =", (pred - target).shape)

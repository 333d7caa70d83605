import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
criterion = nn.BCEWithLogitsLoss()

x = torch.randn(4, 2)
y = torch.tensor([1.0, 0.0, 1.0, 0.0])  # 标签的形状是 (4,)
try:
    criterion(model(x), y)  # 模型输出的形状是 (4, 1)
except ValueError as error:
    print(f"ValueError: {error}")

# 常见的“修复” squeeze()：平时能用，最后一批只剩 1 个样本时又报错
last_x = torch.randn(1, 2)
last_y = torch.tensor([1.0])
out = model(last_x).squeeze()  # (1, 1) 的两个 1 都被去掉了，只剩一个 0 维张量
print("model(last_x).squeeze().shape =", tuple(out.shape))
try:
    criterion(out, last_y)
except ValueError as error:
    print(f"ValueError: {error}")

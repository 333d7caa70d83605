import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
criterion = nn.BCEWithLogitsLoss()

# 修复：squeeze(1) 只去掉 dim=1 那一维，批维度无论多大都保留
for batch in (4, 1):
    x = torch.randn(batch, 2)
    y = torch.ones(batch)
    out = model(x).squeeze(1)
    loss = criterion(out, y)
    shapes = f"out.shape = {tuple(out.shape)}, y.shape = {tuple(y.shape)}"
    print(f"批大小 {batch}: {shapes}, loss = {loss.item():.4f}")

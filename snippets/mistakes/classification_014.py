import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
criterion = nn.BCEWithLogitsLoss()
x = torch.randn(4, 2)
y = torch.tensor([1.0, 0.0, 1.0, 0.0])

logits = model(x).squeeze(1)
loss = criterion(logits, y)  # 修复：损失函数拿原始分数
prob = torch.sigmoid(logits)  # 要报告“是正类的概率”时，在损失之外单独做 sigmoid
print(f"loss = {loss.item():.4f}")
print("是正类的概率:", [round(p, 4) for p in prob.tolist()])

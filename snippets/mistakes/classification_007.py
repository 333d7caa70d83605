import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)  # 二分类：每个样本只输出一个分数（logit）
x = torch.randn(4, 2)
y = torch.tensor([[1.0], [0.0], [1.0], [0.0]])  # 标签：1 是正类，0 是负类

logits = model(x)
print("logits =", logits.detach().squeeze(1))

criterion = nn.BCELoss()  # 它要的是概率：0 到 1 之间的数
try:
    criterion(logits, y)  # 错误：把原始分数直接交给了 BCELoss
except RuntimeError as error:
    print(f"RuntimeError: {error}")

import torch
from torch import nn
from torch.nn import functional as F

X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])

# 练习 3 的修正：层与层之间插入激活函数
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(500):
    loss = F.mse_loss(input=model(X), target=y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(f"最终损失 {loss.item():.1e}")
print("四个点上的输出：", [round(row[0], 4) for row in model(X).detach().tolist()])

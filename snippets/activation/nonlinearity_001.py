import torch
from torch import nn
from torch.nn import functional as F

# XOR 的四个点：两个输入相同得 0，不同得 1
X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])

torch.manual_seed(0)
linear = nn.Linear(2, 1)  # 线性模型：f(x) = w1·x1 + w2·x2 + b
optimizer = torch.optim.SGD(linear.parameters(), lr=0.1)
for step in range(2001):
    loss = F.mse_loss(input=linear(X), target=y)
    if step % 500 == 0:
        print(f"第 {step:>4} 步  损失 {loss.item():.6f}")
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

w, b = linear.weight.detach(), linear.bias.detach()
print(f"w1 = {w[0, 0].item():.1e}，w2 = {w[0, 1].item():.1e}，b = {b.item():.4f}")
print("四个点上的输出：", [round(row[0], 4) for row in linear(X).detach().tolist()])

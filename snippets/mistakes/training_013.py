import torch
from torch import nn

x = torch.linspace(-2, 2, 9).unsqueeze(1)
y = 3 * x + 1

torch.manual_seed(0)
model = nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)  # 学习率太大

seen_inf = False
for step in range(200):
    optimizer.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    first_inf = bool(torch.isinf(loss)) and not seen_inf  # 第一次出现 inf（无穷大）
    seen_inf = seen_inf or bool(torch.isinf(loss))
    if step < 4 or step % 20 == 0 or first_inf or step > 100:  # 前 4 步、每 20 步、最后几步
        w, b = model.weight.item(), model.bias.item()
        print(f"第 {step:3d} 步: loss = {loss.item():.4g}, 更新后 w = {w:.4g}, b = {b:.4g}")
    if torch.isnan(loss):  # nan：不是一个数（not a number）
        break

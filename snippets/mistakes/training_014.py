import torch
from torch import nn

x = torch.linspace(-2, 2, 9).unsqueeze(1)
y = 3 * x + 1

for lr in (1.0, 0.1):
    torch.manual_seed(0)
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for step in range(200):
        optimizer.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        if not torch.isfinite(loss):  # 一旦出现 inf 或 nan，立刻停下，别再拿它更新参数
            print(f"lr = {lr}: 第 {step} 步 loss = {loss.item()}，停止训练")
            break
        loss.backward()
        optimizer.step()
    else:  # for 循环没有被 break 打断、跑完了全部 200 步时执行
        print(f"lr = {lr}: 200 步之后 loss = {loss.item():.4f}, w = {model.weight.item():.4f}")

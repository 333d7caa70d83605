import torch

x = torch.tensor(2.0)
w = torch.tensor(1.0, requires_grad=True)  # 正确答案是 w = 3.5
optimizer = torch.optim.SGD([w], lr=0.05)

for step in range(1, 6):
    optimizer.zero_grad()
    pred = w * x  # 正确：每一步都用当前的 w 重新前向计算，建一张新图
    loss = (pred - 7.0) ** 2
    loss.backward()  # 用完即焚也没关系，下一步有新图
    optimizer.step()
    print(
        f"第 {step} 步: pred = {pred.item():.2f}, loss = {loss.item():.2f},",
        f"更新后 w = {w.item():.2f}",
    )

import torch

x = torch.tensor(2.0)
w = torch.tensor(1.0, requires_grad=True)  # 正确答案是 w = 3.5
optimizer = torch.optim.SGD([w], lr=0.05)
pred = w * x  # 仍然只算了一次

for step in range(1, 6):
    optimizer.zero_grad()
    loss = (pred - 7.0) ** 2
    loss.backward(retain_graph=True)  # 错误的“修复”：报错没了
    optimizer.step()
    print(
        f"第 {step} 步: pred = {pred.item():.2f}, loss = {loss.item():.2f},",
        f"更新后 w = {w.item():.2f}",
    )

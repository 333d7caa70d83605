import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])  # 正确答案是 w = 2
w = torch.tensor(0.5, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)

for _ in range(100):
    optimizer.zero_grad()
    loss = ((w * x - y) ** 2).mean()  # 先开追踪，再在追踪下前向计算
    loss.backward()
    optimizer.step()

print("loss.grad_fn =", type(loss.grad_fn).__name__)
print(f"训练 100 步之后 w = {w.item():.4f}, loss = {loss.item():.4f}")

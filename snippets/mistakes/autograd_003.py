import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])  # 正确答案是 w = 2
w = torch.tensor(0.5, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)

for _ in range(100):
    optimizer.zero_grad()
    with torch.no_grad():  # 错误：前向计算没有被录制
        loss = ((w * x - y) ** 2).mean()
    loss.requires_grad = True  # “修好”了报错……
    loss.backward()  # ……不再报错，但梯度流不到 w
    optimizer.step()

print("loss.is_leaf =", loss.is_leaf, " loss.grad_fn =", loss.grad_fn)
print("w.grad =", w.grad)
print(f"训练 100 步之后 w = {w.item():.4f}, loss = {loss.item():.4f}")

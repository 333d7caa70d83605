import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(0.5, requires_grad=True)

loss = ((w * x - y) ** 2).mean()
loss.backward()
try:
    w -= 0.1 * w.grad  # 手写的梯度下降：在追踪模式下原地修改叶子
except RuntimeError as error:
    print(f"RuntimeError: {error}")

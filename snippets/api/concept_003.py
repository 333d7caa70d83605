import torch

x = torch.tensor(2.0, requires_grad=True)
y = torch.sigmoid(x)
y.backward()

s = y.item()  # σ(2)，一个 Python 数
print(f"autograd     : σ'(2) = {x.grad.item():.6f}")
print(f"公式 σ(1 − σ): σ'(2) = {s * (1 - s):.6f}")

import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 3
h.retain_grad()  # 在 backward 之前声明：请把 h 的梯度也留下来
loss = (h**2).sum()
loss.backward()

print("h.grad =", h.grad)  # ∂loss/∂h = 2h
print("x.grad =", x.grad)  # ∂loss/∂x = 2h · 3

import torch

# 练习 2：同一个梯度，两种 API 各求一次，确认结果相同
w = torch.tensor([0.5, -1.0], requires_grad=True)
x = torch.tensor([2.0, 3.0])
loss = ((w * x).sum() - 1.0) ** 2

(by_grad,) = torch.autograd.grad(loss, w)
try:
    loss.backward()
    print("相同:", torch.equal(by_grad, w.grad))
except RuntimeError as e:
    print("RuntimeError:", e)

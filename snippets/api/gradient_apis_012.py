import torch

# 练习 2 的修复：先用的 autograd.grad 保留计算图
w = torch.tensor([0.5, -1.0], requires_grad=True)
x = torch.tensor([2.0, 3.0])
loss = ((w * x).sum() - 1.0) ** 2

(by_grad,) = torch.autograd.grad(loss, w, retain_graph=True)  # 保留图，下面还要用
loss.backward()
print("autograd.grad:", by_grad)
print("backward     :", w.grad)
print("相同:", torch.equal(by_grad, w.grad))

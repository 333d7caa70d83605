import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a.sigmoid()
c = b * 2  # 修复：换成非原地运算，b 保持原样
c.sum().backward()
print("a.grad            =", a.grad)

s = torch.sigmoid(a.detach())
print("2·σ(a)·(1 − σ(a)) =", 2 * s * (1 - s))

# 并非所有原地操作都会出错：a * 2 的反向传播不需要它的输出，改了也无妨
a.grad = None
d = a * 2
d.add_(1)
d.sum().backward()
print("d.add_(1) 之后 a.grad =", a.grad)

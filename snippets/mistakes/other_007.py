import torch

# 练习 1：这段代码为什么报错？先看报错，再修复
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
try:
    y.backward()  # y 是向量，不是标量
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# 修复：先归约成标量（或给 backward 传一个与 y 同形状的 gradient）
y.sum().backward()
print("修复后 x.grad =", x.grad)

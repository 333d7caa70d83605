import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a.sigmoid()
b.detach().zero_()  # .detach() 与 b 共享内存，也共享版本计数器
try:
    b.sum().backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# 要一份可以随便改的副本：detach 之后再 clone
a.grad = None
b = a.sigmoid()
copy = b.detach().clone()
copy.zero_()
b.sum().backward()
print("detach().clone() 之后 a.grad =", a.grad)

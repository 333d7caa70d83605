import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.sigmoid(x)  # Sigmoid 为反向传播保存了它的输出 y
d = y.detach()

print("d =", d)
print("d.requires_grad =", d.requires_grad, "  d.grad_fn =", d.grad_fn)
print("d 和 y 共用同一块内存:", d.data_ptr() == y.data_ptr())

print("原地修改 d 之前，y 的版本号 =", y._version)
d.zero_()  # 原地把 d 填成 0
print("原地修改 d 之后，y =", y)
print("                 y 的版本号 =", y._version)

try:
    y.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)

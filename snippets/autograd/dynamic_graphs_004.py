import torch

# 情形 1：y = x * 3 的导数是常数 3，用不到 y 的值，乘法没有保存 y
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 3
y.detach().zero_()  # 同样原地改掉了 y
y.sum().backward()
print("y =", y, "  x.grad =", x.grad)

# 情形 2：Sigmoid 保存了 y，但这次不原地修改，d * 0 得到的是一个新张量
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.sigmoid(x)
d = y.detach()
d = d * 0
print("d =", d, "  d 还和 y 共用内存吗？", d.data_ptr() == y.data_ptr())
y.sum().backward()
print("y =", y)
print("x.grad =", x.grad)

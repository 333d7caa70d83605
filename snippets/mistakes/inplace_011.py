import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a.sigmoid()
b.data.zero_()  # 通过 .data 改了 sigmoid 的输出：autograd 毫不知情
b.sum().backward()
print("通过 .data 修改之后 a.grad =", a.grad)

a2 = torch.tensor([1.0, 2.0], requires_grad=True)
a2.sigmoid().sum().backward()
print("正确的 a.grad            =", a2.grad)

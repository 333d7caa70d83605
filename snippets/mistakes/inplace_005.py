import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a.sigmoid()  # sigmoid 的反向传播要用到它的输出 b，所以 b 被存进了图里
print("修改前 b._version =", b._version)
b.mul_(2)  # 原地修改了这个被存下来的 b
print("修改后 b._version =", b._version)

try:
    b.sum().backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

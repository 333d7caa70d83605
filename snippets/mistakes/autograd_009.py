import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x**2  # y 是一个有 3 个元素的向量，不是标量

try:
    y.backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

import torch

x = torch.tensor([1, 2, 3])  # 全是整数字面量：dtype 是 int64
print("x.dtype =", x.dtype)

try:
    torch.tensor([1, 2, 3], requires_grad=True)
except RuntimeError as error:
    print(f"RuntimeError: {error}")

try:
    x.requires_grad_()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

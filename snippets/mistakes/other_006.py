import torch

# 修复：写成浮点数字面量，或者明确给出 dtype
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
c = torch.tensor([1, 2, 3]).float().requires_grad_()
print(a.dtype, b.dtype, c.dtype)
print(a.requires_grad, b.requires_grad, c.requires_grad)

import torch

# 方法 1：创建时指定
x = torch.tensor([1.0], requires_grad=True)
print("x.requires_grad =", x.requires_grad)

# 方法 2：创建后原地修改（方法名末尾的下划线表示 in-place）
w = torch.tensor([2.0])
w.requires_grad_(True)
print("w.requires_grad =", w.requires_grad)

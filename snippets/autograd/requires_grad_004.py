import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)

with torch.no_grad():
    y = w * 2
    print("块内计算结果 y.requires_grad =", y.requires_grad)
    print("块内 w 自己的 requires_grad  =", w.requires_grad)

print("块外再算一次 (w * 2).requires_grad =", (w * 2).requires_grad)

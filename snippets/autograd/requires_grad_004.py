import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)

with torch.no_grad():
    y = w * 2
    print("块内计算结果 y.requires_grad =", y.requires_grad)
    print("块内 w 自己的 requires_grad  =", w.requires_grad)
    t = torch.tensor([3.0, 4.0], requires_grad=True)  # 块内新建张量，并明确要求追踪
    print("块内新建的 t.requires_grad   =", t.requires_grad)

print("块外再算一次 (w * 2).requires_grad =", (w * 2).requires_grad)

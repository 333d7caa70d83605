import torch

x = torch.arange(6).reshape(2, 3)
xt = x.transpose(0, 1)

print("xt.reshape(6)           =", xt.reshape(6))  # 修复：reshape 需要时会复制一份
print("xt.contiguous().view(6) =", xt.contiguous().view(6))  # 先复制成连续的，再 view

# 连续的张量上 view 不复制：改 v 就是改 x
v = x.view(6)
v[0] = 100
print("改过 v[0] 之后 x =", x.tolist())

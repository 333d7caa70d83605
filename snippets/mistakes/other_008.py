import warnings

import torch

# 练习 2：非叶子张量的 .grad 为什么是 None？
x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 3  # h 是中间结果（非叶子）
(h**2).sum().backward()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("h.grad =", h.grad)
print("警告:", str(caught[0].message)[:80], "…")

# 修复：在 backward 之前调用 retain_grad()，autograd 就会为它保留梯度
h = x * 3
h.retain_grad()
(h**2).sum().backward()
print("retain_grad 之后 h.grad =", h.grad)

import warnings

import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(0.5, requires_grad=True)

((w * x - y) ** 2).mean().backward()
w = w - 0.1 * w.grad  # 另一种错误的“修复”：不报错，但 w 换成了一个新的非叶子张量
print("w.is_leaf =", w.is_leaf, " w.grad_fn =", type(w.grad_fn).__name__)

((w * x - y) ** 2).mean().backward()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("第二步之后 w.grad =", w.grad)  # 非叶子张量的 .grad 不会被填充
for warning in caught:
    print(f"UserWarning: {warning.message}")

import warnings

import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 3  # h 是中间结果（非叶子张量）
loss = (h**2).sum()
loss.backward()

print("x.is_leaf =", x.is_leaf, " h.is_leaf =", h.is_leaf)
print("x.grad =", x.grad)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("h.grad =", h.grad)
for warning in caught:
    print(f"UserWarning: {warning.message}")

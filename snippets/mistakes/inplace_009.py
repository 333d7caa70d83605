import warnings

import torch

torch.manual_seed(0)
w = torch.randn(3, requires_grad=True).double()  # 先开追踪，再转换：w 是转换的结果
print("w.is_leaf =", w.is_leaf, " w.grad_fn =", type(w.grad_fn).__name__)

(w**2).sum().backward()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("w.grad =", w.grad)  # 梯度落在了看不见的那个 float32 原张量上
for warning in caught:
    print(f"UserWarning: {warning.message}")

# .to() 也一样；而 .to("cpu") 在 CPU 上什么都不做，返回原张量——在 GPU 机器上才出问题
v = torch.randn(3, requires_grad=True)
print("v.to(torch.float64).is_leaf =", v.to(torch.float64).is_leaf)
print("v.to('cpu') is v =", v.to("cpu") is v)

import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
(w * 3).sum().backward()

try:
    if w.grad:  # 想“有梯度就清零”，可 w.grad 是两个元素的张量
        w.grad.zero_()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# 只有一个元素时不报错，但判断的是“梯度是否非零”，而不是“梯度是否存在”
v = torch.tensor([1.0], requires_grad=True)
(v * 0).sum().backward()
print("v.grad =", v.grad, " bool(v.grad) =", bool(v.grad))

# 修复：判断的是“存在与否”，就写 is not None
if w.grad is not None:
    w.grad.zero_()
print("w.grad =", w.grad)

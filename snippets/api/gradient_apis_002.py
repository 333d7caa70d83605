import torch

torch.manual_seed(0)

# 情况 1：第一次 backward 之前，w.grad 是 None，这一行什么也不做
w = torch.randn(1, requires_grad=True)
print("backward 之前 w.grad =", w.grad)

# 情况 2：单个元素时，if 判断的是梯度的“数值”是否非零，而不是“有没有梯度”
print("bool(tensor([0.])) =", bool(torch.tensor([0.0])))

# 情况 3：参数不止一个元素（真实模型的权重几乎都是这样）
W = torch.randn(3, requires_grad=True)
(W * 2).sum().backward()
print("一次 backward 之后 W.grad =", W.grad)
try:
    if W.grad:
        W.grad.zero_()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

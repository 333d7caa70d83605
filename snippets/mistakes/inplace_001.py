import torch

x = torch.tensor([1.0, 2.0])  # 自己创建，不追踪梯度（比如输入数据）
w = torch.tensor([3.0, 4.0], requires_grad=True)  # 自己创建，追踪梯度（比如模型参数）

y = x * 2  # 输入都不追踪梯度：autograd 不录制这次运算
h = w * x  # 输入 w 追踪梯度：被录制，h 有 grad_fn
with torch.no_grad():
    z = w * 2  # no_grad 里：也不录制

tensors = {"x": x, "w": w, "y = x * 2": y, "h = w * x": h, "z = w * 2 (no_grad)": z}
for name, t in tensors.items():
    grad_fn = type(t.grad_fn).__name__ if t.grad_fn is not None else None
    flags = f"is_leaf={t.is_leaf!s:5} requires_grad={t.requires_grad!s:5}"
    print(f"{name:20} {flags} grad_fn={grad_fn}")

h.sum().backward()
print("backward 之后 w.grad =", w.grad)  # 追踪梯度的叶子：梯度存进 .grad
print("backward 之后 x.grad =", x.grad)  # 也是叶子，但不追踪梯度：.grad 仍是 None

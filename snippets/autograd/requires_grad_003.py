import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0])  # requires_grad 默认为 False

c = a + b
print("c = a + b        ->", c.requires_grad)
print("b * 2（只有 b）  ->", (b * 2).requires_grad)

# 不可导的运算：输入追踪梯度，输出也不会追踪
print("a > 1.5          ->", (a > 1.5).requires_grad)
print("a.argmax()       ->", a.argmax().requires_grad)

import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0])  # requires_grad 默认为 False

c = a + b
print("c = a + b        ->", c.requires_grad)
print("b * 2（只有 b）  ->", (b * 2).requires_grad)

# 输入 a 追踪梯度，输出却不追踪：比较、求最大值的下标，这些运算不可导
print("a > 1.5          ->", (a > 1.5).requires_grad)
i = a.argmax()  # 最大元素的下标：一个整数（.dtype 是数据类型，int64 即 64 位整数）
print("i = a.argmax()   ->", i.requires_grad, "  i =", i, " dtype =", i.dtype)

# 拿这个下标去取元素：取出来的 a[i] 是 a 的一个元素，照样可导
print("a[i]             ->", a[i].requires_grad)

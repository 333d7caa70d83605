import warnings

import torch

x = torch.tensor(3.0, requires_grad=True)

# 用 .backward() 也能求高阶导，但两阶导数都挤在同一个 x.grad 里
# （这条警告 PyTorch 每个进程只发一次；临时打开 warn_always，保证这里每次都能看到）
warn_always = torch.is_warn_always_enabled()
torch.set_warn_always(True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    (x**3).backward(create_graph=True)
torch.set_warn_always(warn_always)
print("backward(create_graph=True) 之后 x.grad =", x.grad)

x.grad.backward()  # 再对一阶导求导：二阶导 6x 被“加”进了 x.grad
print("再对 x.grad 做 backward 之后 x.grad =", x.grad)

# PyTorch 还发出一条警告：参数和它的梯度之间形成引用循环，可能内存泄漏
# （只打印警告正文，略去 C++ 源文件位置）
print("UserWarning:", str(caught[0].message).split(" (Triggered")[0])
x.grad = None  # 按警告的建议，用完设回 None，打破引用循环

import torch
import torch.nn.functional as F

torch.manual_seed(0)
a = torch.rand(3, requires_grad=True)
p = F.softmax(a, dim=0)  # p 有 3 个元素，不是标量

# 照笔记对 p 调用 backward()：第一次就失败，和计算图是否释放无关
try:
    p.backward()
except RuntimeError as error:
    print(f"第 1 次 p.backward() -> RuntimeError: {error}")

# 笔记想说的情形：对同一个标量 p[1] 连续 backward 两次
p1 = p[1]
p1.backward()
print("第 1 次 p1.backward() 成功，a.grad =", a.grad)
try:
    p1.backward()
except RuntimeError as error:
    print(f"第 2 次 p1.backward() -> RuntimeError: {error}")

import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)

with torch.no_grad():
    y = w * 2  # 新算出来的张量
    v = w[0]  # 从 w 里取出的一部分：和 w 共用同一块内存

print("块内 y = w * 2: requires_grad =", y.requires_grad, " grad_fn =", y.grad_fn)
print("块内 v = w[0] : requires_grad =", v.requires_grad, " grad_fn =", v.grad_fn)
(v * 3).backward()  # 不报错，但 v 不在 w 的计算图上
print("对 v * 3 反向传播之后，w.grad =", w.grad, " v.grad =", v.grad)

# 块外再取一次：这次被录制了，梯度能传回 w
u = w[0]
print("块外 u = w[0] :", u)  # 打印张量时，被录制的结果会显示它的 grad_fn
(u * 3).backward()
print("对 u * 3 反向传播之后，w.grad =", w.grad)

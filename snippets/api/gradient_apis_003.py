import torch

W = torch.ones(3, requires_grad=True)


def step():
    """一次前向 + 反向，梯度累积进 W.grad。"""
    (W * 2).sum().backward()


# 写法 1：先判断是不是 None，再原地清零
step()
if W.grad is not None:
    W.grad.zero_()
print("写法 1 之后 W.grad =", W.grad)

# 写法 2：直接把 .grad 设为 None，下次 backward 会重新创建
step()
W.grad = None
print("写法 2 之后 W.grad =", W.grad)

# 写法 3：训练循环里最常用——让优化器清零（PyTorch 2.x 默认也是设为 None）
optimizer = torch.optim.SGD([W], lr=0.1)
step()
optimizer.zero_grad()
print("写法 3 之后 W.grad =", W.grad)

# 清零之后再 backward 一次：得到的是这一步自己的梯度，不会叠加旧值
step()
print("清零后再 backward 一次 W.grad =", W.grad)

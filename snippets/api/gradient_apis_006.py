import torch

w = torch.tensor(1.0, requires_grad=True)
x = torch.tensor(2.0)


def make_loss():
    """每次都重新前向计算，得到一张新的计算图。"""
    return (w * x - 7.0) ** 2


# .backward()：每调用一次，梯度就“加”进 w.grad 一次
for i in range(1, 4):
    make_loss().backward()
    print(f"backward 第 {i} 次之后 w.grad = {w.grad}")

w.grad = None  # 清掉，好让下面看清 autograd.grad 不碰 .grad

# autograd.grad()：每次返回这一次的梯度，互不叠加
for i in range(1, 4):
    (dw,) = torch.autograd.grad(make_loss(), [w])
    print(f"autograd.grad 第 {i} 次返回 {dw}，w.grad = {w.grad}")

import torch


def forward(x, w):
    """x 是一串输入，长度不固定；w 是参数。"""
    h = w * x[0]
    for t in range(1, len(x)):  # 循环几圈，由输入的长度决定
        h = 2 * h + x[t]
    if h > 0:  # 走哪条分支，由算出来的数值决定
        out = h**2
    else:
        out = -h
    return out


def grad_fn_chain(t):
    """从 t.grad_fn 出发，沿 next_functions 的第一个输入一路往回走，记下每个节点的名字。"""
    names = []
    fn = t.grad_fn
    while fn is not None:
        names.append(type(fn).__name__)
        fn = fn.next_functions[0][0] if fn.next_functions else None
    return names


w = torch.tensor(0.5, requires_grad=True)
for x in (torch.tensor([1.0, 2.0]), torch.tensor([1.0, -3.0, 0.5])):
    out = forward(x, w)
    chain = grad_fn_chain(out)
    (dw,) = torch.autograd.grad(out, [w])
    print(f"x = {x}  循环 {len(x) - 1} 圈，out = {out.item()}")
    print(f"  计算图 {len(chain)} 个节点: {' → '.join(chain)}")
    print(f"  d out / d w = {dw.item()}")

# 同一个输入再调用一次：又从头建了一张新图
x = torch.tensor([1.0, 2.0])
first, second = forward(x, w), forward(x, w)
print("两次调用的 grad_fn 是同一个对象吗？", first.grad_fn is second.grad_fn)

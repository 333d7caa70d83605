import torch


def forward(x, w):  # 本页开头的那个函数
    h = w * x[0]
    for t in range(1, len(x)):
        h = 2 * h + x[t]
    if h > 0:
        out = h**2
    else:
        out = -h
    return out


def grad_fn_chain(t):  # 也和本页开头的一样
    names = []
    fn = t.grad_fn
    while fn is not None:
        names.append(type(fn).__name__)
        fn = fn.next_functions[0][0] if fn.next_functions else None
    return names


w = torch.tensor(0.5, requires_grad=True)
for x in (torch.tensor([-1.0, 3.0]), torch.tensor([4.0])):
    out = forward(x, w)
    (dw,) = torch.autograd.grad(out, [w])
    print(f"x = {x}: {' → '.join(grad_fn_chain(out))}")
    print(f"  d out / d w = {dw.item()}")

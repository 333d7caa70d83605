import weakref

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(100, 100), nn.Tanh(), nn.Linear(100, 1))
saved = []


def pack(tensor):
    kept = tensor.detach()  # 共享同一块内存的张量，交给 autograd 保存
    saved.append(weakref.ref(kept))
    return kept


def alive_bytes():
    alive = {r().data_ptr(): r() for r in saved if r() is not None}
    return sum(t.numel() * t.element_size() for t in alive.values())


with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
    total = 0.0
    for batch in range(10):
        x, y = torch.randn(32, 100), torch.randn(32, 1)
        loss = ((model(x) - y) ** 2).mean()
        total += loss.item()  # 修复一：只累加数值，旧的计算图随 loss 被重新赋值而释放
        if batch in (0, 1, 9):
            print(f".item()  第 {batch + 1:2d} 批之后: {alive_bytes()} 字节")
    print(f"total = {total:.4f}")

    saved.clear()
    with torch.no_grad():  # 修复二：评估时根本不录制计算图
        for _ in range(10):
            x, y = torch.randn(32, 100), torch.randn(32, 1)
            loss = ((model(x) - y) ** 2).mean()
    print(f"no_grad  10 批之后: {alive_bytes()} 字节")

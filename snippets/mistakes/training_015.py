import weakref

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(100, 100), nn.Tanh(), nn.Linear(100, 1))

saved = []  # autograd 为反向传播保存的每个张量，记一个弱引用：只是记下，不会让它多活


def pack(tensor):  # autograd 每保存一个张量，都先交给这个函数
    kept = tensor.detach()  # 共享同一块内存的张量，交给 autograd 保存
    saved.append(weakref.ref(kept))
    return kept


def alive_bytes():  # 还活着的保存张量共占多少字节（同一块内存只算一次）
    alive = {r().data_ptr(): r() for r in saved if r() is not None}
    return sum(t.numel() * t.element_size() for t in alive.values())


with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
    total = 0
    for batch in range(10):  # 评估 10 批数据：没有 backward
        x, y = torch.randn(32, 100), torch.randn(32, 1)
        loss = ((model(x) - y) ** 2).mean()
        total += loss  # 错误：累加的是张量，每一批的计算图都接到了 total 上
        if batch in (0, 1, 9):
            print(f"第 {batch + 1:2d} 批之后: 为反向传播保存、仍未释放的张量 {alive_bytes()} 字节")
print("total =", total)

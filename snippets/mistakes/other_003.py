import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(p=0.5))
x = torch.ones(1, 4)
model.eval()  # 评估模式：Dropout 原样通过

saved = []  # autograd 为反向传播保存下来的张量，每个占多少字节


def pack(tensor):  # autograd 每保存一个张量，都先交给这个函数
    saved.append(tensor.numel() * tensor.element_size())  # 元素个数 × 每个元素的字节数
    return tensor  # 原样交回


def report(name, out):
    print(f"{name}: out.requires_grad = {out.requires_grad}，为反向传播保存了 {sum(saved)} 字节")


with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
    out = model(x)  # 只有 eval()：照常录制
    report("只 eval()       ", out)

    saved.clear()
    with torch.no_grad():  # 修复：评估时不录制计算图
        out = model(x)
    report("eval() + no_grad", out)

import torch

torch.manual_seed(0)
x = torch.randn(1000)  # 输入数据：不追踪梯度
w = torch.randn(1000, requires_grad=True)  # 参数：追踪梯度

saved = []  # autograd 为反向传播保存的每个张量占多少字节


def pack(tensor):  # autograd 每保存一个张量，都先交给这个函数
    saved.append(tensor.numel() * tensor.element_size())  # 元素个数 × 每个元素的字节数
    return tensor  # 原样交回


def unpack(tensor):  # 反向传播要用时，再从这里取回
    return tensor


def report(name, out):
    graph = "建了计算图" if out.grad_fn is not None else "没有计算图"
    print(f"{name}: {graph}，为反向传播保存了 {len(saved)} 个张量、{sum(saved)} 字节")
    saved.clear()


with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    out = torch.sigmoid(x * w).sum()  # 照常录制
    report("照常录制      ", out)

    with torch.no_grad():
        out = torch.sigmoid(x * w).sum()
    report("no_grad       ", out)

    with torch.inference_mode():
        out = torch.sigmoid(x * w).sum()
    report("inference_mode", out)

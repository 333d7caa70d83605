import torch
import torch.nn.functional as F
from torch import autograd


class Box:
    """autograd 每为反向传播保存一个张量，就先装进一个 Box；图放掉这个张量时，Box 也随之被回收。"""

    held = 0  # 此刻所有 Box 里的张量一共占多少字节

    def __init__(self, tensor):
        self.tensor = tensor
        self.n_bytes = tensor.numel() * tensor.element_size()  # 元素个数 × 每个元素的字节数
        Box.held += self.n_bytes

    def __del__(self):  # Box 被回收时调用
        Box.held -= self.n_bytes


torch.manual_seed(0)
a = torch.rand(1000, requires_grad=True)  # 1000 个分数，字节数更显眼
with torch.autograd.graph.saved_tensors_hooks(Box, lambda box: box.tensor):
    p = F.softmax(a, dim=0)
print("前向计算之后，图为反向传播留着", Box.held, "字节")

autograd.grad(p[1], [a], retain_graph=True)
print("retain_graph=True 求一次梯度之后:", Box.held, "字节")

autograd.grad(p[2], [a])  # 最后一次，用默认行为
print("默认行为再求一次梯度之后:     ", Box.held, "字节")

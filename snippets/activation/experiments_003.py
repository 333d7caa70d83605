import torch

# 激活函数页的例子：linspace(-100, 100, 10)，这次让 autograd 求导
a = torch.linspace(-100, 100, 10, requires_grad=True)
s = torch.sigmoid(a)
s.sum().backward()  # sum 的每一项只依赖自己的 a_i，所以 a.grad 就是逐点导数

# float32 里 σ(a) 恰好等于 0 或 1 的位置，梯度也恰好是 0：信号彻底断了（.tolist() 转成 Python 列表）
print("σ(a) == 0 :", (s == 0).tolist())
print("σ(a) == 1 :", (s == 1).tolist())
print("a.grad    :", a.grad)

import torch

# 练习 1：用 autograd 验证 Sigmoid 的导数公式 σ'(x) = σ(x)(1 − σ(x))
x = torch.tensor([-2.0, 0.0, 2.0], requires_grad=True)
s = torch.sigmoid(x)
s.sum().backward()  # sum 的每一项只依赖自己的 x_i，所以 x.grad 就是逐点导数

formula = (s * (1 - s)).detach()
print("autograd:", x.grad)
print("公式    :", formula)
print("最大差值:", (x.grad - formula).abs().max().item())

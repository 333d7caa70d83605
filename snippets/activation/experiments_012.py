import torch

# 练习 1：用 autograd 验证 Sigmoid 的导数公式 σ'(x) = σ(x)(1 − σ(x))
x = torch.tensor([-2.0, 0.0, 2.0], requires_grad=True)
s = torch.sigmoid(x)
s.sum().backward()  # sum 的每一项只依赖自己的 x_i，所以 x.grad 就是逐点导数

formula = (s * (1 - s)).detach()
print("Sigmoid autograd:", x.grad)
print("Sigmoid 公式    :", formula)
print("最大差值        :", (x.grad - formula).abs().max().item())

# 再看 ReLU 的梯度：有几种取值？拐点 z = 0 处取哪一个？
z = torch.tensor([-1.0, 0.0, 0.5, 2.0], requires_grad=True)
torch.relu(z).sum().backward()
print("z               =", z.detach())
print("ReLU 的 z.grad  =", z.grad)

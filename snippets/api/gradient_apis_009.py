import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
x = torch.randn(4, 2, requires_grad=True)  # 一批输入，想约束“输出对输入的梯度”

# 第一步用 autograd.grad：拿到 ∂out/∂x 作为普通张量参与后续计算，create_graph 让它还能再求导
(grad_x,) = torch.autograd.grad(model(x).sum(), [x], create_graph=True)
penalty = ((grad_x.norm(dim=1) - 1) ** 2).mean()  # 梯度惩罚：希望每个样本的梯度范数接近 1
print("梯度惩罚 penalty =", penalty)
print("x.grad 没被污染:", x.grad)

# 第二步用 backward：把惩罚项的梯度交给模型参数的 .grad，优化器照常工作
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
optimizer.zero_grad()
penalty.backward()
print("model.weight.grad =", model.weight.grad)

import torch

# 完整的训练流程示意
x = torch.ones(2, requires_grad=True)  # 2 个元素、全是 1 的张量，开启追踪
y = x + 2
z = y * y * 3
out = z.mean()

# out 是一个标量（只含一个数），对其反向传播
out.backward()

# 计算出的梯度存储在 x.grad 中
print(x.grad)

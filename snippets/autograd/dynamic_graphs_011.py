import torch

x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
y = torch.exp(x)
loss = y.sum()

curve = y.detach()  # 拿一份去画图，不要计算图
curve = curve / curve.max()  # 修复：不原地修改，得到一个新张量，y 保持原样
print("curve =", curve)

loss.backward()
print("x.grad =", x.grad)
print("exp(x) =", torch.exp(x.detach()))  # d/dx Σ exp(x) = exp(x)

import torch

x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
y = torch.exp(x)
loss = y.sum()

curve = y.detach()  # 拿一份去画图，不要计算图
curve /= curve.max()  # 画图前缩放到最大值为 1
print("curve =", curve)

try:
    loss.backward()
    print("x.grad =", x.grad)
except RuntimeError as e:
    print("RuntimeError:", e)

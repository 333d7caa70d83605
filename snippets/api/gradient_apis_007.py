import torch

w = torch.tensor(1.0, requires_grad=True)

# 默认：求完一次梯度，计算图就被释放（“阅后即焚”），两个 API 都一样
loss = (w * 2.0 - 7.0) ** 2
torch.autograd.grad(loss, [w])
try:
    loss.backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# retain_graph=True：保留计算图，同一个 loss 可以再求一次
loss = (w * 2.0 - 7.0) ** 2
(first,) = torch.autograd.grad(loss, [w], retain_graph=True)
(second,) = torch.autograd.grad(loss, [w])
print("保留计算图后，两次的结果:", first, second)

import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
loss = (a * 2).sum()  # b 根本没有参与计算

try:
    torch.autograd.grad(loss, [a, b], retain_graph=True)
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# 确实不需要 b 时：allow_unused=True 让 b 的位置返回 None
print(torch.autograd.grad(loss, [a, b], allow_unused=True, retain_graph=True))
# 想要零而不是 None：再加 materialize_grads=True
print(torch.autograd.grad(loss, [a, b], allow_unused=True, materialize_grads=True))

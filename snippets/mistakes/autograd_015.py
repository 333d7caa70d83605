import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w * 3).sum()

grads = torch.autograd.grad(loss, w)
print("type(grads) =", type(grads).__name__, " grads =", grads)
print("w.grad =", w.grad)  # autograd.grad 不会写 .grad

try:
    w_new = w - 0.1 * grads  # 错误：拿元组去做运算
except TypeError as error:
    print(f"TypeError: {error}")

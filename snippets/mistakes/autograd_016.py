import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w * 3).sum()

(grad_w,) = torch.autograd.grad(loss, w)  # 解包：元组里只有一个元素
with torch.no_grad():
    w_new = w - 0.1 * grad_w
print("grad_w =", grad_w)
print("w_new  =", w_new)

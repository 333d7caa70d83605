import torch

x = torch.tensor(1.0, requires_grad=True)
s = torch.sigmoid(x)

(ds,) = torch.autograd.grad(s, x, create_graph=True)  # σ'(x)，本身也带着计算图
(d2s,) = torch.autograd.grad(ds, x)  # 对 σ'(x) 再求一次导：σ''(x)

with torch.no_grad():  # 按推导出的公式算，只用到 σ
    sigma = torch.sigmoid(x)
    first = sigma * (1 - sigma)
    second = sigma * (1 - sigma) * (1 - 2 * sigma)
print(f"σ'(1)  autograd = {ds.item():.6f}   公式 σ(1 − σ)          = {first.item():.6f}")
print(f"σ''(1) autograd = {d2s.item():.6f}   公式 σ(1 − σ)(1 − 2σ) = {second.item():.6f}")

import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0])
c = a * b
with torch.no_grad():
    d = a * b
print("c.requires_grad =", c.requires_grad, "  d.requires_grad =", d.requires_grad)

c.sum().backward()
print("a.grad =", a.grad)
print("b.grad =", b.grad)

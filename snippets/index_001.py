import torch

# y = x1² + x2² + x3²，所以 dy/dx = 2x
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x**2).sum()
y.backward()

print("torch 版本:", torch.__version__)
print("y     =", y.item())
print("dy/dx =", x.grad)

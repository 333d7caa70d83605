import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**3

# create_graph=True：一阶导数本身也被“录制”成计算图，于是还能再求导
(dy,) = torch.autograd.grad(y, [x], create_graph=True)
print("一阶导 3x² =", dy)

(d2y,) = torch.autograd.grad(dy, [x])
print("二阶导 6x  =", d2y)

# 不加 create_graph：一阶导只是一个普通的数，不能再求导
(dy_plain,) = torch.autograd.grad(x**3, [x])
print("不加 create_graph 时一阶导 requires_grad =", dy_plain.requires_grad)
try:
    torch.autograd.grad(dy_plain, [x])
except RuntimeError as error:
    print(f"RuntimeError: {error}")

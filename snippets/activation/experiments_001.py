import torch

x = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)

# 写法 1：比较运算 x > 0（.float() 把 True/False 转成 1.0/0.0）。比较不可导，autograd 根本不记录它
step = (x > 0).float()
print("(x > 0).float()        =", step, " requires_grad =", step.requires_grad)
try:
    step.sum().backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# 写法 2：torch.heaviside（PyTorch 自带的阶跃函数），没有实现导数
try:
    torch.heaviside(x, torch.tensor(0.0)).sum().backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# 写法 3：用 sign 拼出阶跃函数，图能建起来，但算出的梯度全是 0
step = (torch.sign(x) + 1) / 2
step.sum().backward()
print("(sign(x) + 1) / 2      =", step.detach())  # .detach()：同样的数值，不再连着计算图
print("x.grad                 =", x.grad)

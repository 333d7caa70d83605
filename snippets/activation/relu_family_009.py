import torch

# 练习 2：Softplus(x) = log(1 + e^x) 的导数，推导结果是 σ(x)；用 autograd 核对
x = torch.tensor([-2.0, 0.5, 3.0], dtype=torch.float64, requires_grad=True)
softplus = torch.log(1 + torch.exp(x))
(grad,) = torch.autograd.grad(softplus.sum(), x)

print("autograd   :", grad)
print("公式 σ(x)  :", torch.sigmoid(x.detach()))
print("最大差值   :", (grad - torch.sigmoid(x.detach())).abs().max().item())

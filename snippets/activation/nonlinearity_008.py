import torch
from torch.nn import functional as F

# 练习 2：线性模型在 XOR 上的 MSE 对 w1、w2、b 的偏导数，推导的公式与 autograd 对照
X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([0.0, 1.0, 1.0, 0.0])


def gradients(w1, w2, b):
    params = torch.tensor([w1, w2, b], requires_grad=True)
    f = params[0] * X[:, 0] + params[1] * X[:, 1] + params[2]
    F.mse_loss(input=f, target=y).backward()
    e = (f - y).detach()  # 每个点上的误差 f(x_i) − y_i
    formula = [(e * X[:, 0]).sum() / 2, (e * X[:, 1]).sum() / 2, e.sum() / 2]  # (2/N)Σ…，N = 4
    return params.grad, torch.tensor(formula)


for point in ((0.3, -0.2, 0.1), (0.0, 0.0, 0.5)):
    autograd, formula = gradients(*point)
    print(f"(w1, w2, b) = {point}")
    print("  autograd:", autograd)
    print("  公式    :", formula)

import torch
import torch.nn.functional as F
from torch import autograd

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.full([3], 2.0)
w = torch.full([1], 1.5, requires_grad=True)
mse = F.mse_loss(x * w, y)

(grad,) = autograd.grad(mse, [w])
with torch.no_grad():  # 按手推的公式算
    formula = 2 / 3 * ((x * w - y) * x).sum()
print("autograd.grad 求出的梯度:", grad)
print("公式 (2/N)·Σ(x_i·w − y_i)·x_i:", formula)

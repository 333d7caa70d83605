import torch
from torch import autograd

x, z = 3.0, 1.0
w = torch.tensor(0.5, requires_grad=True)

# 有 detach：w·z 这一项在反向传播时是常数
loss = (w * x - (w * z).detach()) ** 2
(grad,) = autograd.grad(loss, [w])
formula = 2 * (w.item() * x - w.item() * z) * x
print(f"有 detach: autograd = {grad.item()}，公式 2(wx − wz)·x = {formula}")

# 没有 detach：梯度也穿过 w·z 这一项
loss = (w * x - w * z) ** 2
(grad,) = autograd.grad(loss, [w])
formula = 2 * (w.item() * x - w.item() * z) * (x - z)
print(f"没 detach: autograd = {grad.item()}，公式 2(wx − wz)·(x − z) = {formula}")

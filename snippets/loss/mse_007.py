import torch
import torch.nn.functional as F

# 练习 2：MSE 对预测值的梯度是 −2(y − pred)/N，用 autograd 验证
y = torch.tensor([1.0, 2.0, 3.0])
pred = torch.tensor([1.5, 2.0, 2.0], requires_grad=True)

F.mse_loss(pred, y).backward()
print("autograd:", pred.grad)
print("公式    :", (2 * (pred - y) / len(y)).detach())  # 即 −2(y − pred)/N

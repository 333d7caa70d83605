import torch

# 练习 2：ReLU 的梯度只有 0 和 1 两种值；x = 0 这个“拐点”处 PyTorch 取 0
x = torch.tensor([-1.0, 0.0, 0.5, 2.0], requires_grad=True)
torch.relu(x).sum().backward()
print("x      =", x.detach())
print("x.grad =", x.grad)

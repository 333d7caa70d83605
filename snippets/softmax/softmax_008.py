import torch
import torch.nn.functional as F

# 推导的结果：L = −log p_c = −a_c + log Σ_j e^{a_j}，所以 ∂L/∂a_j = p_j − δ_cj，即 p − y
z = torch.tensor([2.0, 1.0, 0.1], requires_grad=True)
target = torch.tensor(0)  # 正确类别：下标 0，也就是第 1 个类别

F.cross_entropy(z.unsqueeze(0), target.unsqueeze(0)).backward()  # 先预测，后目标
p_minus_y = torch.softmax(z, dim=0).detach() - F.one_hot(target, 3)
print("autograd:", z.grad)
print("p - y   :", p_minus_y)

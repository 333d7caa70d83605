import torch
import torch.nn.functional as F

# 练习 2：交叉熵对 logits 的梯度就是 p − y（p 为 Softmax 概率，y 为 one-hot 标签）
z = torch.tensor([2.0, 1.0, 0.1], requires_grad=True)
target = torch.tensor(0)  # 正确类别：下标 0，也就是第 1 个类别

F.cross_entropy(z.unsqueeze(0), target.unsqueeze(0)).backward()  # 先预测，后目标
p_minus_y = torch.softmax(z, dim=0).detach() - F.one_hot(target, 3)
print("autograd:", z.grad)
print("p - y   :", p_minus_y)

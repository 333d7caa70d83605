import torch
import torch.nn.functional as F

torch.manual_seed(0)
a = torch.randn(5, requires_grad=True)  # 一个样本的 5 个类别的 logits
target = torch.tensor(2)  # 正确答案：下标 2，也就是第 3 个类别

# F.cross_entropy(预测, 目标)：先传 logits，再传正确类别的下标。
# 它通常收一批样本：logits 形状 (批大小, 类别数)，目标形状 (批大小,)；
# 这里只有一个样本，用 unsqueeze(0) 在最前面加一个长度为 1 的批维度，写法和训练时一样
loss = F.cross_entropy(a.unsqueeze(0), target.unsqueeze(0))
loss.backward()

p = F.softmax(a.detach(), dim=0)
y = F.one_hot(target, num_classes=5).float()  # one-hot：下标 2 处为 1，其余为 0
print("logits 形状:", tuple(a.unsqueeze(0).shape), " 目标形状:", tuple(target.unsqueeze(0).shape))
print("y         :", y)
print("loss      :", loss.item())
print("-log p[2] :", -torch.log(p[2]).item())
print("autograd  :", a.grad)
print("p - y     :", p - y)
print("最大差值  :", (a.grad - (p - y)).abs().max().item())

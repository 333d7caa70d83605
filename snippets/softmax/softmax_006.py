import torch
import torch.nn.functional as F

torch.manual_seed(0)
a = torch.randn(5, requires_grad=True)  # 一个样本的 5 类 logits
target = torch.tensor(2)  # 正确答案是第 2 类

# F.cross_entropy 直接接收 logits：内部先做 log_softmax，再取负对数似然
loss = F.cross_entropy(a.unsqueeze(0), target.unsqueeze(0))
loss.backward()

p = F.softmax(a.detach(), dim=0)
y = F.one_hot(target, num_classes=5).float()
print("loss      :", loss.item())
print("autograd  :", a.grad)
print("p - y     :", p - y)
print("最大差值  :", (a.grad - (p - y)).abs().max().item())

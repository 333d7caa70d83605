import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3)
target = torch.tensor([0, 2, 1, 2])

prob = F.softmax(logits, dim=1)
loss = F.nll_loss(prob, target)  # 错误：nll_loss 要的是对数概率，这里给的是概率
print(f"nll_loss(softmax(logits)) = {loss.item():.4f}")
# nll_loss 只是取出正确类别那一项、取负号、求平均：
print(f"-正确类别的概率的平均     = {-prob[torch.arange(4), target].mean().item():.4f}")

# 模型越好，这个“损失”越接近 -1，而不是 0
perfect = torch.tensor([[10.0, 0.0, 0.0]])
print(f"完美预测时 = {F.nll_loss(F.softmax(perfect, dim=1), torch.tensor([0])).item():.4f}")

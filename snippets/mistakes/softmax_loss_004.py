import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(2, 3, 4, 5)  # (N, C, H, W)：类别在 dim=1

p = F.softmax(logits, dim=1)  # 修复：沿类别维归一化
print("沿类别维求和 p.sum(dim=1)，第 0 张图:")
print(p.sum(dim=1)[0])

# 交给损失函数也不用改形状：F.cross_entropy 要求类别在 dim=1，分割的 logits 正是如此。
# 目标是每个像素的正确类别下标，形状 (N, H, W)；torch.randint(0, 3, 形状) 生成 0~2 的随机整数
target = torch.randint(0, 3, (2, 4, 5))
loss = F.cross_entropy(logits, target)  # 先预测，后目标
print("logits 形状:", tuple(logits.shape), " target 形状:", tuple(target.shape))
print(f"loss = {loss.item():.4f}")

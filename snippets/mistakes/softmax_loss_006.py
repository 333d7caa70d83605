import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(2, 5, 7)  # (N, T, C)，与上面相同
target = torch.randint(0, 7, (2, 5))  # (N, T)

# 修复一：transpose(1, 2) 交换 dim=1 和 dim=2，(N, T, C) -> (N, C, T)，类别到了 dim=1
by_transpose = F.cross_entropy(logits.transpose(1, 2), target)
# 修复二：把批和序列并成一维，每个位置当作一个样本：(N*T, C) 和 (N*T,)
# reshape(-1, 7) 里的 -1 表示“这一维的长度由 torch 算出来”，这里是 2*5 = 10
by_reshape = F.cross_entropy(logits.reshape(-1, 7), target.reshape(-1))

print("transpose 之后的形状:", tuple(logits.transpose(1, 2).shape))
print("reshape 之后的形状  :", tuple(logits.reshape(-1, 7).shape), tuple(target.reshape(-1).shape))
print(f"修复一 transpose(1, 2) = {by_transpose.item():.4f}")
print(f"修复二 reshape         = {by_reshape.item():.4f}")

import torch
import torch.nn.functional as F

pred = torch.tensor([1.0, 2.0, 3.5, 4.0])
target = torch.tensor([1.5, 2.0, 3.0, 5.0])
per_sample = F.mse_loss(pred, target, reduction="none")

print("per_sample.tolist()      =", per_sample.tolist())  # 修复一：多个元素转成 Python 列表
print("per_sample.mean().item() =", per_sample.mean().item())  # 修复二：先归约成一个数
print("per_sample[3].item()     =", per_sample[3].item())  # 或者只取其中一个元素

import torch
import torch.nn.functional as F

pred = torch.tensor([1.0, 2.0, 3.5, 4.0])
target = torch.tensor([1.5, 2.0, 3.0, 5.0])
per_sample = F.mse_loss(pred, target, reduction="none")  # 每个样本一个损失，不求平均
print("per_sample =", per_sample)

try:
    per_sample.item()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

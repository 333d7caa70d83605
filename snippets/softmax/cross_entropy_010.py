import torch
import torch.nn.functional as F

target = torch.tensor([3, 1, 4, 1])  # 4 个样本的真实类别，共 10 个类别
print(F.cross_entropy(torch.zeros(4, 10), target).item())
print(F.cross_entropy(torch.full((4, 10), 7.0), target).item())

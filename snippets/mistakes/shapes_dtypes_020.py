import torch

batches = [torch.tensor([0.5, 1.0]), torch.tensor([1.5, 2.0])]
stacked = torch.stack(batches)  # 修复一：叠成新的一维，形状 (2, 2)
joined = torch.cat(batches)  # 修复二：沿已有的第 0 维首尾相接，形状 (4,)
print("torch.stack:", tuple(stacked.shape), stacked.tolist())
print("torch.cat  :", tuple(joined.shape), joined.tolist())

import torch

torch.manual_seed(0)
x = torch.randn(4, 3)
row_mean = x.mean(dim=1, keepdim=True)  # 修复：保留被平均掉的那一维，形状 (4, 1)
print("row_mean.shape =", tuple(row_mean.shape))
centered = x - row_mean  # (4, 3) - (4, 1)：每行减去它自己的平均值
zero = torch.allclose(centered.mean(dim=1), torch.zeros(4), atol=1e-6)
print("每行减完之后的平均值都是 0:", zero)

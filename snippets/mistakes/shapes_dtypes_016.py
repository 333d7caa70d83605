import torch

counts = torch.tensor([2, 4, 6])
ratio = counts / 4  # 修复一：不原地，得到一个新的浮点张量
print("ratio =", ratio, ratio.dtype)

counts = counts.float()  # 修复二：先转成浮点数，再原地除
counts /= 4
print("counts =", counts, counts.dtype)

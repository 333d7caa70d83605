import torch
import torch.nn.functional as F

torch.manual_seed(0)
# 图像分割模型的输出：每个像素一组类别分数，形状 (批大小 N, 类别数 C, 高 H, 宽 W)
logits = torch.randn(2, 3, 4, 5)

p = F.softmax(logits, dim=-1)  # 错误：照搬“类别在最后一维”，可这里最后一维是宽 W
print("沿类别维求和 p.sum(dim=1)，第 0 张图的 4×5 个像素:")
print(p.sum(dim=1)[0])
print("沿宽度求和 p.sum(dim=-1)，第 0 张图:")
print(p.sum(dim=-1)[0])

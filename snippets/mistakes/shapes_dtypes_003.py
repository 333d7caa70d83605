import torch

torch.manual_seed(0)
x = torch.randn(4, 3)  # 4 个样本，每个 3 个特征
# 想让每个样本（每一行）减去自己的平均值
row_mean = x.mean(dim=1)  # 形状 (4,)：每行一个数
print("row_mean.shape =", tuple(row_mean.shape))
try:
    x - row_mean
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# 行数恰好等于列数时，形状对得上，不报错，结果却是错的
square = torch.randn(3, 3)
centered = square - square.mean(dim=1)
print("方阵：每行减完之后的平均值 =", centered.mean(dim=1))

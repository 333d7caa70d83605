import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(3, 2)  # 以为每个样本有 3 个特征
x = torch.randn(4, 5)  # 实际上：4 个样本，每个 5 个特征
print("x.shape            =", tuple(x.shape))
print("layer.weight.shape =", tuple(layer.weight.shape), "（输出数, 输入数）")

try:
    layer(x)
except RuntimeError as error:
    print(f"RuntimeError: {error}")

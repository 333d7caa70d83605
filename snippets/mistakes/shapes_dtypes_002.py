import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 5)
layer = nn.Linear(x.shape[1], 2)  # 修复：输入数 = 每个样本的特征数 = x.shape[1]
out = layer(x)
print("out.shape =", tuple(out.shape))  # (批大小, 输出数)
# Linear 算的就是 x @ weight.T + bias：(4, 5) @ (5, 2) -> (4, 2)
print("与 x @ weight.T + bias 相同:", torch.allclose(out, x @ layer.weight.T + layer.bias))

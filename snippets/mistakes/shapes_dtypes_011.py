import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)  # 参数是 float32
print("model.weight.dtype =", model.weight.dtype)

features = np.array([[0.5, 1.2, -0.3], [1.0, 0.0, 2.0]])  # NumPy 数组默认是 float64
x = torch.from_numpy(features)  # 转成张量：dtype 原样保留
print("x.dtype =", x.dtype)
try:
    model(x)
except RuntimeError as error:
    print(f"RuntimeError: {error}")

counts = torch.tensor([[1, 2, 3]])  # 整数字面量：int64
try:
    model(counts)
except RuntimeError as error:
    print(f"RuntimeError: {error}")

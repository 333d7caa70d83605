import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
features = np.array([[0.5, 1.2, -0.3], [1.0, 0.0, 2.0]])

x = torch.from_numpy(features).float()  # 修复：转成 float32
y = torch.tensor(features, dtype=torch.float32)  # 或者在创建时就指定 dtype
print("x.dtype =", x.dtype, " y.dtype =", y.dtype)
print("model(x).shape =", tuple(model(x).shape))
print("model(整数.float()).shape =", tuple(model(torch.tensor([[1, 2, 3]]).float()).shape))

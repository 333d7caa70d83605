import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
params = model.parameters()  # 这是一个生成器，不是列表
print("type(params) =", type(params).__name__)

count = sum(p.numel() for p in params)  # 先用它数一数参数里一共有多少个数……
print("参数里一共有", count, "个数")
try:
    optimizer = torch.optim.SGD(params, lr=0.1)  # ……再交给优化器：它已经空了
except ValueError as error:
    print(f"ValueError: {error}")

import torch
from torch import nn

# 练习 3（有问题的代码）：想把每个线性层的全部参数（权重和偏置）都按 xavier_normal_ 初始化
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 1))
gain = nn.init.calculate_gain("tanh")
try:
    for layer in model:
        if isinstance(layer, nn.Linear):
            for p in layer.parameters():  # 先是权重 weight，再是偏置 bias
                nn.init.xavier_normal_(p, gain=gain)
except ValueError as e:
    print("ValueError:", e)

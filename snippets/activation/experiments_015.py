import torch
from torch import nn

# 练习 3 的修正：xavier_normal_ 只用于权重，偏置用 nn.init.zeros_ 置 0
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 1))
gain = nn.init.calculate_gain("tanh")
for layer in model:
    if isinstance(layer, nn.Linear):
        nn.init.xavier_normal_(layer.weight, gain=gain)
        nn.init.zeros_(layer.bias)

w = model[0].weight
print(f"第 1 层权重的标准差 {w.std().item():.3f}（公式 {gain * (2 / (32 + 32)) ** 0.5:.3f}）")
zero_bias = [torch.equal(m.bias, torch.zeros_like(m.bias)) for m in (model[0], model[2])]
print("两层的偏置都是 0 吗？", zero_bias)

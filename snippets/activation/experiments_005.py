import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(32, 32)  # 创建时，PyTorch 已经按默认方式随机抽好了权重
print(f"默认初始化：        权重的标准差 {layer.weight.std().item():.3f}")  # .std()：标准差

# nn.init.xavier_normal_：按正态分布重新抽取权重，标准差 = gain·√(2 / (输入数 + 输出数))
for gain in (1.0, 4.0):
    nn.init.xavier_normal_(layer.weight, gain=gain)
    std = layer.weight.std().item()
    formula = gain * (2 / (32 + 32)) ** 0.5
    print(f"xavier_normal_(gain={gain})：权重的标准差 {std:.3f}（公式 {formula:.3f}）")

# nn.init.calculate_gain：PyTorch 为各激活函数建议的 gain
for name in ("sigmoid", "tanh", "relu"):
    print(f"nn.init.calculate_gain('{name}') = {nn.init.calculate_gain(name):.4f}")

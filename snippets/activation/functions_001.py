import torch
from torch import nn

torch.manual_seed(0)

# 两层线性层叠在一起，中间没有激活函数
layer1 = nn.Linear(3, 4)
layer2 = nn.Linear(4, 2)

# 把两层“合并”成一层：W = W2·W1，b = W2·b1 + b2
W = layer2.weight @ layer1.weight
b = layer2.weight @ layer1.bias + layer2.bias
merged = nn.Linear(3, 2)
with torch.no_grad():  # 只是手动赋值参数，不需要录制计算图
    merged.weight.copy_(W)
    merged.bias.copy_(b)

x = torch.randn(5, 3)
two_layers = layer2(layer1(x))
one_layer = merged(x)
print("两层输出与一层输出的最大差:", (two_layers - one_layer).abs().max().item())
print("torch.allclose(两层, 一层) =", torch.allclose(two_layers, one_layer, atol=1e-6))

# 中间加上激活函数，就再也合并不成一层了
with_relu = layer2(torch.relu(layer1(x)))
print("加了 ReLU 之后还相等吗？", torch.allclose(with_relu, one_layer, atol=1e-6))

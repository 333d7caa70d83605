import torch

torch.manual_seed(0)  # 固定随机数种子：每次运行抽到的随机数都一样

# 两层线性层，中间没有激活函数：h = W1 x + b1，y = W2 h + b2
W1, b1 = torch.randn(4, 3), torch.randn(4)  # 第 1 层：3 个输入 -> 4 个输出
W2, b2 = torch.randn(2, 4), torch.randn(2)  # 第 2 层：4 个输入 -> 2 个输出
x = torch.randn(3)  # 一个有 3 个分量的输入

two_layers = W2 @ (W1 @ x + b1) + b2  # @ 是矩阵乘法

# 把两层“合并”成一层：W = W2·W1，b = W2·b1 + b2
W = W2 @ W1
b = W2 @ b1 + b2
one_layer = W @ x + b

print("两层的输出:", two_layers)
print("一层的输出:", one_layer)
# allclose：逐个元素比较，允许浮点舍入带来的极小差别
print("torch.allclose(两层, 一层) =", torch.allclose(two_layers, one_layer))

# 中间加上激活函数 ReLU（把负数变成 0，见下文），就再也合并不成一层了
h = W1 @ x + b1
print("第 1 层的输出 h:", h)
with_relu = W2 @ torch.relu(h) + b2
print("加了 ReLU 之后还相等吗？", torch.allclose(with_relu, one_layer))

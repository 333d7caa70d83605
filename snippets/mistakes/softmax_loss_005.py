import torch
import torch.nn.functional as F

torch.manual_seed(0)
# 语言模型的输出：每个位置一组类别（词表）分数，形状 (批大小 N, 序列长度 T, 类别数 C)
logits = torch.randn(2, 5, 7)  # N=2, T=5, C=7
target = torch.randint(0, 7, (2, 5))  # 每个位置正确的类别下标，形状 (N, T)

try:
    F.cross_entropy(logits, target)  # 类别在最后一维，直接交给损失函数
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# 序列长度恰好等于类别数时更糟：形状对得上，不报错，算出的却是另一个数
square = torch.randn(2, 7, 7)  # N=2, T=7, C=7
target_square = torch.randint(0, 7, (2, 7))
wrong = F.cross_entropy(square, target_square)  # 把序列维当成了类别维
right = F.cross_entropy(square.transpose(1, 2), target_square)
print(f"T = C 时直接交给损失函数 = {wrong.item():.4f}")
print(f"类别换到 dim=1 之后      = {right.item():.4f}")

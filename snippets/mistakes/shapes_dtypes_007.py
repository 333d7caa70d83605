import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
model = nn.Linear(4, 3)  # 4 个特征，3 个类别
x = torch.randn(4)  # 只拿了一个样本：形状 (4,)，没有批维度
logits = model(x)
print("logits.shape =", tuple(logits.shape))

try:
    F.softmax(logits, dim=1)  # 训练时批量输入是 (N, C)，类别在 dim=1
except IndexError as error:
    print(f"IndexError: {error}")

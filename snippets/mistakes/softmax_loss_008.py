import torch
import torch.nn.functional as F
from torch import nn

torch.set_printoptions(precision=4, sci_mode=False)  # 打印保留 4 位小数，不用科学计数法
criterion = nn.CrossEntropyLoss()
target = torch.tensor([0])  # 正确类别：下标 0（第 1 个类别）

# 模型错得离谱：对下标 1 的类别（第 2 个）信心十足
logits = torch.tensor([[0.0, 10.0, 0.0]], requires_grad=True)
right = criterion(logits, target)
right.backward()
print(f"正确 CrossEntropyLoss(logits)          = {right.item():.4f}")
print("     logits 的梯度 =", logits.grad)

logits.grad = None
wrong = criterion(F.softmax(logits, dim=1), target)  # 错误：多做了一次 softmax
wrong.backward()
print(f"错误 CrossEntropyLoss(softmax(logits)) = {wrong.item():.4f}")
print("     logits 的梯度 =", logits.grad)

# 模型完全正确时，错误写法的损失也降不到 0
perfect = torch.tensor([[100.0, 0.0, 0.0]])
print(f"完美预测时 正确写法 = {criterion(perfect, target).item():.4f}")
print(f"完美预测时 错误写法 = {criterion(F.softmax(perfect, dim=1), target).item():.4f}")

torch.set_printoptions(profile="default")  # 恢复默认的打印格式，免得影响后面运行的代码

import torch
from torch import nn

criterion = nn.BCEWithLogitsLoss()
y = torch.tensor([1.0])  # 正确答案：正类

# 模型错得离谱：logit = -10，认为几乎不可能是正类
logit = torch.tensor([-10.0], requires_grad=True)
right = criterion(logit, y)
right.backward()
grad = logit.grad.item()
print(f"正确 BCEWithLogitsLoss(logit)          = {right.item():.4f}  logit 的梯度 = {grad:.6f}")

logit.grad = None
wrong = criterion(torch.sigmoid(logit), y)  # 错误：多做了一次 sigmoid
wrong.backward()
grad = logit.grad.item()
print(f"错误 BCEWithLogitsLoss(sigmoid(logit)) = {wrong.item():.4f}  logit 的梯度 = {grad:.6f}")

# 模型完全正确时，错误写法的损失也降不到 0
perfect = torch.tensor([100.0])
print(f"完美预测时 正确写法 = {criterion(perfect, y).item():.4f}")
print(f"完美预测时 错误写法 = {criterion(torch.sigmoid(perfect), y).item():.4f}")

import torch

torch.manual_seed(0)
logits = torch.randn(4, 3)
labels = torch.tensor([0, 2, 1, 1])

pred = logits.argmax(dim=1)  # 每个样本得分最高的类别
correct = pred == labels  # 比较的结果是布尔张量
print("pred =", pred, " correct =", correct)
try:
    accuracy = correct.mean()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

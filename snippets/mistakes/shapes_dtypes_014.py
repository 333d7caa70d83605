import torch

torch.manual_seed(0)
logits = torch.randn(4, 3)
labels = torch.tensor([0, 2, 1, 1])
correct = logits.argmax(dim=1) == labels

accuracy = correct.float().mean()  # 修复：先转成浮点数（True -> 1.0，False -> 0.0）
print("准确率 =", accuracy.item())
n_correct = correct.sum().item()  # 答对的个数：True 当作 1 来数
print("也可以数出来再除:", n_correct, "/", len(labels), "=", n_correct / len(labels))

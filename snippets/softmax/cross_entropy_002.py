import torch

# 100 个样本，模型给每个样本的真实类别都分了 0.1 的概率
p_true = torch.full((100,), 0.1)

print("连乘（似然）    :", torch.prod(p_true).item())  # 0.1 的 100 次方 = 1e-100
print("对数之和        :", torch.log(p_true).sum().item())  # 100 × log 0.1
print("负对数似然的平均:", -torch.log(p_true).mean().item())  # = −log 0.1

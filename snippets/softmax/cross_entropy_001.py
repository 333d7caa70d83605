import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3)  # 一批 4 个样本，每个样本 3 个类别的 logits
target = torch.tensor([0, 2, 1, 2])  # 每个样本的真实类别（下标）

p = F.softmax(logits, dim=1)  # 每个样本一个概率分布：每一行加起来是 1
y = F.one_hot(target, num_classes=3).float()
p_true = (y * p).sum(dim=1)  # 每个样本分给真实类别的概率 p_c
print("p_c     :", p_true)

# 似然：模型分给这批真实标签的概率 = 每个样本的 p_c 连乘
likelihood = torch.prod(p_true)
print(f"似然    : {likelihood:.6f}")
print(f"log 似然: {torch.log(likelihood):.6f}   Σ log p_c: {torch.log(p_true).sum():.6f}")

# 负对数似然的平均值，三种算法
# 手算：每个样本的交叉熵 −Σ_k y_k log p_k，再对样本求平均
manual = -(y * torch.log(p)).sum(dim=1).mean()
nll = F.nll_loss(F.log_softmax(logits, dim=1), target)
ce = F.cross_entropy(logits, target)
print(f"手算 −Σ y log p 的平均: {manual:.6f}")
print(f"nll_loss(log_softmax): {nll:.6f}")
print(f"cross_entropy        : {ce:.6f}")
print(f"exp(−4 × 交叉熵)      : {torch.exp(-4 * ce):.6f}")  # 4 个样本：变回似然

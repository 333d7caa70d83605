import torch
import torch.nn.functional as F


def report(name, logits, q):
    # 交叉熵 H(q, p)：目标 q 是概率，形状与 logits 相同的浮点张量
    ce = F.cross_entropy(logits, q)
    # 熵 H(q)：entr(q) 逐个元素算 −q log q（q = 0 处给 0），再求和
    entropy = torch.special.entr(q).sum()
    # KL(q‖p)：先传模型的 log p，再传目标 q
    kl = F.kl_div(F.log_softmax(logits, dim=1), q, reduction="batchmean")
    print(f"{name}  H(q, p) = {ce:.4f}   H(q) = {entropy:.4f}   KL(q‖p) = {kl:.4f}")


q = torch.tensor([[0.7, 0.2, 0.1]])  # 软目标：一个样本在 3 个类别上的目标分布
torch.manual_seed(0)
logits = torch.randn(1, 3)
print("p =", F.softmax(logits, dim=1))
report("软目标，随机 logits  ", logits, q)
report("软目标，p = q        ", torch.log(q), q)  # softmax(log q) = q

y = torch.tensor([[1.0, 0.0, 0.0]])  # one-hot 目标：熵为 0
report("one-hot，随机 logits ", logits, y)

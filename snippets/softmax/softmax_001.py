import torch
import torch.nn.functional as F

torch.manual_seed(0)
a = torch.randn(5)  # 5 个任意分数（logits），有正有负

# 按定义手算：p_i = e^{a_i} / Σ_j e^{a_j}
p_formula = torch.exp(a) / torch.exp(a).sum()
# F.softmax：dim 指定沿哪一维做归一化；a 只有一维，就是 dim=0
p = F.softmax(a, dim=0)

print("logits a      :", a)
print("F.softmax(a)  :", p)
print("按公式手算    :", p_formula)
print(f"最小值, 最大值: {p.min().item():.4f}, {p.max().item():.4f}")
print("总和          :", p.sum().item())

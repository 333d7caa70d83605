import torch
import torch.nn.functional as F

target = torch.tensor([0])  # one-hot 目标：真实类别是下标 0
for margin in [0.0, 2.0, 5.0, 10.0, 20.0]:
    # 真实类别的 logit 比另外两个高出 margin
    logits = torch.tensor([[margin, 0.0, 0.0]])
    p0 = F.softmax(logits, dim=1)[0, 0].item()
    loss = F.cross_entropy(logits, target).item()
    print(f"高出 {margin:>4}:  p[0] = {p0:.6f}   交叉熵 = {loss:.6g}")

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
x = torch.randn(4, 2)
y = torch.tensor([[1.0], [0.0], [1.0], [0.0]])
logits = model(x)

# 修复：原始分数交给 BCEWithLogitsLoss，它在内部先做 sigmoid
with_logits = nn.BCEWithLogitsLoss()(logits, y)
# 等价写法：自己先 sigmoid 成概率，再交给 BCELoss
with_sigmoid = nn.BCELoss()(torch.sigmoid(logits), y)
print(f"BCEWithLogitsLoss(logits)   = {with_logits.item():.4f}")
print(f"BCELoss(sigmoid(logits))    = {with_sigmoid.item():.4f}")

# 分数很极端时两者就不一样了：sigmoid(-200) 在 float32 里就是 0，log(0) = -inf
z = torch.tensor([[-200.0]])
one = torch.tensor([[1.0]])
print("sigmoid(-200) =", torch.sigmoid(z).item())
print(f"BCEWithLogitsLoss(-200)     = {nn.BCEWithLogitsLoss()(z, one).item():.4f}")
print(f"BCELoss(sigmoid(-200))      = {nn.BCELoss()(torch.sigmoid(z), one).item():.4f}")

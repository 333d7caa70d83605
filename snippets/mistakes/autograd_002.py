import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(1.0, requires_grad=True)  # 这次 w 开启了追踪

# 情形 1：前向计算被包在 torch.no_grad() 里（比如从评估代码里复制过来）
with torch.no_grad():
    loss_no_grad = ((w * x - y) ** 2).mean()

# 情形 2：.item() 变成了 Python 浮点数，再包回张量，图就断了
loss_item = torch.tensor(((w * x - y) ** 2).mean().item())

# 情形 3：argmax 不可导，拿它算出来的“损失”没有历史
logits = w * torch.tensor([[0.2, 0.9], [0.8, 0.1]])
target = torch.tensor([1, 1])
loss_argmax = (logits.argmax(dim=1) != target).float().mean()

for name, loss in [("no_grad", loss_no_grad), (".item()", loss_item), ("argmax", loss_argmax)]:
    try:
        loss.backward()
    except RuntimeError as error:
        print(f"{name:8} grad_fn={loss.grad_fn}  RuntimeError: {error}")

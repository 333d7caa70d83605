import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(0.5, requires_grad=True)

for _ in range(100):
    loss = ((w * x - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():  # 参数更新不是模型的一部分，不要录制
        w -= 0.1 * w.grad  # 原地更新：w 仍是同一个叶子张量
    w.grad.zero_()  # 手动清零，相当于 optimizer.zero_grad()

print(f"w = {w.item():.4f}, w.is_leaf = {w.is_leaf}, w.requires_grad = {w.requires_grad}")

import torch

s, s_next, r, gamma = 2.0, 3.0, 1.0, 0.9  # 目标 = r + γ · v(s_next)
lr = 0.1  # 学习率


def one_step(cut):
    w = torch.tensor(1.0, requires_grad=True)  # 模型：v(s) = w · s
    v = w * s
    target = r + gamma * w * s_next  # 目标也是模型自己算的
    if cut:
        target = target.detach()
    loss = (v - target) ** 2
    loss.backward()
    grad = w.grad.item()
    with torch.no_grad():  # 梯度下降走一步（更新参数这一步不录制）
        w -= lr * w.grad
    label = "detach   " if cut else "不 detach"
    new_v = w.item() * s  # 走一步之后的 v(s)
    print(f"{label}: w.grad = {grad:+.4f}，走一步后 w = {w.item():.4f}")
    print(f"           v(s) 从 {v.item():.4f} 变成 {new_v:.4f}，原来的目标是 {target.item():.4f}")


one_step(cut=False)
one_step(cut=True)

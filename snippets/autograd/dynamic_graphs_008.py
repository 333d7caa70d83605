import torch
import torch.nn.functional as F


def count_nodes(t):
    """从 t.grad_fn 出发，沿 next_functions 能走到的计算图节点个数。"""
    seen, todo = [], [getattr(t, "grad_fn", None)]  # Python 的浮点数没有 grad_fn
    while todo:
        fn = todo.pop()
        if fn is not None and fn not in seen:
            seen.append(fn)
            todo.extend(next_fn for next_fn, _ in fn.next_functions)
    return len(seen)


def train(record):
    torch.manual_seed(0)
    w = torch.tensor(1.0, requires_grad=True)
    total_loss = 0.0
    for step in range(1, 4):
        x = torch.randn(100)  # 每一步一批新数据
        loss = F.mse_loss(w * x, 3 * x)
        loss.backward()
        with torch.no_grad():  # 梯度下降走一步，学习率 0.1
            w -= 0.1 * w.grad
        w.grad.zero_()
        total_loss += record(loss)  # 累计损失，算平均用
        nodes = count_nodes(total_loss)
        print(f"  第 {step} 步之后 total_loss = {total_loss:.4f}，拉着 {nodes} 个计算图节点")


print("total_loss += loss:")
train(lambda loss: loss)
print("total_loss += loss.item():")
train(lambda loss: loss.item())

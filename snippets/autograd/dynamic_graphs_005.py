import torch
import torch.nn.functional as F

x = torch.tensor([1.0, 2.0, 3.0])
y = 2 * x  # 分支 B 的任务：拟合 y = 2x


def gradients(cut):
    a = torch.tensor(0.5, requires_grad=True)  # 分支 A 的参数
    b = torch.tensor(2.0, requires_grad=True)  # 分支 B 的参数：b = 2 已经完美拟合了 y
    pred_a, pred_b = a * x, b * x
    target_for_a = pred_b.detach() if cut else pred_b
    loss = F.mse_loss(pred_b, y) + F.mse_loss(pred_a, target_for_a)  # B 的任务 + “A 向 B 看齐”
    loss.backward()
    return a.grad, b.grad


for cut, label in [(False, "不 detach"), (True, "detach   ")]:
    a_grad, b_grad = gradients(cut)
    print(f"{label}: a.grad =", a_grad, " b.grad =", b_grad)

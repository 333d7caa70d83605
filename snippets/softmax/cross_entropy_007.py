import torch
import torch.nn.functional as F

# 自信地错了：真实类别是下标 0，模型却把几乎全部概率给了下标 1
target = torch.tensor([0])
y = F.one_hot(target, num_classes=3).float()
logits = [[0.0, 7.0, 0.0]]

# 交叉熵：对 logits 的梯度就是 p − y
a = torch.tensor(logits, requires_grad=True)
F.cross_entropy(a, target).backward()
ce_grad = a.grad
print("p =", F.softmax(a.detach(), dim=1))
print("交叉熵   ∂L/∂a :", ce_grad)

# 均方误差：比较 Softmax 的输出 p 和 one-hot 目标 y。
# autograd.grad 一次求出损失对中间结果 p 和对 logits a 的梯度
a = torch.tensor(logits, requires_grad=True)
p = F.softmax(a, dim=1)
mse_grad_p, mse_grad = torch.autograd.grad(F.mse_loss(input=p, target=y), [p, a])
print("均方误差 ∂L/∂p :", mse_grad_p)
print("均方误差 ∂L/∂a :", mse_grad)

# ∂L/∂p 乘上雅可比矩阵 diag(p) − p pᵀ 才得到 ∂L/∂a，而它的每一项都很小
p = p.detach()[0]
J = torch.diag(p) - torch.outer(p, p)
print(f"雅可比矩阵绝对值最大的一项: {J.abs().max():.6f}")
ratio = ce_grad.norm() / mse_grad.norm()
print(f"梯度的范数: 交叉熵 {ce_grad.norm():.4f}，均方误差 {mse_grad.norm():.6f}")
print(f"相差约 {ratio:.0f} 倍")

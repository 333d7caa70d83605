import torch
import torch.nn.functional as F

# 推导的结果：∂H(q, p)/∂a = (Σ_k q_k)·p − q；q 加起来是 1 时就是 p − q
a = torch.tensor([[1.0, -0.5, 2.0]], requires_grad=True)
p = F.softmax(a, dim=1).detach()

for q in (torch.tensor([[0.5, 0.3, 0.2]]), torch.tensor([[1.0, 0.6, 0.4]])):
    (grad,) = torch.autograd.grad(F.cross_entropy(a, q), [a])  # q 作目标：每个类别的概率
    print("q =", q, " Σq =", round(q.sum().item(), 4))
    print("  autograd   :", grad)
    print("  (Σq)·p − q :", q.sum() * p - q)
    print("  p − q      :", p - q)

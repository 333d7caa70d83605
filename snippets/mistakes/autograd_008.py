import torch
import torch.nn.functional as F

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
p = F.softmax(a, dim=0)  # 一次前向计算，之后要在同一张图上求两次梯度

# 第一次：保留计算图，因为马上还要用
(dp1_da,) = torch.autograd.grad(p[1], a, retain_graph=True)
# 第二次：最后一次使用，可以让图释放了
(dp2_da,) = torch.autograd.grad(p[2], a)

print("∂p1/∂a =", dp1_da)
print("∂p2/∂a =", dp2_da)

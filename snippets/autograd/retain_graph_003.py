import torch
import torch.nn.functional as F
from torch import autograd

# 1. 一张没有保存任何中间值的图：加法和求和的导数用不到输入的值
x = torch.ones(2, requires_grad=True)
out = (x + 2).sum()
out.backward()
out.backward()  # 没有 retain_graph=True，第二次照样成功
print("两次 backward 之后 x.grad =", x.grad)  # 梯度累积了两次

# 2. softmax 的图：反向传播要用到保存下来的输出 p
torch.manual_seed(0)
a = torch.rand(3, requires_grad=True)
p = F.softmax(a, dim=0)
autograd.grad(p[1], [a])  # 默认不保留

# 图的“骨架”还在：grad_fn 和 next_functions 都能访问
node = p.grad_fn
print("p.grad_fn 仍然是", type(node).__name__)
print("它的下一个节点仍然是", [type(fn).__name__ for fn, _ in node.next_functions])
# 被释放的是 SoftmaxBackward0 保存的中间值 result
try:
    print(node._saved_result)
except RuntimeError as error:
    print(f"读取 _saved_result -> RuntimeError: {error}")

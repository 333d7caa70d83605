import torch
import torch.nn.functional as F
from torch import autograd

# 布景：输入 x、参数 w（注意 2.0 带小数点，是浮点数）
x = torch.ones(1)
w = torch.full([1], 2.0)
# .dtype 是张量的数据类型：float32 即 32 位浮点数
print("w =", w, " dtype =", w.dtype, " requires_grad =", w.requires_grad)

# In [19]：计算损失，此时 w 还没有开启追踪
mse = F.mse_loss(x * w, torch.ones(1))
print("mse =", mse, " grad_fn =", mse.grad_fn)

# In [21]：尝试求梯度；换成 mse.backward() 也是同一个错误
try:
    autograd.grad(mse, [w])
except RuntimeError as error:
    print(f"autograd.grad -> RuntimeError: {error}")
try:
    mse.backward()
except RuntimeError as error:
    print(f"mse.backward() -> RuntimeError: {error}")

import importlib.machinery

import torch

# 点菜：只需知道菜名（函数名）、要提供什么（参数）、会得到什么（返回值）
x = torch.tensor(0.0, requires_grad=True)
y = torch.sigmoid(x)
print("torch.sigmoid(0.) =", y)

# 再点一道“求梯度”：.backward() 也只是菜单上的一项，结果送到 x.grad
y.backward()
print("x.grad =", x.grad)

# 厨房在哪？torch.sigmoid 不是 Python 函数，而是编译好的扩展模块 torch._C 里的内置函数
print("type(torch.sigmoid):", type(torch.sigmoid).__name__)
print("就是 torch._C 里的那一个:", torch.sigmoid is torch._C._VariableFunctions.sigmoid)
# torch._C 的文件名随系统而变（Linux 上是 .so，Windows 上是 .pyd），这里只问它是不是扩展模块
path = torch._C.__file__
print("torch._C 是编译好的扩展模块:", path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)))
# 反向传播的引擎同样在 C++ 里
print("backward 的引擎:", type(torch.autograd.Variable._execution_engine))

import torch

# 整数 2（没有小数点）：torch.full 得到的是 int64 张量
w = torch.full([1], 2)
print("w =", w, " dtype =", w.dtype)

try:
    w.requires_grad_()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

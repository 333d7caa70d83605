import torch

x = torch.arange(6).reshape(2, 3)
xt = x.transpose(0, 1)  # 转置：形状 (3, 2)
print("xt =", xt.tolist())
print("xt.is_contiguous() =", xt.is_contiguous())
# 步长：沿每一维走一步，在内存里要跳过几个元素
print("x.stride() =", x.stride(), " xt.stride() =", xt.stride())

try:
    xt.view(6)  # 想把它摊平成一行
except RuntimeError as error:
    print(f"RuntimeError: {error}")

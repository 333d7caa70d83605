import torch

x = torch.arange(6).reshape(2, 3)
xt = x.transpose(0, 1)  # 转置：形状 (3, 2)
print("xt =", xt.tolist())
print("xt.is_contiguous() =", xt.is_contiguous())

try:
    xt.view(6)  # 想把它摊平成一行
except RuntimeError as error:
    print(f"RuntimeError: {error}")

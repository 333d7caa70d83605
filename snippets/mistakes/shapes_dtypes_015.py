import torch

counts = torch.tensor([2, 4, 6])  # 整数张量：int64
print("counts / 4  =", counts / 4)  # / 总是真除法，结果是浮点数
print("counts // 4 =", counts // 4)  # // 是向下取整的整除，结果仍是整数

try:
    counts /= 4  # 原地除法：浮点数的结果要写回 int64 的张量里
except RuntimeError as error:
    print(f"RuntimeError: {error}")

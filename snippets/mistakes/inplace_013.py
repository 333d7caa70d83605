import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    w.numpy()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

array = w.detach().numpy()  # 修复：先脱离计算图
print("w.detach().numpy() =", array)

# 注意：它与 w 共享内存，原地更新 w 之后数组也跟着变
with torch.no_grad():
    w += 1
print("更新 w 之后 array   =", array)

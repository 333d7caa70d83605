import torch

# 每一批的预测收集在一个列表里，最后想拼成一个张量
batches = [torch.tensor([0.5, 1.0]), torch.tensor([1.5, 2.0])]
try:
    torch.tensor(batches)
except ValueError as error:
    print(f"ValueError: {error}")

try:
    float(batches[0])  # float() 也只接受一个元素的张量
except ValueError as error:
    print(f"ValueError: {error}")

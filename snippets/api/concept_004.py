import torch

try:
    y = torch.sigmoid(2.0)
    print("torch.sigmoid(2.0) =", y)
except TypeError as e:
    print("TypeError:", e)

import torch

y = torch.sigmoid(torch.tensor(2.0))  # 按菜单的要求，交给它一个张量
print("torch.sigmoid(torch.tensor(2.0)) =", y)

import torch

h = 1e-5
# 练习 2：远离 0 的点，中心差分给出 0 或 1
x = torch.tensor([-1.0, 0.5, 2.0], dtype=torch.float64)
print("x =", x)
print("中心差分 =", (torch.relu(x + h) - torch.relu(x - h)) / (2 * h))

# 在拐点 x = 0：右差商、左差商不一样，中心差分恰好是两者的平均
zero = torch.tensor(0.0, dtype=torch.float64)
right = (torch.relu(zero + h) - torch.relu(zero)) / h
left = (torch.relu(zero) - torch.relu(zero - h)) / h
central = (torch.relu(zero + h) - torch.relu(zero - h)) / (2 * h)
print(f"x = 0：右差商 {right.item()}，左差商 {left.item()}，中心差分 {central.item()}")

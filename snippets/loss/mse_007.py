import torch

# 练习 2：MSE 对每个预测值的梯度，公式是 −2(y − pred)/N
y = torch.tensor([1.0, 2.0, 3.0])
pred = torch.tensor([1.5, 2.0, 2.0])
N = len(y)


def mse(p):
    return ((y - p) ** 2).mean()


by_formula = 2 * (pred - y) / N  # 即 −2(y − pred)/N
print("公式    :", by_formula)

# 验证：把第 i 个预测值往两边各挪一点点 h，看 MSE 变了多少（中心差分）
h = 0.01
numeric = []
for i in range(N):
    step = torch.zeros(N)  # N 个 0，只有第 i 个位置是 h
    step[i] = h
    numeric.append(((mse(pred + step) - mse(pred - step)) / (2 * h)).item())
print("中心差分:", [round(v, 4) for v in numeric])

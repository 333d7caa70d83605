import torch

# 一个小小的回归问题：6 个样本，真实值 y 带一点随机噪声
torch.manual_seed(0)
x = torch.arange(1.0, 7.0)
y = 0.5 * x + 1 + 0.3 * torch.randn(6)

# 模型 f_θ(x) = w·x + b，参数 θ = (w, b) 还没训练，是随手猜的
w, b = 0.6, 0.8
pred = w * x + b

error = y - pred  # 真实值 - 预测值
print("真实值 y      :", y)
print("预测值 f(x)   :", pred)
print("误差 y - f(x) :", error)
print("误差的平方    :", error**2)

import torch

# -1 到 1 的小范围：观察 Tanh 在中心区域的行为
a = torch.linspace(-1, 1, 10)

t = torch.tanh(a)
print(t)

# 关于 0 对称：把输出倒过来再取负，和原来逐位相同
print("对称吗？", torch.equal(t, -t.flip(0)))
print("tanh(0) =", torch.tanh(torch.tensor(0.0)))

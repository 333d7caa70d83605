import torch

# 练习 2：由 tanh(x) = 2σ(2x) − 1 推导 tanh'(x) = 4σ(2x)(1 − σ(2x))，再用 autograd 核对
x = torch.tensor([-1.5, 0.3, 2.0], requires_grad=True)
(autograd,) = torch.autograd.grad(torch.tanh(x).sum(), x)

s = torch.sigmoid(2 * x.detach())
derived = 4 * s * (1 - s)  # 推导的结果
print("autograd         :", autograd)
print("4σ(2x)(1 − σ(2x)):", derived)
print(f"最大差值         : {(autograd - derived).abs().max().item():.1e}")

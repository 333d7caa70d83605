import torch

x = torch.ones(2, requires_grad=True)

for step in range(1, 4):
    out = ((x + 2) * (x + 2) * 3).mean()  # 每次都重新前向计算
    out.backward()
    print(f"第 {step} 次 backward 之后 x.grad = {x.grad}")

# 梯度会累积，所以训练循环里每一步都要先清零
x.grad.zero_()
print("清零之后 x.grad =", x.grad)

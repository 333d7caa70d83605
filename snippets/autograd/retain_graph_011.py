import torch

# 练习 1：不清零会怎样？y = x² 在 x = 3 处的导数是 6
x = torch.tensor(3.0, requires_grad=True)

for step in range(2):
    (x**2).backward()  # 每次都重新前向计算，得到一张新图
    print(f"不清零，第 {step + 1} 次之后 x.grad =", x.grad.item())

x.grad.zero_()
(x**2).backward()
print("清零后再来一次 x.grad =", x.grad.item())

import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])

# 第一幕：w 没有开启梯度追踪，损失就算出来了
w = torch.tensor(1.0)
mse = ((w * x - y) ** 2).mean()
print("mse.grad_fn =", mse.grad_fn)  # None：没有任何计算被“录制”
try:
    mse.backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# 第二幕：现在才开启追踪，却对旧的 mse 求梯度——旧的 mse 没有被录制，没有通向 w 的图
w.requires_grad_(True)
try:
    mse.backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

import torch

torch.manual_seed(0)  # 与 API 1 的例子相同的 w、x 和 loss

w = torch.randn(1, requires_grad=True)
x = torch.tensor([2.0])
loss = (x * w - 7.0) ** 2

# 核心 API 调用：告诉它“求哪个量的导数”（outputs）和“对哪些张量求导”（inputs）
grads = torch.autograd.grad(loss, [w])

print(f"返回值的类型: {type(grads).__name__}，长度 {len(grads)}")
print(f"grads = {grads}")
dw = grads[0]  # 与 inputs 一一对应
print(f"d loss / d w = {dw}")

# .grad 一点没动：梯度只在返回值里
print(f"w.grad = {w.grad}")

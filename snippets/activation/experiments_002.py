import torch

x = torch.linspace(-10, 10, 1001, requires_grad=True)
y = torch.sigmoid(x)

# 反向传播要用的张量，前向时就存在 grad_fn 上（名字以 _saved 开头）：
# Sigmoid 只存了前向的输出 σ（result），没有存输入 x
sigmoid_saved = [name for name in dir(y.grad_fn) if name.startswith("_saved")]
print(y.grad_fn.name(), "保存的张量:", sigmoid_saved)
print("存下的就是前向输出 σ 吗？", torch.equal(y.grad_fn._saved_result, y))

# autograd 算出的导数与公式 σ' = σ(1 − σ) 逐位比较
(autograd_grad,) = torch.autograd.grad(y.sum(), x)
s = y.detach()
sigmoid_error = (autograd_grad - s * (1 - s)).abs().max().item()
print("max |σ(1−σ) − autograd|      =", sigmoid_error)

# Tanh 也一样：只存输出，按 1 − tanh² 求导
t = torch.tanh(x)
tanh_saved = [name for name in dir(t.grad_fn) if name.startswith("_saved")]
print(t.grad_fn.name(), "保存的张量:", tanh_saved)
(autograd_grad,) = torch.autograd.grad(t.sum(), x)
tanh_error = (autograd_grad - (1 - t.detach() ** 2)).abs().max().item()
print("max |(1 − tanh²) − autograd| =", tanh_error)

import torch

# 逐个输入点，用 autograd 求 Sigmoid 的导数 σ'(x)
xs = [0.0, 2.0, 5.0, 10.0, 20.0, -20.0]
print("    x   σ(x)               σ'(x)")
grads = {}
for value in xs:
    x = torch.tensor(value, requires_grad=True)
    y = torch.sigmoid(x)
    y.backward()
    grads[value] = x.grad.item()
    # .10g：最多 10 位有效数字，float32 里恰好等于 1 的值会显示成 1
    print(f"{value:5.0f}   {y.item():<16.10g}   {x.grad.item():.4e}")

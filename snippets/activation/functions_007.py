import torch

# 导数公式 σ'(x) = σ(x)(1 − σ(x))：只用到 σ(x) 本身
xs = torch.tensor([0.0, 2.0, 5.0, 10.0, 20.0, -20.0])
s = torch.sigmoid(xs)
formula = s * (1 - s)

# 用中心差分核对：在 float64 里算，h = 1e-5
h = 1e-5
x64 = xs.to(torch.float64)  # 同样的 6 个点，转成 float64
numeric = (torch.sigmoid(x64 + h) - torch.sigmoid(x64 - h)) / (2 * h)

print("    x   σ(x)（float32）     σ(1−σ)（float32）   中心差分（float64）")
for i in range(len(xs)):
    row = (xs[i].item(), s[i].item(), formula[i].item(), numeric[i].item())
    # .10g：最多 10 位有效数字，float32 里恰好等于 1 的值会显示成 1
    print("{:5.0f}   {:<16.10g}   {:.4e}          {:.4e}".format(*row))

# 在 [-10, 10] 的 1001 个点上整体核对一遍（都用 float64）：.abs() 取绝对值，.max() 取最大值
x = torch.linspace(-10, 10, 1001, dtype=torch.float64)
sx = torch.sigmoid(x)
max_error = ((torch.sigmoid(x + h) - torch.sigmoid(x - h)) / (2 * h) - sx * (1 - sx)).abs().max()
print(f"[-10, 10] 上 |公式 − 中心差分| 的最大值 = {max_error.item():.1e}")

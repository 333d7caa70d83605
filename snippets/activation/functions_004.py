import torch


def step(x):
    # 阶跃函数：x > 0 输出 1，否则输出 0（比较的结果是 True/False，.to 把它转成 1.0/0.0）
    return (x > 0).to(torch.float64)


def central_difference(f, x, h):
    """中心差分 (f(x+h) − f(x−h)) / 2h：h 很小时，它逼近 f 在 x 处的导数。"""
    return (f(x + h) - f(x - h)) / (2 * h)


# torch.tensor 用给定的数创建张量；dtype=torch.float64 指定用双精度浮点数（原因见 Sigmoid 一节）
x = torch.tensor([-1.0, 0.5, 2.0], dtype=torch.float64)
print("x        =", x)
print("中心差分 =", central_difference(step, x, 1e-5))

# 在跳变点 x = 0：h 越小，差商越大，不趋向任何一个数，所以那里没有导数
zero = torch.tensor(0.0, dtype=torch.float64)
for h in (0.1, 0.01, 0.001):  # .item() 把只有一个元素的张量取成 Python 数
    print(f"h = {h:<5}  x = 0 处的中心差分 = {central_difference(step, zero, h).item():g}")

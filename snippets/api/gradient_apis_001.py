import torch

torch.manual_seed(0)  # 固定随机数，每次构建打印同一个 w

# 定义模型参数
w = torch.randn(1, requires_grad=True)

# 模拟一次计算
x = torch.tensor([2.0])
loss = (x * w - 7.0) ** 2  # 假设目标是 7

# 1. 清空旧梯度（原笔记的写法，见下面的勘误）
if w.grad:
    w.grad.zero_()

# 2. 核心 API 调用：隐式计算并累积梯度
result = loss.backward()

# 3. 结果查看：梯度已自动填充到 .grad 属性
print(f"w = {w}")
print(f"w 的梯度: {w.grad}")
print(f"backward() 的返回值: {result}")

# 手算核对：d loss / d w = 2·(x·w − 7)·x
by_hand = 2 * (x * w.detach() - 7.0) * x
print(f"手算 2·(x·w − 7)·x = {by_hand}")

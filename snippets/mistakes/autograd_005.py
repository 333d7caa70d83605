import torch

x = torch.tensor(2.0)
w = torch.tensor(1.0, requires_grad=True)
pred = w * x  # 错误：前向计算放在了循环外面，只算了一次

for step in range(1, 3):
    loss = (pred - 7.0) ** 2
    try:
        loss.backward()  # 第 2 次要穿过的 w * x 那一段图，第 1 次之后已经释放
        print(f"第 {step} 次 backward 成功, w.grad = {w.grad}")
    except RuntimeError as error:
        print(f"第 {step} 次 RuntimeError: {error}")

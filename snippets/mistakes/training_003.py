import torch
from torch import nn

x = torch.linspace(-2, 2, 9).unsqueeze(1)
y = 3 * x + 1

torch.manual_seed(0)
model = nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
w_before = model.weight.item()

grads_seen = []  # 每次 step() 时 weight.grad 是什么
for _ in range(30):
    optimizer.zero_grad()  # 把每个参数的 .grad 设成 None
    grads_seen.append(model.weight.grad)
    optimizer.step()  # 错误：在 backward() 之前更新——这时还没有梯度
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()  # 算出的梯度要等下一步的 step() 才用，可下一步先 zero_grad() 把它清掉了

print("30 次 step() 看到的 weight.grad 都是 None:", all(g is None for g in grads_seen))
print(f"训练前 w = {w_before:.4f}")
print(f"30 步之后 w = {model.weight.item():.4f}, loss = {loss.item():.4f}")

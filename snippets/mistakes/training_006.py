import torch
from torch import nn


class Line(nn.Module):
    def __init__(self):
        super().__init__()
        # 修复：用 nn.Parameter 包起来，赋给模块的属性时自动登记为参数
        self.w = nn.Parameter(torch.zeros(1))
        self.b = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return self.w * x + self.b


model = Line()
for name, p in model.named_parameters():
    print(f"参数 {name}: requires_grad = {p.requires_grad}, is_leaf = {p.is_leaf}")

x = torch.linspace(-2, 2, 9)
y = 3 * x + 1
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(50):
    optimizer.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
print(f"50 步之后 w = {model.w.item():.4f}, b = {model.b.item():.4f}")

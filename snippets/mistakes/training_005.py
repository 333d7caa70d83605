import torch
from torch import nn


class Line(nn.Module):
    def __init__(self):
        super().__init__()
        # 错误：普通张量，哪怕 requires_grad=True，也不会登记成模型的参数
        self.w = torch.zeros(1, requires_grad=True)
        self.b = torch.zeros(1, requires_grad=True)

    def forward(self, x):
        return self.w * x + self.b


model = Line()
print("list(model.parameters()) =", list(model.parameters()))
try:
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
except ValueError as error:
    print(f"ValueError: {error}")

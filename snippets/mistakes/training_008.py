import torch
from torch import nn

torch.manual_seed(0)
encoder = nn.Linear(2, 4)
head = nn.Linear(4, 1)
# 修复：装进同一个模块，model.parameters() 包含全部参数
model = nn.Sequential(encoder, nn.ReLU(), head)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
# 也可以把两份参数拼成一个列表：list(encoder.parameters()) + list(head.parameters())

x = torch.randn(8, 2)
y = torch.randn(8, 1)
encoder_before = encoder.weight.detach().clone()
for _ in range(20):
    optimizer.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    optimizer.step()

print("model 的参数个数:", len(list(model.parameters())))
print("encoder 的参数变了没有:", not torch.equal(encoder.weight, encoder_before))

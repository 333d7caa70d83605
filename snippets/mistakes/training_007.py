import torch
from torch import nn

torch.manual_seed(0)
encoder = nn.Linear(2, 4)
head = nn.Linear(4, 1)
optimizer = torch.optim.SGD(head.parameters(), lr=0.1)  # 错误：只交了 head 的参数

x = torch.randn(8, 2)
y = torch.randn(8, 1)
encoder_before = encoder.weight.detach().clone()
head_before = head.weight.detach().clone()
for _ in range(20):
    optimizer.zero_grad()
    loss = ((head(torch.relu(encoder(x))) - y) ** 2).mean()
    loss.backward()
    optimizer.step()

print("encoder.weight.grad 存在:", encoder.weight.grad is not None)
print("encoder 的参数变了没有:", not torch.equal(encoder.weight, encoder_before))
print("head    的参数变了没有:", not torch.equal(head.weight, head_before))

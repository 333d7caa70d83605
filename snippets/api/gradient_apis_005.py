import torch

# 同一个小模型 y = w·x + b，准备三份一样的参数，分别交给两个 API
x = torch.tensor(2.0)
w1 = torch.tensor(1.0, requires_grad=True)
b1 = torch.tensor(0.5, requires_grad=True)
w2 = torch.tensor(1.0, requires_grad=True)
b2 = torch.tensor(0.5, requires_grad=True)
w3 = torch.tensor(1.0, requires_grad=True)
b3 = torch.tensor(0.5, requires_grad=True)

# .backward()：不返回梯度，而是填进图里所有叶子参数的 .grad
loss1 = (w1 * x + b1 - 7.0) ** 2
print("backward() 返回:", loss1.backward())
print("  w1.grad =", w1.grad, "| b1.grad =", b1.grad)

# autograd.grad()：只算点名的 inputs（这里只要 b），结果以元组返回
loss2 = (w2 * x + b2 - 7.0) ** 2
print("autograd.grad() 返回:", torch.autograd.grad(loss2, [b2]))
print("  w2.grad =", w2.grad, "| b2.grad =", b2.grad)

# backward 也能点名：inputs= 只把梯度填进点名的叶子，其余叶子的 .grad 不动
loss3 = (w3 * x + b3 - 7.0) ** 2
print("backward(inputs=[b3]) 返回:", loss3.backward(inputs=[b3]))
print("  w3.grad =", w3.grad, "| b3.grad =", b3.grad)

import torch

torch.manual_seed(0)
g_w = torch.randn(1, requires_grad=True)  # “生成器”的参数
d_w = torch.randn(1, requires_grad=True)  # “判别器”的参数
z = torch.randn(4)  # 随机噪声


def forward():
    fake = g_w * z  # 生成器造出的“假样本”
    score = torch.sigmoid(d_w * fake)  # 判别器认为它是真样本的概率
    d_loss = -torch.log(1 - score).mean()  # 判别器想把假样本判成假
    g_loss = -torch.log(score).mean()  # 生成器想让假样本被判成真
    return d_loss, g_loss


# 两个损失共用 fake -> score 这一段图：第一次 backward 必须保留它
d_loss, g_loss = forward()
d_loss.backward(retain_graph=True)
g_loss.backward()
print("保留计算图：d_w.grad =", d_w.grad, " g_w.grad =", g_w.grad)

# 不保留：第二个损失的反向传播要穿过已经释放的那一段
d_loss, g_loss = forward()
d_loss.backward()
try:
    g_loss.backward()
except RuntimeError as error:
    print(f"不保留计算图 -> RuntimeError: {error}")

import weakref

import torch
import torch.nn.functional as F

torch.manual_seed(0)
x_val = torch.randn(1000)  # 验证数据：1000 个样本
y_val = 3 * x_val
w = torch.tensor(1.0, requires_grad=True)
alive = []  # 每一轮预测值的弱引用：不拉住它，只用来看它还在不在内存里


def validate():
    pred = w * x_val  # 1000 个预测值；函数返回后，没有变量再引用它
    alive.append(weakref.ref(pred))
    return F.mse_loss(pred, y_val)


ways = {
    "loss": lambda loss: loss,
    "loss.item()": lambda loss: loss.item(),
    "loss.detach()": lambda loss: loss.detach(),
}
for name, record in ways.items():
    alive.clear()
    history = [record(validate()) for _ in range(3)]  # 3 轮验证损失，画曲线用
    kept = [ref() for ref in alive if ref() is not None]
    n_bytes = sum(t.numel() * t.element_size() for t in kept)
    print(f"存 {name:13}: history[0] =", repr(history[0]))
    print(f"  3 轮的预测值还剩 {len(kept)} 份在内存里，共 {n_bytes} 字节")

import torch
import torch.nn.functional as F
from torch import autograd

from sitekit.stepper import Recorder

# 和上面相同的 a 和 p；p[1]、p[2] 先取出来，三次求梯度走的都是同一张图
torch.manual_seed(0)
a = torch.rand(3, requires_grad=True)
with Recorder() as recorder:
    p = F.softmax(a, dim=0)
    p1, p2 = p[1], p[2]
    autograd.grad(p1, [a], retain_graph=True)  # 第一次：保留计算图
    autograd.grad(p2, [a])  # 第二次：默认行为，求完就释放
    try:
        autograd.grad(p1, [a])  # 第三次：保存的中间值已经没有了
    except RuntimeError:
        pass  # PyTorch 的报错信息录在 recorder 里，是下面的最后一步

print(
    recorder.stepper(
        p1,
        p2,
        names={"p1": p1, "p2": p2, "p": p, "a": a},
        title="同一张 softmax 计算图上的三次求梯度",
        caption=(
            "构建网站时录下的三次 autograd.grad：p[1] 和 p[2] 共用同一个 SoftmaxBackward0，"
            "它为反向传播保存了自己的输出 result。第一次传了 retain_graph=True，result 留着；"
            "第二次没传，求完 result 就被释放；第三次走到 SoftmaxBackward0 时报错。"
        ),
    )
)

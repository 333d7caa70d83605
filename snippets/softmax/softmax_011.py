import torch
import torch.nn.functional as F

from sitekit.stepper import Recorder

torch.manual_seed(0)
a = torch.randn(3, requires_grad=True)  # 一个样本的 3 个类别的 logits
c = 2  # 正确答案：下标 2
with Recorder() as recorder:
    # 交叉熵 L = −log p_c，一步一步写出来
    p = F.softmax(a, dim=0)
    p_c = p[c]
    log_p_c = torch.log(p_c)
    loss = -log_p_c
    loss.backward()

print(
    recorder.stepper(
        loss,
        names={"loss": loss, "log_p_c": log_p_c, "p_c": p_c, "p": p, "a": a},
        title="Softmax + 交叉熵的反向传播：梯度怎样变成 p − y",
        caption=(
            "构建网站时录下的 loss.backward()：经过取负号、取对数、取出 p[2]、Softmax 四个节点，"
            "每一步都是收到的梯度乘这一步的局部导数。"
            "到 SoftmaxBackward0 这一步，收到的梯度只有一项 −1/p_c；"
            "雅可比矩阵的这一行是 p_c(y − p)，p_c 正好约掉，得到的就是 p − y。"
        ),
    )
)

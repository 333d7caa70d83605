import torch
import torch.nn.functional as F

from sitekit.figures import COLORS, figure, to_svg

# 与上一段代码相同的设定：真实类别是下标 0，另外两个 logits 是 7 和 0；
# 横轴是真实类别的 logit t（上一段代码里 t = 0）
t = torch.linspace(-5, 15, 201)
a = torch.stack([t, torch.full_like(t, 7.0), torch.zeros_like(t)], dim=1).requires_grad_()
target = torch.zeros(len(t), dtype=torch.long)
y = F.one_hot(target, num_classes=3).float()
p = F.softmax(a, dim=1)

# 每一行是一个独立的样本：对各行的损失求和，a.grad 的每一行就是那个样本自己的梯度
ce = F.cross_entropy(a, target, reduction="none")
mse = F.mse_loss(input=p, target=y, reduction="none").mean(dim=1)
(ce_grad,) = torch.autograd.grad(ce.sum(), [a], retain_graph=True)
(mse_grad,) = torch.autograd.grad(mse.sum(), [a])
ce_grad_true, mse_grad_true = ce_grad[:, 0].abs(), mse_grad[:, 0].abs()  # 对真实类别 logit 的梯度

fig, (left, right) = figure(5.6, 2.8, ncols=2)
left.plot(t.tolist(), ce.detach().tolist(), color=COLORS[0], label="cross-entropy")
left.plot(t.tolist(), mse.detach().tolist(), color=COLORS[1], label="MSE")
left.set_title("loss")
left.legend(loc="upper right")
right.plot(t.tolist(), ce_grad_true.tolist(), color=COLORS[0])
right.plot(t.tolist(), mse_grad_true.tolist(), color=COLORS[1])
right.set_yscale("log")
right.set_title("$|\\partial L / \\partial a_0|$")
for ax in (left, right):
    ax.axvline(0, color=COLORS[2], ls="--", lw=1)
    ax.set_xlabel("$t = a_0$")
print(
    to_svg(
        fig,
        title="自信地错了时：交叉熵的梯度大，均方误差的梯度小",
        caption="logits 为 (t, 7, 0)，真实类别是下标 0；绿色虚线 t = 0 是上一段代码的情形。"
        "左：交叉熵（蓝）随 t 变小一路变大，均方误差（橙）却有上限；"
        "右（对数坐标）：对真实类别 logit 的梯度。t 远小于 7（错得很自信）时，"
        "交叉熵的梯度接近 1，均方误差的梯度小了近三个数量级乃至更多；只有 t 在 7 附近、"
        "模型拿不准时，两者才只差几倍。",
    )
)

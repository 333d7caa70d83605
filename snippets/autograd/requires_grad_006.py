import torch

from sitekit.stepper import Recorder

# 和上面的例子完全相同的计算；Recorder 录下每个运算的结果，和 backward() 走过的每一步
x = torch.ones(2, requires_grad=True)
with Recorder() as recorder:
    y = x + 2
    yy = y * y  # 上面写成一行的 z = y * y * 3，拆成两步，好给中间结果起个名字
    z = yy * 3
    out = z.mean()
    out.backward()

# 从 out.grad_fn 沿 next_functions 一路走到叶子 x，画出真实的计算图，再一步一步回放
print(
    recorder.stepper(
        out,
        names={"out": out, "z": z, "y * y": yy, "y": y, "x": x},
        title="out = mean(3(x+2)^2) 的计算图与反向传播",
        caption=(
            "从 out.grad_fn 沿 next_functions 走出的计算图（构建网站时现场读取），"
            "节点右边是前向算出的值。箭头就是 backward() 传递梯度的方向。"
            "y * y 用了 y 两次，所以有两条箭头指向 AddBackward0，两条边送来的梯度在它那里相加："
            "y * y 对两个输入分别求导，对每一个的局部导数都是另一个 y 的值 3，"
            "合起来正是 2y = 6 倍。橙色的 saved 是该节点为反向传播保存的张量，"
            "self、other 是 PyTorch 给乘法两个输入起的名字；乘 3 的那个乘法只需保存常数 3。"
        ),
    )
)

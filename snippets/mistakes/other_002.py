import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(p=0.5))
x = torch.ones(1, 4)

model.eval()  # 只切换 Dropout、BatchNorm 这类层的行为
out = model(x)
print("eval() 之后 out.requires_grad =", out.requires_grad)
print("eval() 之后 out.grad_fn       =", type(out.grad_fn).__name__)

# eval() 真正改变的是 Dropout(p=0.5)：训练模式下以概率 p 随机置零、其余放大 1/(1-p) 倍，
# 评估模式下原样通过
drop = nn.Dropout(p=0.5)
print("train 模式 Dropout(ones) =", drop(torch.ones(6)))
drop.eval()
print("eval  模式 Dropout(ones) =", drop(torch.ones(6)))

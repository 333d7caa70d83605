import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(p=0.5))
x = torch.ones(1, 4)

model.eval()  # 评估模式：Dropout 关闭
with torch.no_grad():  # 不录制计算图：省内存、省时间
    out = model(x)
print("no_grad 下 out.requires_grad        =", out.requires_grad)

with torch.inference_mode():  # 推理专用，比 no_grad 更省
    out = model(x)
print("inference_mode 下 out.requires_grad =", out.requires_grad)

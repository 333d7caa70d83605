import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(p=0.5))
x = torch.ones(1, 4)
model.eval()

with torch.inference_mode():  # 同样不录制计算图
    out = model(x)
print("inference_mode 下 out.requires_grad =", out.requires_grad)
print("torch.is_inference(out)            =", torch.is_inference(out))

# 区别：推理张量离开代码块以后，autograd 也不能为反向传播保存它
try:
    model(out).sum().backward()  # Linear 要保存输入 out，才能算 weight 的梯度
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# 修复（报错信息给出的办法之一）：在代码块外 clone() 一份，得到的是普通张量，可以参与求导
normal = out.clone()
print("torch.is_inference(out.clone())    =", torch.is_inference(normal))
model(normal).sum().backward()
print("clone 之后反向传播成功，weight.grad 的形状 =", tuple(model[0].weight.grad.shape))

import torch

torch.manual_seed(0)
x = torch.randn(3)
w = torch.randn(3, requires_grad=True)

with torch.no_grad():
    h_no_grad = torch.sigmoid(x)
with torch.inference_mode():
    h_inference = torch.sigmoid(x)

# 两种块里算出的张量都不追踪梯度；inference_mode 的还被标成了“推理张量”
for name, h in [("no_grad       ", h_no_grad), ("inference_mode", h_inference)]:
    print(f"{name}: requires_grad = {h.requires_grad}，is_inference = {torch.is_inference(h)}")

# 离开代码块以后，再拿它们和追踪梯度的 w 相乘：乘法要保存它们，才能算 w 的梯度
(h_no_grad * w).sum().backward()
print("no_grad 的结果可以参与求导，w.grad =", w.grad)
try:
    (h_inference * w).sum()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

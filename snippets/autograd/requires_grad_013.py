import torch

x = torch.tensor([-1.0, 2.0, 3.0, 5.0], requires_grad=True)
out = (x**3).mean()
out.backward()

with torch.no_grad():  # 按手推的公式算，不需要录制
    formula = 3 * x**2 / 4
print("autograd      :", x.grad)
print("公式 3·x_i²/4 :", formula)
print("一致:", torch.equal(x.grad, formula))

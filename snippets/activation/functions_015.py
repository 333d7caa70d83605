import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)

# nn.Linear(4, 8) 是一个线性层：计算 W x + b，W（8×4）和 b（8 个数）在创建时随机取值
fc1 = nn.Linear(4, 8)
fc2 = nn.Linear(8, 1)

# 写法 1：用 nn.Sequential 把层按顺序串起来，激活函数要写成模块（类）nn.ReLU()
seq_model = nn.Sequential(fc1, nn.ReLU(), fc2)


# 写法 2：继承 nn.Module 自定义网络，在 forward 里直接调用函数 F.relu
class MyModel(nn.Module):
    def __init__(self, fc1, fc2):
        super().__init__()
        self.fc1 = fc1
        self.fc2 = fc2

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


my_model = MyModel(fc1, fc2)  # 用的是上面同一对层对象，参数自然完全相同

x = torch.randn(3, 4)  # 3 个样本，每个 4 个特征
print(seq_model)
print("两种写法输出相同：", torch.equal(seq_model(x), my_model(x)))

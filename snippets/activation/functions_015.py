import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)

# 写法 1：用 nn.Sequential 搭网络时，激活函数要写成模块（类）nn.ReLU()
seq_model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))


# 写法 2：自定义 forward 时，直接调用函数 F.relu 更常见
class MyModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 1)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


my_model = MyModel()
# 让两个模型用同一套参数（Sequential 的 0 号和 2 号层对应 fc1 和 fc2）
my_model.load_state_dict(
    {
        "fc1.weight": seq_model[0].weight,
        "fc1.bias": seq_model[0].bias,
        "fc2.weight": seq_model[2].weight,
        "fc2.bias": seq_model[2].bias,
    }
)

x = torch.randn(3, 4)
print(seq_model)
print("两种写法输出相同：", torch.equal(seq_model(x), my_model(x)))

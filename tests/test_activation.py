"""Claims of the 激活函数 page (docs/activation/functions.md), checked against real torch."""

from __future__ import annotations

import math
import re

import torch
from conftest import page_html, run_snippet
from torch import nn
from torch.nn import functional as F


def svg_title(stdout: str) -> str:
    match = re.search(r"<svg[^>]*>\s*<title>([^<]+)</title>", stdout)
    assert match, "figure has no <svg> with a <title>"
    return match[1]


# ---- 什么是激活函数 ----


def test_two_linear_layers_without_activation_are_one_linear_map():
    run = run_snippet("activation/functions_001.py")
    ns = run.namespace
    assert torch.allclose(ns["two_layers"], ns["one_layer"], atol=1e-6)
    assert not torch.allclose(ns["with_relu"], ns["one_layer"], atol=1e-6)
    # the merged parameters are the page's formula W = W2 W1, b = W2 b1 + b2
    l1, l2 = ns["layer1"], ns["layer2"]
    assert torch.allclose(ns["merged"].weight, l2.weight @ l1.weight)
    assert torch.allclose(ns["merged"].bias, l2.weight @ l1.bias + l2.bias)
    assert "torch.allclose(两层, 一层) = True" in run.stdout
    assert "加了 ReLU 之后还相等吗？ False" in run.stdout


def test_neuron_figure():
    run = run_snippet("activation/functions_002.py")
    assert svg_title(run.stdout) == "一个神经元：加权求和后经过激活函数"
    drawn = {t.get_text() for t in run.namespace["ax"].texts}
    for label in ("x_1", "x_3", "w_2", "\\Sigma", "f(\\cdot)"):
        assert f"${label}$" in drawn
    # drawn as text (mathtext glyphs in <tspan>s), not as paths: readable and light
    assert run.stdout.count("<tspan") >= 10


# ---- figures: derivative by autograd, formula drawn on top ----


def check_derivative_figure(snippet: str, title: str, tolerance: float) -> dict:
    run = run_snippet(snippet)
    ns = run.namespace
    assert svg_title(run.stdout) == title
    assert torch.allclose(ns["grad"], ns["formula"], atol=tolerance)
    assert len(ns["x"]) <= 200  # lean SVG
    return ns


def test_step_figure_derivative_is_zero():
    ns = check_derivative_figure("activation/functions_003.py", "阶跃函数及其导数", 0.0)
    assert torch.count_nonzero(ns["grad"]) == 0
    assert set(ns["y"].detach().tolist()) == {0.0, 1.0}  # 120 points: none at exactly 0


def test_sigmoid_figure():
    ns = check_derivative_figure("activation/functions_005.py", "Sigmoid 函数及其导数", 1e-6)
    assert math.isclose(ns["grad"].max().item(), 0.25, abs_tol=1e-3)  # caption: max 0.25


def test_tanh_figure():
    ns = check_derivative_figure("activation/functions_010.py", "Tanh 函数及其导数", 1e-6)
    assert math.isclose(ns["grad"].max().item(), 1.0, abs_tol=1e-2)  # caption: max 1 at 0


def test_relu_figure():
    ns = check_derivative_figure("activation/functions_014.py", "ReLU 函数及其导数", 0.0)
    assert set(ns["grad"].tolist()) == {0.0, 1.0}


# ---- 阶跃函数 ----


def test_step_function_gives_no_usable_gradient():
    run = run_snippet("activation/functions_004.py")
    x = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
    assert (x > 0).float().grad_fn is None
    lines = run.stdout.splitlines()
    assert "requires_grad = False" in lines[0]
    assert lines[1] == (
        "RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn"
    )
    assert lines[2] == "RuntimeError: derivative for aten::heaviside is not implemented"
    assert run.namespace["x"].grad.tolist() == [0.0, 0.0, 0.0]
    assert run.namespace["step"].detach().tolist() == [0.0, 1.0, 1.0]


# ---- Sigmoid ----


def test_sigmoid_code_example_matches_the_note():
    run = run_snippet("activation/functions_006.py")
    a = run.namespace["a"]
    assert torch.equal(a, torch.linspace(-100, 100, 10))
    assert "tensor([-100.0000,  -77.7778," in run.stdout
    assert "tensor([0.0000e+00, 1.6655e-34," in run.stdout
    assert run.stdout.rstrip().endswith("1.0000e+00, 1.0000e+00])")
    s = torch.sigmoid(a)
    assert s[0] < 1e-30 and s[-1] > 1 - 1e-6  # 输出分析: near 0 / near 1
    assert math.isclose(torch.sigmoid(torch.tensor(0.0)).item(), 0.5)  # 0 maps to 0.5


def test_sigmoid_saturation_table():
    run = run_snippet("activation/functions_007.py")
    grads = run.namespace["grads"]
    assert grads[0.0] == 0.25  # the page: largest at 0, only 0.25
    assert grads[0.0] > grads[2.0] > grads[5.0] > grads[10.0]
    assert grads[10.0] < 1e-4
    assert grads[20.0] == 0.0  # exactly zero
    assert torch.sigmoid(torch.tensor(20.0)).item() == 1.0
    assert 1e-9 < grads[-20.0] < 3e-9  # about 2e-9 on the negative side
    assert "   20   1                  0.0000e+00" in run.stdout


def test_erratum_sigmoid_reaches_exactly_zero_and_one_in_float32():
    run = run_snippet("activation/functions_008.py")
    s = run.namespace["s"]
    assert (s == 0).tolist() == [True] + [False] * 9
    assert (s == 1).tolist() == [False] * 6 + [True] * 4  # from 33.3 on
    assert run.namespace["a"][6].item() > 33.3
    grad = run.namespace["a"].grad
    assert torch.all(grad[s == 0] == 0) and torch.all(grad[s == 1] == 0)
    assert math.isinf(torch.log(s.detach()[0]).item())
    assert "torch.log(σ(-100))   = -inf" in run.stdout
    assert F.logsigmoid(torch.tensor(-100.0)).item() == -100.0


def test_sigmoid_derivative_formula_matches_autograd():
    run = run_snippet("activation/functions_009.py")
    assert run.namespace["max_error"] == 0.0  # the page: error is exactly 0
    assert "max |σ(1−σ) − autograd| = 0.0" in run.stdout
    definition_error = float(run.stdout.splitlines()[1].split("=")[-1])
    assert definition_error < 1e-6


# ---- Tanh ----


def test_tanh_code_example_is_symmetric():
    run = run_snippet("activation/functions_011.py")
    t = run.namespace["t"]
    assert math.isclose(t[0].item(), -0.7616, abs_tol=1e-4)
    assert torch.equal(t, -t.flip(0))
    assert "tensor([-0.7616, -0.6514, -0.5047, -0.3215, -0.1107,  0.1107,  0.3215,  0.5047," in (
        run.stdout
    )
    assert "对称吗？ True" in run.stdout
    assert "tanh(0) = tensor(0.)" in run.stdout


def test_tanh_derivative_formula_matches_autograd():
    run = run_snippet("activation/functions_012.py")
    assert run.namespace["max_error"] < 1e-6
    lines = run.stdout.splitlines()
    # the page: both errors around 1e-7 (float32 rounding)
    assert all(float(line.split("=")[-1]) < 5e-7 for line in lines)


def test_erratum_tanh_mean_is_zero_only_for_symmetric_inputs():
    run = run_snippet("activation/functions_013.py")
    ns = run.namespace
    assert abs(torch.tanh(ns["symmetric"]).mean().item()) < 1e-6
    assert torch.tanh(ns["shifted"]).mean().item() > 0.5
    assert torch.tanh(ns["z"]).mean().item() > 0.5
    assert math.isclose(torch.sigmoid(ns["symmetric"]).mean().item(), 0.5, abs_tol=1e-6)
    assert "输入 linspace(0, 2) ：tanh 输出均值 = 0.6427" in run.stdout
    # tanh(-x) = -tanh(x)
    x = torch.linspace(-5, 5, 101)
    assert torch.equal(torch.tanh(-x), -torch.tanh(x))


# ---- ReLU ----


def test_relu_derivative_and_its_value_at_zero():
    run = run_snippet("activation/functions_015.py")
    assert run.namespace["x"].grad.tolist() == [0.0, 0.0, 0.0, 1.0, 1.0]
    assert run.namespace["grad_at_zero"] == {
        "torch.relu(x)": 0.0,
        "x.clamp(min=0)": 1.0,
        "torch.maximum(x, 0)": 0.5,
    }
    # F.relu and nn.ReLU make the same choice as torch.relu at 0
    for f in (F.relu, nn.ReLU()):
        zero = torch.tensor(0.0, requires_grad=True)
        f(zero).backward()
        assert zero.grad.item() == 0.0


def test_relu_three_apis_agree():
    run = run_snippet("activation/functions_016.py")
    ns = run.namespace
    assert torch.equal(ns["r1"], ns["r2"]) and torch.equal(ns["r1"], ns["r3"])
    assert [round(v, 4) for v in ns["r1"].tolist()] == [0.0] * 5 + [
        0.1111,
        0.3333,
        0.5556,
        0.7778,
        1.0,
    ]
    assert "tensor([0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.1111, 0.3333, 0.5556, 0.7778," in (
        run.stdout
    )
    assert "torch.relu == F.relu  : True" in run.stdout
    assert "torch.relu == nn.ReLU : True" in run.stdout


def test_sequential_and_forward_give_the_same_output():
    run = run_snippet("activation/functions_017.py")
    ns = run.namespace
    assert isinstance(ns["seq_model"][1], nn.ReLU)
    assert torch.equal(ns["seq_model"](ns["x"]), ns["my_model"](ns["x"]))
    assert "两种写法输出相同： True" in run.stdout


# ---- 实验：梯度消失 ----


def test_vanishing_gradients_with_recommended_init():
    run = run_snippet("activation/functions_018.py")
    norms = run.namespace["norms"]
    assert all(len(n) == 16 for n in norms.values())
    # sigmoid: shrinks layer after layer from output to input
    sig = norms["sigmoid"]
    assert all(a < b for a, b in zip(sig, sig[1:], strict=False))
    assert 1e-11 < sig[0] < 1e-9  # "1e-10 量级"
    # first layer: more than nine orders of magnitude below ReLU
    assert norms["relu"][0] / sig[0] > 1e9
    # tanh and relu stay within one order of magnitude across layers
    for name in ("tanh", "relu"):
        assert max(norms[name]) / min(norms[name]) < 10
    assert "第 1 层梯度范数 relu / sigmoid = 3.6e+09" in run.stdout


def test_vanishing_gradient_figure_plots_the_same_numbers():
    table = run_snippet("activation/functions_018.py").namespace["norms"]
    run = run_snippet("activation/functions_019.py")
    assert run.namespace["norms"] == table
    assert svg_title(run.stdout) == "深层网络各层权重梯度的范数（对数坐标）"


def test_default_init_makes_relu_decay_too():
    run = run_snippet("activation/functions_020.py")
    ratios = run.namespace["ratios"]
    assert all(r > 100 for r in ratios.values())  # all three decay towards the input
    assert ratios["sigmoid"] > ratios["relu"] and ratios["sigmoid"] > ratios["tanh"]


# ---- 实验：零中心 ----


def test_tanh_trains_faster_but_centering_alone_does_not_help():
    run = run_snippet("activation/functions_021.py")
    curves = run.namespace["curves"]
    sig, centred, tanh = curves["sigmoid"], curves["sigmoid-0.5"], curves["tanh"]
    assert all(len(c) == 100 for c in curves.values())
    assert tanh[-1] < sig[-1] / 2  # tanh reaches a much lower loss in 100 steps
    # the zero-centred control does about as badly as sigmoid
    assert abs(centred[-1] - sig[-1]) < 0.01
    assert centred[-1] > 2 * tanh[-1]
    assert "  99      0.4697        0.4686        0.1704" in run.stdout


def test_loss_figure_plots_the_same_curves():
    table = run_snippet("activation/functions_021.py").namespace["curves"]
    run = run_snippet("activation/functions_022.py")
    curves = run.namespace["curves"]
    assert curves == table
    assert svg_title(run.stdout) == "Sigmoid、Sigmoid−0.5 与 Tanh 隐藏层的训练损失曲线"
    # caption: tanh goes down all the way; the two sigmoids coincide after the first few steps
    tanh = curves["tanh"]
    assert all(b <= a for a, b in zip(tanh, tanh[1:], strict=False))
    sig, centred = curves["sigmoid"], curves["sigmoid-0.5"]
    assert max(abs(a - b) for a, b in zip(sig[5:], centred[5:], strict=True)) < 0.01


def test_tanh_is_a_stretched_sigmoid_with_four_times_the_slope():
    run = run_snippet("activation/functions_023.py")
    assert run.namespace["max_gap"] < 1e-6
    assert run.namespace["slopes"] == {"sigmoid": 0.25, "sigmoid-0.5": 0.25, "tanh": 1.0}


# ---- the built page ----


def test_activation_page_shows_live_outputs_and_figures(built_site):
    html = page_html(built_site, "activation/functions")
    assert "tensor([0.0000e+00, 1.6655e-34," in html
    assert "tensor([-0.7616, -0.6514," in html
    assert "RuntimeError: derivative for aten::heaviside is not implemented" in html
    assert "torch.maximum(x, 0)  在 x = 0 处的梯度: 0.5" in html
    assert "第 1 层梯度范数 relu / sigmoid = 3.6e+09" in html
    assert html.count('<figure class="live-figure">') == 7
    for title in (
        "一个神经元：加权求和后经过激活函数",
        "阶跃函数及其导数",
        "Sigmoid 函数及其导数",
        "Tanh 函数及其导数",
        "ReLU 函数及其导数",
        "深层网络各层权重梯度的范数（对数坐标）",
        "Sigmoid、Sigmoid−0.5 与 Tanh 隐藏层的训练损失曲线",
    ):
        assert f"<title>{title}</title>" in html
    assert "勘误：零中心 ≠ 输出均值为 0" in html


# --- 动手练习 -------------------------------------------------------------------------------------


def test_exercise_sigmoid_derivative_matches_formula():
    run = run_snippet("activation/functions_024.py")
    x, s = run.namespace["x"], run.namespace["s"]
    assert torch.allclose(x.grad, s.detach() * (1 - s.detach()))
    assert "最大差值: 0.0" in run.stdout
    assert "tensor([0.1050, 0.2500, 0.1050])" in run.stdout


def test_exercise_relu_gradient_is_zero_at_the_kink():
    run = run_snippet("activation/functions_025.py")
    assert run.namespace["x"].grad.tolist() == [0.0, 0.0, 1.0, 1.0]

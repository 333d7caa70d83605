"""Claims of the 激活函数 pages, checked against real torch:
docs/activation/functions.md (concepts, curves, derivatives by formula and central difference),
docs/activation/experiments.md (autograd, the vanishing-gradient and zero-centred experiments),
docs/activation/relu_family.md (dying ReLU, LeakyReLU, GELU, SiLU) and
docs/activation/nonlinearity.md (XOR, curve fitting, piecewise-linear approximation).
"""

from __future__ import annotations

import json
import math
import re
import warnings

import pytest
import torch
from conftest import ROOT, page_html, run_snippet, widget_frames
from torch import nn
from torch.nn import functional as F


def svg_title(stdout: str) -> str:
    match = re.search(r"<svg[^>]*>\s*<title>([^<]+)</title>", stdout)
    assert match, "figure has no <svg> with a <title>"
    return match[1]


def page_source(page: str) -> str:
    return (ROOT / "docs" / "activation" / f"{page}.md").read_text(encoding="utf-8")


# =================================================================================================
# functions.md
# =================================================================================================

# ---- 什么是激活函数 ----


def test_two_linear_layers_without_activation_are_one_linear_map():
    run = run_snippet("activation/functions_001.py")
    ns = run.namespace
    assert torch.allclose(ns["two_layers"], ns["one_layer"])
    assert not torch.allclose(ns["with_relu"], ns["one_layer"])
    # the merged parameters are the page's formula W = W2 W1, b = W2 b1 + b2
    assert torch.equal(ns["W"], ns["W2"] @ ns["W1"])
    assert torch.equal(ns["b"], ns["W2"] @ ns["b1"] + ns["b2"])
    # ReLU changes something only because h has negative entries
    assert (ns["h"] < 0).any() and (ns["h"] > 0).any()
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


# ---- figures: derivative by its formula, central difference drawn on top ----


def check_derivative_figure(snippet: str, title: str, tolerance: float) -> dict:
    run = run_snippet(snippet)
    ns = run.namespace
    assert svg_title(run.stdout) == title
    assert ns["x"].dtype == torch.float64  # the difference quotient in float64
    assert torch.allclose(ns["numeric"], ns["formula"], rtol=0, atol=tolerance)
    assert len(ns["x"]) <= 200  # lean SVG
    assert "autograd" not in run.stdout  # the caption speaks of what the concept page taught
    return ns


def test_step_figure_derivative_is_zero():
    ns = check_derivative_figure("activation/functions_003.py", "阶跃函数及其导数", 0.0)
    assert torch.count_nonzero(ns["numeric"]) == 0
    assert set(ns["y"].tolist()) == {0.0, 1.0}  # 120 points: none at exactly 0
    assert not (ns["x"] == 0).any()


def test_sigmoid_figure():
    ns = check_derivative_figure("activation/functions_005.py", "Sigmoid 函数及其导数", 1e-9)
    assert math.isclose(ns["formula"].max().item(), 0.25, abs_tol=1e-3)  # caption: max 0.25


def test_tanh_figure():
    ns = check_derivative_figure("activation/functions_009.py", "Tanh 函数及其导数", 1e-9)
    assert math.isclose(ns["formula"].max().item(), 1.0, abs_tol=1e-2)  # caption: max 1 at 0


def test_relu_figure():
    ns = check_derivative_figure("activation/functions_013.py", "ReLU 函数及其导数", 1e-9)
    assert set(ns["formula"].tolist()) == {0.0, 1.0}
    assert not (ns["x"] == 0).any()


# ---- 阶跃函数 ----


def test_step_central_difference_is_zero_away_from_zero_and_blows_up_at_zero():
    run = run_snippet("activation/functions_004.py")
    lines = run.stdout.splitlines()
    assert lines[1] == "中心差分 = tensor([0., 0., 0.], dtype=torch.float64)"
    # at the jump the quotient is 1/(2h): 5, 50, 500, growing without limit
    assert [line.split("= ")[-1] for line in lines[2:]] == ["5", "50", "500"]
    step, diff = run.namespace["step"], run.namespace["central_difference"]
    zero = torch.tensor(0.0, dtype=torch.float64)
    assert diff(step, zero, 1e-6).item() > 4e5


# ---- Sigmoid ----


def test_sigmoid_code_example_matches_the_note():
    run = run_snippet("activation/functions_006.py")
    a = run.namespace["a"]
    assert torch.equal(a, torch.linspace(-100, 100, 10))
    assert "tensor([-100.0000,  -77.7778," in run.stdout
    assert "tensor([0.0000e+00, 1.6655e-34," in run.stdout
    # the page: the points nearest 0 are ±11.1 and they already sit near 0 and 1
    assert "1.4945e-05, 9.9999e-01," in run.stdout
    assert "1.0000e+00, 1.0000e+00])" in run.stdout
    s = torch.sigmoid(a)
    assert a.abs().min().item() > 11  # no input near 0 in this grid
    assert s[0] < 1e-30 and s[-1] > 1 - 1e-6  # 输出分析: near 0 / near 1
    # inputs near 0 map near 0.5, as the page quotes
    assert run.stdout.rstrip().endswith("tensor([0.2689, 0.4750, 0.5000, 0.5250, 0.7311])")


def test_numbers_the_sigmoid_example_quotes_are_printed():
    out = run_snippet("activation/functions_006.py").stdout
    page = page_source("functions")
    for quoted in ("1.4945e-05", "9.9999e-01", "0.4750, 0.5000, 0.5250"):
        assert quoted in page and quoted in out, quoted
    assert "接近 0 的输入会被映射到 0.5 附近。" not in page  # the old sentence, with no such input


def test_sigmoid_saturation_table_and_central_difference():
    run = run_snippet("activation/functions_007.py")
    ns = run.namespace
    formula = dict(zip(ns["xs"].tolist(), ns["formula"].tolist(), strict=True))
    numeric = dict(zip(ns["xs"].tolist(), ns["numeric"].tolist(), strict=True))
    assert formula[0.0] == 0.25  # the page: largest at 0, only 0.25
    assert formula[0.0] > formula[2.0] > formula[5.0] > formula[10.0]
    assert formula[10.0] < 1e-4
    assert formula[20.0] == 0.0  # exactly zero in float32
    assert torch.sigmoid(torch.tensor(20.0)).item() == 1.0
    assert 2e-9 < numeric[20.0] < 2.1e-9  # the true derivative, about 2e-9
    assert 2e-9 < formula[-20.0] < 2.1e-9  # the negative side keeps it in float32
    assert "   20   1                  0.0000e+00          2.0650e-09" in run.stdout
    # x = 10: float32's 1 − σ has lost digits; formula and difference differ from the 3rd digit
    assert "4.5417e-05          4.5396e-05" in run.stdout
    # float64 difference vs formula on [-10, 10]: 1e-11 order
    assert 1e-11 <= ns["max_error"].item() < 1e-10
    assert "的最大值 = 1.3e-11" in run.stdout


def test_float_digits_quoted_on_the_page():
    # "float32 只有约 7 位有效数字 … float64（约 16 位有效数字）"
    assert round(-math.log10(torch.finfo(torch.float32).eps)) == 7
    assert round(-math.log10(torch.finfo(torch.float64).eps)) == 16


def test_erratum_sigmoid_zero_is_overflow_and_one_starts_at_16_6():
    run = run_snippet("activation/functions_008.py")
    out = run.stdout
    # exp overflows from 89 on (float32 max about 3.4e38); sigmoid is 0 exactly there
    assert "torch.exp(t)      = tensor([1.6516e+38,        inf,        inf])" in out
    assert "torch.sigmoid(-t) = tensor([6.0546e-39, 0.0000e+00, 0.0000e+00])" in out
    assert math.isclose(torch.finfo(torch.float32).max, 3.4e38, rel_tol=0.01)
    assert math.isinf(torch.exp(torch.tensor(100.0)).item())
    assert torch.sigmoid(torch.tensor(-100.0)).item() == 0.0
    assert "1 / (1 + inf)     = tensor(0.)" in out
    # the true value 3.7e-44 is representable: a float32 subnormal, not 0
    assert "tensor(3.7201e-44, dtype=torch.float64)" in out
    assert torch.tensor(3.7e-44).item() != 0.0
    assert "torch.tensor(3.7e-44)  = tensor(3.6434e-44)  不等于 0？ tensor(True)" in out
    assert "比 0 大的最小 float32  = tensor(1.4013e-45)" in out
    # σ(-88) ≈ 6.1e-39 is still not 0: below the smallest normal float32, still kept
    assert 0 < torch.sigmoid(torch.tensor(-88.0)).item() < torch.finfo(torch.float32).tiny
    # the positive side: the first float32 with σ(x) == 1, found by bisection
    hi, lo = run.namespace["hi"], run.namespace["lo"]
    assert hi.item() == 16.63553237915039
    assert torch.sigmoid(hi).item() == 1.0 and torch.sigmoid(lo).item() < 1.0
    assert torch.nextafter(lo, hi) == hi  # adjacent float32 numbers
    assert lo.item() < 24 * math.log(2) <= hi.item()  # the first float32 >= 24 ln 2
    assert "x = 16.63553237915039，σ(x) = 1.0" in out
    assert "σ(x) = 0.9999998807907104" in out  # 0.99999988 on the page
    # every float32 in [16, 17]: below hi σ < 1, from hi on σ == 1 (vectorised path agrees)
    bits = torch.arange(
        torch.tensor(16.0).view(torch.int32).item(),
        torch.tensor(17.0).view(torch.int32).item(),
        dtype=torch.int32,
    )
    grid = bits.view(torch.float32)
    s = torch.sigmoid(grid)
    assert torch.equal(s == 1, grid >= hi)
    # the linspace grid of the code example: the first 1.0 is at 33.3 only because of the grid
    a = torch.linspace(-100, 100, 10)
    assert (torch.sigmoid(a) == 1).tolist() == [False] * 6 + [True] * 4
    assert 11 < a[5].item() < hi.item() < a[6].item() < 33.4
    # the consequence: log gives -inf; logsigmoid does not
    assert "torch.log(torch.sigmoid(-100)) = tensor(-inf)" in out
    assert F.logsigmoid(torch.tensor(-100.0)).item() == -100.0


def test_erratum_no_longer_says_underflow_or_33():
    page = page_source("functions")
    assert "下溢为 0" not in page and "σ(33.3) 起" not in page and "\\sigma(33.3)" not in page


# ---- Tanh ----


def test_tanh_code_example_is_symmetric():
    run = run_snippet("activation/functions_010.py")
    t = run.namespace["t"]
    assert math.isclose(t[0].item(), -0.7616, abs_tol=1e-4)
    assert torch.equal(t, -t.flip(0))
    assert "tensor([-0.7616, -0.6514, -0.5047, -0.3215, -0.1107,  0.1107,  0.3215,  0.5047," in (
        run.stdout
    )
    assert "对称吗？ True" in run.stdout
    assert "tanh(0) = tensor(0.)" in run.stdout


def test_tanh_derivative_formula_and_definition():
    run = run_snippet("activation/functions_011.py")
    assert 1e-11 <= run.namespace["max_error"] < 1e-10  # "10^-11 量级"
    lines = run.stdout.splitlines()
    definition_error = float(lines[1].split("=")[-1])
    assert 1e-8 < definition_error < 5e-7  # float32 rounding, around 1e-7
    assert lines[2] == "torch.tanh([-10, 10]) = tensor([-1.,  1.])"  # endpoints reached


def test_erratum_tanh_mean_is_zero_only_for_symmetric_inputs():
    run = run_snippet("activation/functions_012.py")
    ns = run.namespace
    assert abs(torch.tanh(ns["symmetric"]).mean().item()) < 1e-6
    assert torch.tanh(ns["shifted"]).mean().item() > 0.5
    assert torch.tanh(ns["z"]).mean().item() > 0.5
    assert math.isclose(torch.sigmoid(ns["symmetric"]).mean().item(), 0.5, abs_tol=1e-6)
    assert "输入 linspace(0, 2) ：tanh 输出均值 = 0.6427" in run.stdout
    # tanh(-x) = -tanh(x)
    x = torch.linspace(-5, 5, 101)
    assert torch.equal(torch.tanh(-x), -torch.tanh(x))


def test_zero_centred_claim_is_qualified_where_it_is_stated():
    page = page_source("functions")
    # the note's claim is quoted as a claim to be tested, with a link to the experiment
    assert "有待检验的说法" in page
    assert "experiments.md#零中心真的让训练更快吗" in page
    assert page.count("有待检验的说法") >= 2  # in the Tanh callout and in its code example
    for line in page.splitlines():
        if "在隐藏层中通常表现更优" in line or "收敛得更快" in line:
            assert "原笔记" in line and "有待检验" in line, line


# ---- ReLU ----


def test_relu_four_spellings_agree():
    run = run_snippet("activation/functions_014.py")
    ns = run.namespace
    for other in ("r2", "r3", "r4"):
        assert torch.equal(ns["r1"], ns[other])
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
    assert "torch.relu == F.relu      : True" in run.stdout
    assert "torch.relu == nn.ReLU     : True" in run.stdout
    assert "torch.relu == torch.where : True" in run.stdout


def test_sequential_and_forward_give_the_same_output_without_copying_parameters():
    run = run_snippet("activation/functions_015.py")
    ns = run.namespace
    seq, mine = ns["seq_model"], ns["my_model"]
    assert isinstance(seq[1], nn.ReLU)
    assert seq[0] is mine.fc1 and seq[2] is mine.fc2  # the same layer objects
    assert torch.equal(seq(ns["x"]), mine(ns["x"]))
    assert "两种写法输出相同： True" in run.stdout
    source = (ROOT / "snippets" / "activation" / "functions_015.py").read_text(encoding="utf-8")
    assert "load_state_dict" not in source


def test_speed_claims_are_rewritten_as_what_the_code_shows():
    page = page_source("functions")
    for claim in ("计算极其高效：仅需一个比较操作", "极大地加速了训练", "计算高效：前向算出的"):
        for line in page.splitlines():
            if claim in line:
                assert "原笔记" in line, line  # only quoted as the note's words, then corrected
    assert "极其高效，并能有效缓解梯度消失" not in page


# ---- 动手练习 ----


def test_exercise_step_size_of_the_central_difference():
    run = run_snippet("activation/functions_016.py")
    errors = run.namespace["errors"]
    f32 = [errors[h][0] for h in (1e-1, 1e-2, 1e-3, 1e-4, 1e-5)]
    f64 = [errors[h][1] for h in (1e-1, 1e-2, 1e-3, 1e-4, 1e-5)]
    # float64: the error goes down all the way; float32: smallest near h = 1e-2, then grows
    assert all(a > b for a, b in zip(f64, f64[1:], strict=False))
    assert min(f32) == f32[1]
    assert f32[1] < f32[2] < f32[3] < f32[4]
    assert f32[4] > 1000 * f64[4]
    # truncation error ~ h²: float64's error drops to about 1/100 per step from 1e-1 to 1e-4,
    # and only to about 1/30 from 1e-4 to 1e-5, where rounding shows
    for a, b in zip(f64[:3], f64[1:4], strict=True):
        assert 90 < a / b < 110
    assert 25 < f64[3] / f64[4] < 40
    # at h = 1e-2 float32 beats float64 here by luck: at x = 2 it does not
    assert f32[1] < f64[1]
    exact = torch.sigmoid(torch.tensor(2.0, dtype=torch.float64))
    exact = (exact * (1 - exact)).item()
    err = {}
    for dtype in (torch.float32, torch.float64):
        x = torch.tensor(2.0, dtype=dtype)
        numeric = (torch.sigmoid(x + 1e-2) - torch.sigmoid(x - 1e-2)) / 2e-2
        err[dtype] = abs(numeric.item() - exact)
    assert err[torch.float32] > err[torch.float64]


def test_exercise_relu_difference_quotients_at_the_kink():
    run = run_snippet("activation/functions_017.py")
    ns = run.namespace
    assert (ns["right"].item(), ns["left"].item(), ns["central"].item()) == (1.0, 0.0, 0.5)
    assert "x = 0：右差商 1.0，左差商 0.0，中心差分 0.5" in run.stdout
    assert "中心差分 = tensor([0.0000, 1.0000, 1.0000], dtype=torch.float64)" in run.stdout


def test_exercise_sigmoid_derivative_derived_and_checked_by_central_difference():
    run = run_snippet("activation/functions_018.py")
    ns = run.namespace
    x, derived, numeric = ns["x"], ns["derived"], ns["numeric"]
    assert x.tolist() == [-3.0, 0.5, 2.0] and x.dtype == torch.float64
    error = (derived - numeric).abs().max().item()
    assert error < 1e-12  # "三个点上的差都不到 10^-12"
    assert "最大差值          : 6.3e-13" in run.stdout
    # the points discriminate: the plausible wrong answers differ from the difference quotient
    s = torch.sigmoid(x)
    for wrong in (-s * (1 - s), s**2, 1 - s**2):
        assert (wrong - numeric).abs().min().item() > 1e-2
    # at x = 0 one of them would have agreed: σ(0)² = σ'(0) = 0.25
    zero = torch.sigmoid(torch.tensor(0.0))
    assert zero**2 == zero * (1 - zero) == 0.25


def test_functions_exercises_are_labelled_and_predictions_hide_their_source():
    page = page_source("functions")
    exercises = page.split("## 动手练习")[1]
    for label in ("练习 1（预测）", "练习 2（预测）", "练习 3（推导）"):
        assert f"[!question] {label}" in exercises
    # 预测: the code in a plain fence, the folded solution prints output only
    for snippet in ("functions_016", "functions_017"):
        assert f'> ```python\n> --8<-- "snippets/activation/{snippet}.py"' in exercises
        assert (
            f'> > ```python exec="1" result="text"\n> > --8<-- "snippets/activation/{snippet}.py"'
            in exercises
        )


def test_concept_page_shows_no_autograd():
    """functions.md's code is taught before autograd, losses and optimizers."""
    forbidden = (
        "requires_grad", "backward", ".grad", "torch.autograd", "grad_fn", "nn.init",
        "calculate_gain", "optim", "loss", "load_state_dict", "no_grad",
    )  # fmt: skip
    page = page_source("functions")
    shown = re.findall(r'```python exec="1" source="above"[^\n]*\n[> ]*--8<-- "([^"]+)"', page)
    assert len(shown) == 10
    included = re.findall(r'--8<-- "([^"]+)"', page)
    assert set(shown) < set(included)
    for snippet in included:
        code = (ROOT / snippet).read_text(encoding="utf-8")
        for word in forbidden:
            assert word not in code, (snippet, word)


# =================================================================================================
# experiments.md
# =================================================================================================

# ---- 用 autograd 复核导数 ----


def test_step_function_gives_no_usable_gradient():
    run = run_snippet("activation/experiments_001.py")
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


def test_autograd_uses_the_saved_output_and_the_formula():
    run = run_snippet("activation/experiments_002.py")
    ns = run.namespace
    # Sigmoid and Tanh save their output only, not x
    assert ns["sigmoid_saved"] == ns["tanh_saved"] == ["_saved_result"]
    assert "SigmoidBackward0 保存的张量: ['_saved_result']" in run.stdout
    assert "存下的就是前向输出 σ 吗？ True" in run.stdout
    assert ns["sigmoid_error"] == 0.0  # the page: error is exactly 0
    assert "max |σ(1−σ) − autograd|      = 0.0" in run.stdout
    assert "TanhBackward0 保存的张量: ['_saved_result']" in run.stdout
    assert ns["tanh_error"] == 2**-24  # "2^-24 ≈ 6e-8"
    # sigmoid's backward takes the output (not x) and gives exactly σ(1 − σ)
    y = torch.sigmoid(torch.linspace(-10, 10, 1001))
    assert torch.equal(torch.ops.aten.sigmoid_backward(torch.ones_like(y), y), y * (1 - y))


def test_saturated_sigmoid_has_exactly_zero_gradient():
    run = run_snippet("activation/experiments_003.py")
    s, a = run.namespace["s"], run.namespace["a"]
    assert (s == 0).tolist() == [True] + [False] * 9
    assert (s == 1).tolist() == [False] * 6 + [True] * 4
    assert torch.all(a.grad[s == 0] == 0) and torch.all(a.grad[s == 1] == 0)
    assert torch.count_nonzero(a.grad) == 5


def test_relu_derivative_and_its_value_at_zero():
    run = run_snippet("activation/experiments_004.py")
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
    # torch.maximum splits the gradient evenly between two equal inputs: 0.5 each
    a, b = torch.tensor(0.0, requires_grad=True), torch.tensor(0.0, requires_grad=True)
    torch.maximum(a, b).backward()
    assert a.grad.item() == 0.5 and b.grad.item() == 0.5


# ---- 梯度消失 ----


def test_initialisation_scales():
    run = run_snippet("activation/experiments_005.py")
    out = run.stdout
    assert "默认初始化：        权重的标准差 0.103" in out  # "约 0.10"
    assert "xavier_normal_(gain=1.0)：权重的标准差 0.178（公式 0.177）" in out
    assert "xavier_normal_(gain=4.0)：权重的标准差 0.687（公式 0.707）" in out
    assert nn.init.calculate_gain("sigmoid") == 1
    assert math.isclose(nn.init.calculate_gain("tanh"), 5 / 3)
    assert math.isclose(nn.init.calculate_gain("relu"), math.sqrt(2))
    # the default std is smaller than the std of every gain used on the page
    for gain in (1, 4, 5 / 3, math.sqrt(2)):
        assert 0.103 < gain * math.sqrt(2 / 64)
    # σ(4x) has slope 1 at 0, like tanh
    zero = torch.tensor(0.0, requires_grad=True)
    torch.sigmoid(4 * zero).backward()
    assert zero.grad.item() == 1.0


def test_vanishing_gradients_and_what_initialisation_changes():
    run = run_snippet("activation/experiments_006.py")
    norms, decay = run.namespace["norms"], run.namespace["decay"]
    assert run.namespace["DEPTH"] == 15 and run.namespace["WIDTH"] == 32
    assert all(len(n) == 16 for n in norms.values())
    # both sigmoid networks: gradients shrink layer after layer from output to input
    for label in ("sigmoid", "sigmoid×4"):
        n = norms[label]
        assert all(a < b for a, b in zip(n, n[1:], strict=False))
    # gain 1: about 4 per layer, output/first 1.1e9 ~ 4^15; first layer 1e-10 order
    assert 3.5 < decay["sigmoid"] ** (1 / 15) < 4.5
    assert 0.5 < decay["sigmoid"] / 4**15 < 2
    assert 1e-10 < norms["sigmoid"][0] < 1e-9
    ratio1, ratio4 = run.namespace["ratio_gain1"], run.namespace["ratio_gain4"]
    assert ratio1 > 1e9  # 九个数量级以上
    # gain 4: the decay drops to about 4e3, the ratio to relu to about 2e3
    assert 3e3 < decay["sigmoid×4"] < 5e3
    assert 1e3 < ratio4 < 3e3
    assert "sigmoid 1.1e+09，sigmoid×4 3.8e+03，tanh 4.8e-01，relu 1.0e+00" in run.stdout
    assert "第 1 层 relu / sigmoid：gain 1 时 3.6e+09，gain 4 时 2.0e+03" in run.stdout
    # what stays true: sigmoid decays fastest; tanh and relu stay within one order of magnitude
    assert decay["sigmoid×4"] > 1000 * max(decay["tanh"], decay["relu"])
    for name in ("tanh", "relu"):
        assert max(norms[name]) / min(norms[name]) < 10
    assert round(decay["tanh"], 1) == 0.5 and round(decay["relu"], 1) == 1.0
    # why gain 4 does not rescue sigmoid: its inputs leave 0, the mean slope drops well below 0.25
    slopes = run.namespace["slopes"]
    assert all(len(s) == 15 for s in slopes.values())
    assert "sigmoid   各层 Sigmoid 的平均导数：0.21 ~ 0.24（最大可能值 0.25）" in run.stdout
    assert "sigmoid×4 各层 Sigmoid 的平均导数：0.09 ~ 0.16（最大可能值 0.25）" in run.stdout
    assert max(slopes["sigmoid×4"]) < min(slopes["sigmoid"]) and max(slopes["sigmoid"]) < 0.25
    assert 4 * max(slopes["sigmoid×4"]) < 1  # "即使乘上 4 也不到 1（4 × 0.16 = 0.64）"
    assert "4 \\times 0.16 = 0.64" in page_source("experiments")
    # the table's row 16 is the output layer nn.Linear(32, 1)
    model = run.namespace["build"]("relu", 1.0)
    linears = [m for m in model if isinstance(m, nn.Linear)]
    assert len(linears) == 16 and linears[-1].out_features == 1


def test_kaiming_normal_has_the_std_of_xavier_with_gain_sqrt2_on_square_layers():
    """The note on ReLU: kaiming_normal_ draws with std sqrt(2 / fan_in): 0.25 for 32 inputs,
    the std of xavier_normal_ with gain sqrt(2) on a 32×32 layer."""
    assert math.isclose(nn.init.calculate_gain("leaky_relu", 0), math.sqrt(2))
    assert math.isclose(math.sqrt(2) * math.sqrt(2 / (32 + 32)), 0.25)
    assert math.isclose(math.sqrt(2 / 32), 0.25)
    torch.manual_seed(0)
    w = nn.init.kaiming_normal_(torch.empty(20000, 32))  # fan_in = 32
    assert math.isclose(w.std().item(), 0.25, rel_tol=0.01)


def test_vanishing_gradient_figure_plots_the_same_numbers():
    table = run_snippet("activation/experiments_006.py").namespace["norms"]
    run = run_snippet("activation/experiments_007.py")
    assert run.namespace["norms"] == table
    assert svg_title(run.stdout) == "深层网络各层权重梯度的范数（对数坐标）"


def test_default_init_makes_relu_decay_too():
    run = run_snippet("activation/experiments_008.py")
    ratios = run.namespace["ratios"]
    assert all(r > 100 for r in ratios.values())  # all three decay towards the input
    assert ratios["sigmoid"] > ratios["relu"] and ratios["sigmoid"] > ratios["tanh"]


# ---- the vanishing-gradient explorer (sitekit.watch): the same experiment at six depths ----

EXPLORER_SETUPS = {  # the explorer's keys -> the labels of the experiment above
    "sigmoid": "sigmoid",
    "sigmoid4": "sigmoid×4",
    "tanh": "tanh",
    "relu": "relu",
}


def grad_norms_at_depth(activation, gain: float, depth: int) -> list[float]:
    """The page's experiment, written again: seed 0, xavier_normal_(gain), zero biases, one
    backward of the MSE; the norm of each linear layer's weight gradient, input side first."""
    torch.manual_seed(0)
    layers = []
    for _ in range(depth):
        layer = nn.Linear(32, 32)
        nn.init.xavier_normal_(layer.weight, gain=gain)
        nn.init.zeros_(layer.bias)
        layers += [layer, activation()]
    model = nn.Sequential(*layers, nn.Linear(32, 1))
    x, y = torch.randn(64, 32), torch.randn(64, 1)
    F.mse_loss(model(x), y).backward()
    return [m.weight.grad.norm().item() for m in model if isinstance(m, nn.Linear)]


def test_vanishing_explorer_agrees_with_the_experiment_and_with_torch():
    run = run_snippet("activation/experiments_016.py")
    norms, depths = run.namespace["norms"], run.namespace["depths"]
    assert 15 in depths and depths == sorted(depths) and len(depths) >= 4
    assert set(norms) == {(label, d) for label in EXPLORER_SETUPS for d in depths}
    # at 15 hidden layers: exactly the numbers of the experiment the page prints above
    table = run_snippet("activation/experiments_006.py").namespace["norms"]
    for label, page_label in EXPLORER_SETUPS.items():
        assert [v.item() for v in norms[label, 15]] == table[page_label], label
    # at every depth: what torch gives for the same experiment, recomputed here
    made = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}
    gains = {"sigmoid": 1.0, "sigmoid4": 4.0, "tanh": 5 / 3, "relu": math.sqrt(2)}
    expected = {}
    for (label, depth), n in norms.items():
        activation = made[label.removesuffix("4")]
        expected[label, depth] = grad_norms_at_depth(activation, gains[label], depth)
        assert [v.item() for v in n] == pytest.approx(expected[label, depth], rel=1e-5)
    # and the frames show those numbers: torch's print of the norms, the ratio output / first
    frames = {(f["act"], depths[int(f["depth"])]): f for f in widget_frames(run.stdout)}
    assert set(frames) == set(norms)
    for key, frame in frames.items():
        printed = re.search(r"tensor\(\[(.*?)\]\)", frame["text"], flags=re.S)[1]
        numbers = [float(v) for v in printed.replace("\n", " ").split(",")]
        assert numbers == pytest.approx(expected[key], rel=5e-3), key
        assert len(numbers) == key[1] + 1  # the hidden layers and the output layer
        n = norms[key]
        assert f"输出层 / 第 1 层 = {(n[-1] / n[0]).item():.1e}" in frame["text"], key
        assert frame["label"].endswith(f"，{key[1]} 个隐藏层")


def test_vanishing_explorer_has_a_frame_and_a_line_for_every_choice():
    run = run_snippet("activation/experiments_016.py")
    ns, html = run.namespace, run.stdout
    depths, norms = ns["depths"], ns["norms"]
    options = re.findall(r'<option value="([^"]+)">', html)
    assert options == list(EXPLORER_SETUPS)
    slider = re.search(r'data-key="depth" min="0" max="(\d+)" step="1" value="(\d+)"', html)
    assert int(slider[1]) == len(depths) - 1 and depths[int(slider[2])] == 15
    frames = widget_frames(html)  # also checks that every id a frame marks is in the SVG
    keys = [(f["act"], f["depth"]) for f in frames]
    assert sorted(keys) == sorted((o, str(i)) for o in options for i in range(len(depths)))
    # the frame shown first is the page's experiment: sigmoid (gain 1), 15 hidden layers, the
    # select's first option
    starts = [k for k, a in zip(keys, explorer_bodies_attributes(html), strict=True)
              if "data-start" in a]  # fmt: skip
    assert starts == [(options[0], slider[2])] == [("sigmoid", str(depths.index(15)))]
    # one line (top) and one ring (bottom) per network, hidden until its frame shows them
    svg_reveals = set(re.findall(r'<g id="(watch-[0-9a-f]{8}-reveal-[^"]+)"', html))
    marked = [f["marked"] for f in frames]
    assert all(len(m) == 2 for m in marked) and len(svg_reveals) == 2 * len(frames)
    assert {i for m in marked for i in m} == svg_reveals
    lines = {line.get_gid(): line for line in ns["top"].lines}
    rings = {line.get_gid(): line for line in ns["bottom"].lines if line.get_gid()}
    for (act, position), (line_id, ring_id) in zip(keys, marked, strict=True):
        n = [v.item() for v in norms[act, depths[int(position)]]]
        assert list(lines[line_id].get_ydata()) == n
        assert list(lines[line_id].get_xdata()) == list(range(1, len(n) + 1))
        (x,), (y,) = rings[ring_id].get_xdata(), rings[ring_id].get_ydata()
        assert (x, y) == (depths[int(position)], n[0])
    # the bottom panel's four lines (shown without JavaScript too): first-layer norm by depth
    drawn = [line for line in ns["bottom"].lines if not line.get_gid()]
    assert len(drawn) == 4
    for line, act in zip(drawn, options, strict=True):
        assert list(line.get_ydata()) == [norms[act, d][0].item() for d in depths]
    assert ns["top"].get_yscale() == ns["bottom"].get_yscale() == "log"


def test_vanishing_explorer_what_the_page_says_about_depth():
    """The prose before the explorer: with gain 1, five more layers shrink the first layer's
    gradient by hundreds to thousands of times (about 4 per layer, 4^5 ≈ 10^3); gain 4 shrinks
    more slowly but all the way; tanh and relu do not shrink all the way."""
    run = run_snippet("activation/experiments_016.py")
    norms, depths = run.namespace["norms"], run.namespace["depths"]
    assert all(b - a == 5 for a, b in zip(depths, depths[1:], strict=False))
    first = {label: [norms[label, d][0].item() for d in depths] for label in EXPLORER_SETUPS}
    steps = {label: [a / b for a, b in zip(f, f[1:], strict=False)] for label, f in first.items()}
    assert all(300 < r < 10_000 for r in steps["sigmoid"]), steps["sigmoid"]
    assert all(1 < r for r in steps["sigmoid4"])  # 一路下降
    assert max(steps["sigmoid4"]) < min(steps["sigmoid"])  # 缩小得慢些
    for label in ("tanh", "relu"):
        assert not all(r > 1 for r in steps[label]), label  # 没有这样一路变小
        assert max(first[label]) / min(first[label]) < 200, label  # 没有按指数变小
    assert first["tanh"][-1] > 10 * first["tanh"][0]  # Tanh 的反而随层数慢慢变大
    assert sum(r > 1 for r in steps["relu"]) not in (0, len(steps["relu"]))  # ReLU 上下波动
    assert "Tanh 的反而随层数慢慢变大，ReLU 上下波动" in page_source("experiments")
    prose = page_source("experiments")
    assert "4^5 \\approx 10^3" in prose and "上面只量了 15 个隐藏层这一种深度" in prose
    assert "四个网络、六种层数" in prose and len(depths) == 6 and len(EXPLORER_SETUPS) == 4


# ---- 零中心 ----


ZERO_CENTRED = ("sigmoid", "sigmoid-0.5", "sigmoid(4x)", "sigmoid(4x)-0.5", "tanh")


def test_slope_not_centring_makes_tanh_train_faster():
    run = run_snippet("activation/experiments_009.py")
    curves = run.namespace["curves"]
    assert tuple(curves) == ZERO_CENTRED
    assert all(len(c) == 100 for c in curves.values())
    last = {name: c[-1] for name, c in curves.items()}
    sig, centred, fast, fast_centred, tanh = (curves[n] for n in ZERO_CENTRED)
    assert last["tanh"] < last["sigmoid"] / 2  # tanh reaches a much lower loss in 100 steps
    # centring alone (slope 1/4): about as bad as sigmoid, after the first few steps
    assert abs(last["sigmoid-0.5"] - last["sigmoid"]) < 0.01
    assert max(abs(a - b) for a, b in zip(sig[5:], centred[5:], strict=True)) < 0.01
    # slope 1 alone (outputs still positive): as fast as tanh, this time a little faster
    assert last["sigmoid(4x)"] <= last["tanh"] < last["sigmoid"] / 2
    # centring helps a little once the slope is 1, far less than the slope does
    assert last["sigmoid(4x)-0.5"] < last["sigmoid(4x)"]
    gap_centring = last["sigmoid(4x)"] - last["sigmoid(4x)-0.5"]
    gap_slope = last["sigmoid"] - last["sigmoid(4x)"]
    assert 5 * gap_centring < gap_slope
    # the numbers the erratum quotes are the printed ones
    for line in (
        "sigmoid             1.0434  0.5040  0.4905  0.4790  0.4697",
        "sigmoid-0.5         0.5402  0.5064  0.4911  0.4785  0.4686",
        "sigmoid(4x)         0.9767  0.3928  0.3173  0.2274  0.1452",
        "sigmoid(4x)-0.5     0.5543  0.3729  0.2820  0.1835  0.1096",
        "tanh                0.6311  0.3911  0.3260  0.2447  0.1704",
    ):
        assert line in run.stdout
    erratum = page_source("experiments").split("勘误：这次 Tanh 更快")[1].split("## 动手练习")[0]
    for quoted in ("0.1704 对 0.4697", "0.4686", "0.1452", "0.1096 对 0.1452"):
        assert quoted in erratum, quoted
    assert run.namespace["x"].shape == (64, 1)  # all 64 points every step: plain gradient descent
    # the shifted sigmoids are what the page's table says they are
    make = run.namespace["activations"]
    t = torch.linspace(-3, 3, 61)
    assert torch.equal(make["sigmoid-0.5"]()(t), torch.sigmoid(t) - 0.5)
    assert torch.equal(make["sigmoid(4x)"]()(t), torch.sigmoid(4 * t))
    assert (make["sigmoid(4x)"]()(t) > 0).all() and (make["sigmoid"]()(t) > 0).all()


def test_zero_grad_sets_grad_to_none():
    """The page: optimizer.zero_grad() sets .grad to None by default (PyTorch 2.x)."""
    model = nn.Linear(2, 1)
    model(torch.ones(2)).sum().backward()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    assert model.weight.grad is not None
    optimizer.zero_grad()
    assert model.weight.grad is None and model.bias.grad is None


def test_loss_figure_plots_the_same_curves():
    table = run_snippet("activation/experiments_009.py").namespace["curves"]
    run = run_snippet("activation/experiments_010.py")
    curves = run.namespace["curves"]
    assert curves == table
    assert svg_title(run.stdout) == "五种隐藏层激活函数的训练损失曲线"
    # caption: the two slope-1/4 sigmoids coincide after the first few steps and stay high;
    # the three slope-1 curves all end far lower
    sig, centred = curves["sigmoid"], curves["sigmoid-0.5"]
    assert max(abs(a - b) for a, b in zip(sig[5:], centred[5:], strict=True)) < 0.01
    assert min(sig[-1], centred[-1]) > 0.45
    for name in ("sigmoid(4x)", "sigmoid(4x)-0.5", "tanh"):
        assert curves[name][-1] < 0.2
    # dashed = zero-centred, one colour per slope
    styles = run.namespace["styles"]
    assert [styles[n][1] == "--" for n in ZERO_CENTRED] == [False, True, False, True, True]
    assert styles["sigmoid"][0] == styles["sigmoid-0.5"][0] != styles["sigmoid(4x)"][0]


def test_tanh_is_a_stretched_sigmoid_with_four_times_the_slope():
    run = run_snippet("activation/experiments_011.py")
    assert run.namespace["max_gap"] < 1e-6
    assert run.namespace["slopes"] == {
        "sigmoid": 0.25,
        "sigmoid-0.5": 0.25,
        "sigmoid(4x)": 1.0,
        "sigmoid(4x)-0.5": 1.0,
        "tanh": 1.0,
    }


# ---- 动手练习 ----


def test_exercise_sigmoid_derivative_matches_formula_and_relu_gradient():
    run = run_snippet("activation/experiments_012.py")
    x, s_ = run.namespace["x"], run.namespace["s"]
    assert torch.allclose(x.grad, s_.detach() * (1 - s_.detach()))
    assert "最大差值        : 0.0" in run.stdout  # exactly 0, not merely small
    assert "Sigmoid autograd: tensor([0.1050, 0.2500, 0.1050])" in run.stdout
    # ReLU: two values only, and 0 at the kink (not 0.5, not 1)
    assert run.namespace["z"].grad.tolist() == [0.0, 0.0, 1.0, 1.0]
    assert "ReLU 的 z.grad  = tensor([0., 0., 1., 1.])" in run.stdout


def test_exercise_tanh_derivative_from_sigmoid():
    run = run_snippet("activation/experiments_013.py")
    ns = run.namespace
    autograd, derived = ns["autograd"], ns["derived"]
    assert ns["x"].tolist() == [-1.5, 0.30000001192092896, 2.0]
    error = (autograd - derived).abs().max().item()
    assert 0 < error < 2.5e-7  # float32 rounding
    assert "最大差值         : 1.2e-07" in run.stdout
    # forgetting the inner derivative gives half the value: wrong at every point
    assert torch.allclose(autograd, 1 - torch.tanh(ns["x"].detach()) ** 2)
    assert (autograd - derived / 2).abs().min().item() > 0.03
    # at 0: 4σ(0)(1 − σ(0)) = 1, four times sigmoid's 0.25
    zero = torch.sigmoid(torch.tensor(0.0))
    assert 4 * zero * (1 - zero) == 1.0


def test_exercise_xavier_on_a_bias_fails_and_the_fix():
    run = run_snippet("activation/experiments_014.py")
    assert run.stdout.strip() == (
        "ValueError: Fan in and fan out can not be computed for tensor with fewer than 2 dimensions"
    )
    with pytest.raises(ValueError, match="fewer than 2 dimensions"):
        nn.init.xavier_normal_(nn.Linear(32, 32).bias)
    # the page: the first layer's weight was initialised before the bias raised
    model = run.namespace["model"]
    torch.manual_seed(0)
    default = nn.Sequential(nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 1))
    assert not torch.equal(model[0].weight, default[0].weight)
    assert torch.equal(model[0].bias, default[0].bias)  # never reached
    assert [name for name, _ in model[0].named_parameters()] == ["weight", "bias"]
    fix = run_snippet("activation/experiments_015.py")
    assert fix.stdout.splitlines() == [
        "第 1 层权重的标准差 0.297（公式 0.295）",
        "两层的偏置都是 0 吗？ [True, True]",
    ]
    assert math.isclose(nn.init.calculate_gain("tanh") * math.sqrt(2 / 64), 0.2946, abs_tol=1e-4)


def test_experiments_exercises_are_labelled():
    exercises = page_source("experiments").split("## 动手练习")[1]
    for label in ("练习 1（预测）", "练习 2（推导）", "练习 3（调试）"):
        assert f"[!question] {label}" in exercises
    assert '> ```python\n> --8<-- "snippets/activation/experiments_012.py"' in exercises


# =================================================================================================
# relu_family.md
# =================================================================================================

# ---- 死亡 ReLU ----


def test_dead_relu_units_counted_before_and_after_training():
    run = run_snippet("activation/relu_family_001.py")
    results = run.namespace["results"]
    # (dead before [layer 1, layer 2], dead after, highest loss while training, final loss)
    before, after, highest, final = results[0.05]
    assert before == [3, 4] and after == [4, 6]
    assert round(highest, 4) == 0.4596 and round(final, 4) == 0.0017
    before, after, highest, final = results[0.5]
    assert before == [3, 4] and after == [3, 31]
    assert round(highest, 4) == 1.7091 and round(final, 4) == 0.4120
    assert (
        "学习率 0.05：死亡单元 [3, 4] → [4, 6]，训练中最大损失 0.4596，最终损失 0.0017"
        in run.stdout
    )
    assert (
        "学习率 0.5 ：死亡单元 [3, 4] → [3, 31]，训练中最大损失 1.7091，最终损失 0.4120"
        in run.stdout
    )
    assert "对照：不管输入是什么都输出 0，损失是 0.4406" in run.stdout
    # with lr 0.5 the loss rose far above where it started before it settled
    assert highest > 3 * 0.4406
    # a dead unit really outputs 0 on every input: ReLU(z) with z <= 0 everywhere
    x = run.namespace["x"]
    assert x.min().item() == -2 and x.max().item() == 2 and len(x) == 64


def test_dead_relu_units_get_exactly_zero_gradient_and_stay_dead():
    run = run_snippet("activation/relu_family_002.py")
    ns = run.namespace
    dead = ns["dead"]
    assert int(dead.sum()) == 31 and int((~dead).sum()) == 1  # "活着的那个单元"
    assert ns["w_grad"][dead].abs().max().item() == 0.0
    assert ns["b_grad"][dead].abs().max().item() == 0.0
    assert ns["w_grad"][~dead].abs().max().item() > 0.01
    assert "死亡单元的权重梯度，绝对值最大的： 0.0" in run.stdout
    assert "死亡单元的偏置梯度，绝对值最大的： 0.0" in run.stdout
    assert "再训练 2000 步后：死亡单元 31 个，损失 0.4109" in run.stdout
    assert "还是原来那些单元吗？ True" in run.stdout
    assert ns["loss"] < 0.4120  # "只从 0.4120 降到 0.4109"


# ---- LeakyReLU ----


def test_leaky_relu_default_slope_and_its_gradient_is_the_slope():
    run = run_snippet("activation/relu_family_003.py")
    assert nn.LeakyReLU().negative_slope == 0.01
    assert "默认斜率 negative_slope = 0.01" in run.stdout
    assert "两种写法相同？ True" in run.stdout
    assert run.namespace["relu_grad"].tolist() == [0.0, 0.0, 0.0, 1.0, 1.0]
    assert torch.allclose(
        run.namespace["leaky_grad"], torch.tensor([0.01, 0.01, 0.01, 1.0, 1.0]), rtol=0
    )
    assert "LeakyReLU 的导数   = tensor([0.0100, 0.0100, 0.0100, 1.0000, 1.0000])" in run.stdout


def test_leaky_relu_units_in_the_negative_region_keep_learning():
    run = run_snippet("activation/relu_family_004.py")
    results = run.namespace["results"]
    count, grad, count_after, loss = results["ReLU"]
    assert (count, grad, count_after, round(loss, 4)) == (31, 0.0, 31, 0.4109)
    count, grad, count_after, loss = results["LeakyReLU"]
    assert count == 31 and count_after == 29 and round(loss, 4) == 0.0005
    assert f"{grad:.2e}" == "3.36e-03"
    assert "LeakyReLU：第 2 层全在负半轴的单元 31 个，流进它们的权重梯度最大 3.36e-03" in run.stdout
    # "只有 2 个单元回到正半轴": the 29 left are among the 31, none newly went negative
    x, y = run.namespace["x"], run.namespace["y"]
    torch.manual_seed(0)
    model = nn.Sequential(
        nn.Linear(1, 32), nn.LeakyReLU(), nn.Linear(32, 32), nn.LeakyReLU(), nn.Linear(32, 1)
    )

    def train(lr, steps):
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        for _ in range(steps):
            loss = F.mse_loss(input=model(x), target=y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

    def negative():
        return (model[2](model[1](model[0](x))) > 0).sum(0) == 0

    train(0.5, 300)
    stuck = negative()
    train(0.05, 2000)
    left = negative()
    assert int(stuck.sum()) == 31 and int(left.sum()) == 29
    assert not (left & ~stuck).any()


# ---- GELU 与 SiLU ----


def test_successors_figure_draws_autograd_derivatives():
    run = run_snippet("activation/relu_family_005.py")
    assert svg_title(run.stdout) == "ReLU 与它的后继者：曲线和导数"
    ns = run.namespace
    t = ns["x"].detach()
    assert (t < 0).sum() > 0 and (t > 0).sum() > 0
    s = torch.sigmoid(t)
    assert torch.allclose(ns["grads"]["SiLU"], s * (1 + t * (1 - s)))
    assert torch.allclose(ns["grads"]["LeakyReLU (0.1)"][t < 0], torch.full_like(t[t < 0], 0.1))
    # caption: smooth, dips below 0 on the negative side, derivative a little above 1
    for name in ("GELU", "SiLU"):
        assert ns["values"][name].min().item() < 0
        assert 1 < ns["grads"][name].max().item() < 1.2


def test_successor_derivatives_match_their_formulas():
    run = run_snippet("activation/relu_family_006.py")
    out = run.stdout
    assert "LeakyReLU  max |autograd − 公式| = 0.0e+00" in out
    for line in out.splitlines():
        if "max |" in line and "e-" in line:
            assert float(line.split("= ")[-1]) < 1e-15, line  # float64 rounding
    assert "GELU 的最低点：x ≈ -0.752，f(x) ≈ -0.1700" in out
    assert "SiLU 的最低点：x ≈ -1.278，f(x) ≈ -0.2785" in out
    # the page: away from the minimum the derivative on the negative side is not 0, and it
    # goes to 0 far from 0; at the minimum it is 0
    x = torch.tensor([-8.0, -5.0, -3.0, -2.0], dtype=torch.float64, requires_grad=True)
    for f, minimum in ((F.gelu, -0.75179), (F.silu, -1.27846)):
        (g,) = torch.autograd.grad(f(x).sum(), x)
        assert (g != 0).all() and g.abs()[0] < g.abs()[1] < g.abs()[2]
        m = torch.tensor(minimum, dtype=torch.float64, requires_grad=True)
        f(m).backward()
        assert abs(m.grad.item()) < 1e-4
        # negative left of the minimum, positive right of it; the values are < 0 on x < 0
        side = torch.tensor([minimum - 0.01, minimum + 0.01], dtype=torch.float64)
        side.requires_grad_()
        (g,) = torch.autograd.grad(f(side).sum(), side)
        assert g[0] < 0 < g[1]
        t = torch.linspace(-6, -1e-3, 1001, dtype=torch.float64)
        assert (f(t) < 0).all()
    # "在 float32 里 ... GELU 在 x = −15 处、SiLU 在 x = −90 处，autograd 给出的导数都恰好是 0"
    for f, where in ((F.gelu, -15.0), (F.silu, -90.0)):
        z = torch.tensor(where, requires_grad=True)
        (g,) = torch.autograd.grad(f(z), z)
        assert g.item() == 0.0
        z64 = torch.tensor(where, dtype=torch.float64, requires_grad=True)
        (g,) = torch.autograd.grad(f(z64), z64)
        assert g.item() != 0.0  # in float64 (and in exact arithmetic) it is not 0


def test_gelu_tanh_approximation_is_gpt2s_gelu():
    run = run_snippet("activation/relu_family_007.py")
    assert run.stdout.splitlines() == [
        "max |精确 − tanh 近似| = 4.7e-04",
        "max |GPT-2 的 gelu − tanh 近似| = 1.5e-07",
        "max |GPT-2 的 gelu − 精确 GELU| = 4.7e-04",
    ]
    # the transcription is the formula in openai/gpt-2 src/model.py (and google-research/bert)
    source = (ROOT / "snippets" / "activation" / "relu_family_007.py").read_text(encoding="utf-8")
    assert "0.5 * x * (1 + torch.tanh((2 / math.pi) ** 0.5 * (x + 0.044715 * x**3)))" in source


# ---- 逐点对照：the activation explorer (sitekit.watch) ----

# The seven functions as the explorer defines them, written again here: the test recomputes
# every value and derivative with its own torch calls, not with the snippet's.
EXPLORED = {
    "step": lambda t: (torch.sign(t) + 1) / 2,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "ReLU": torch.relu,
    "LeakyReLU (0.1)": lambda t: F.leaky_relu(t, negative_slope=0.1),
    "GELU": F.gelu,
    "SiLU": F.silu,
}
ROW = re.compile(r"<tr><td>([^<（]+)(（饱和区）)?</td> <td>([^<]+)</td> <td>([^<]+)</td></tr>")


def values_and_derivatives(x: torch.Tensor) -> dict:
    """{name: (f(x), f′(x))} by backward() on a fresh leaf, one function at a time."""
    found = {}
    for name, f in EXPLORED.items():
        leaf = x.detach().clone().requires_grad_()
        out = f(leaf)
        out.backward(torch.ones_like(out))
        found[name] = (out.detach(), leaf.grad)
    return found


def shown(v: float) -> str:
    """How the explorer's caption says a number is shown: 0.0000 only for an exact 0 (float32's
    -0.0, GELU at -6, too)."""
    return f"{v + 0.0:.4f}" if v == 0 or abs(v) >= 1e-3 else f"{v:.2e}"


def saturated_ends(x: torch.Tensor, grad: torch.Tensor, threshold: float):
    """The last x of the run of |f′| < threshold from the left end, the first x of the run
    from the right end (None where there is no such run)."""
    small = grad.abs() < threshold
    left = right = None
    for i in range(len(x)):
        if not small[i]:
            break
        left = x[i].item()
    for i in reversed(range(len(x))):
        if not small[i]:
            break
        right = x[i].item()
    return left, right


def test_activation_explorer_shows_autograds_values_at_every_x():
    run = run_snippet("activation/relu_family_012.py")
    ns = run.namespace
    grid = ns["grid"]
    assert grid.dtype == torch.float32 and len(grid) == 13
    assert grid[0] == -6 and grid[-1] == 6 and (grid == 0).sum() == 1
    assert list(ns["functions"]) == list(EXPLORED)
    expected = values_and_derivatives(grid)
    # the derivatives are the functions' derivatives, by their formulas in float64 (away from
    # the kinks at 0)
    d = {name: grad.double() for name, (_, grad) in expected.items()}
    x64 = grid.double()
    s, t, away = torch.sigmoid(x64), torch.tanh(x64), grid != 0
    phi = torch.exp(-(x64**2) / 2) / math.sqrt(2 * math.pi)
    formulas = {
        "sigmoid": s * (1 - s),
        "tanh": 1 - t**2,
        "SiLU": s * (1 + x64 * (1 - s)),
        "GELU": 0.5 * (1 + torch.erf(x64 / math.sqrt(2))) + x64 * phi,
    }
    for name, formula in formulas.items():
        assert torch.allclose(d[name], formula, rtol=1e-5, atol=1e-6), name
    assert torch.equal(d["ReLU"][away], (x64[away] > 0).double())
    assert torch.allclose(d["LeakyReLU (0.1)"][away], torch.where(x64[away] > 0, 1.0, 0.1).double())
    assert torch.count_nonzero(expected["step"][1]) == 0
    frames = widget_frames(run.stdout)
    assert [f["label"] for f in frames] == [f"x = {x:g}" for x in grid.tolist()]
    for i, (frame, body) in enumerate(zip(frames, explorer_bodies(run.stdout), strict=True)):
        rows = ROW.findall(body)
        assert [r[0] for r in rows] == list(EXPLORED), frame["label"]
        for name, _, value, derivative in rows:
            f, d = expected[name][0][i].item(), expected[name][1][i].item()
            assert (value, derivative) == (shown(f), shown(d)), (frame["label"], name)
    # a few the page's prose and earlier pages state: at 0 ReLU gives 0, GELU and SiLU 0.5
    at_zero = dict((r[0], r[3]) for r in ROW.findall(explorer_bodies(run.stdout)[6]))
    assert at_zero["ReLU"] == "0.0000" and at_zero["GELU"] == at_zero["SiLU"] == "0.5000"
    assert at_zero["sigmoid"] == "0.2500" and at_zero["tanh"] == "1.0000"


def explorer_bodies(html: str) -> list[str]:
    return re.findall(r"<(?:div|li) data-frame[^>]*>(.*?)</(?:div|li)>", html, flags=re.S)


def test_activation_explorer_marks_saturation_where_the_derivative_stays_small():
    run = run_snippet("activation/relu_family_012.py")
    ns = run.namespace
    threshold, curve_x = ns["THRESHOLD"], ns["curve_x"]
    assert threshold == 0.05 and f"一直小于 {threshold}" in run.stdout  # the caption states it
    assert (curve_x == 0).any() and len(curve_x) > 200
    ends = {
        name: saturated_ends(curve_x, grad, threshold)
        for name, (_, grad) in values_and_derivatives(curve_x).items()
    }
    assert ns["tails"] == ends
    # what the prose says: Sigmoid and Tanh on both sides; ReLU on the negative side only, up to
    # 0; GELU and SiLU on the negative side only, further left; LeakyReLU (slope 0.1) nowhere;
    # the step function everywhere
    for name in ("sigmoid", "tanh"):
        left, right = ends[name]
        assert left < -2 and right > 2, name
    assert ends["ReLU"] == (0.0, None)
    for name in ("GELU", "SiLU"):
        assert ends[name][1] is None and ends[name][0] < -2, name
    assert ends["LeakyReLU (0.1)"] == (None, None)
    assert ends["step"] == (6.0, -6.0)
    # the table marks a row 饱和区 exactly where its x is in a shaded end
    grid = ns["grid"].tolist()
    for x, body in zip(grid, explorer_bodies(run.stdout), strict=True):
        for name, mark, _, _ in ROW.findall(body):
            left, right = ends[name]
            inside = (left is not None and x <= left) or (right is not None and x >= right)
            assert bool(mark) == inside, (x, name)
    # and the figure shades those ends, in both columns of the function's row
    for row, name in zip(ns["axes"], EXPLORED, strict=True):
        left, right = ends[name]
        spans = ([(-6.0, left)] if left is not None else []) + (
            [(right, 6.0)] if right is not None and (left is None or right > left) else []
        )
        for ax in row:
            drawn = [(p.get_x(), p.get_x() + p.get_width()) for p in ax.patches]
            assert drawn == spans, name


def test_activation_explorer_has_a_frame_and_markers_for_every_x():
    run = run_snippet("activation/relu_family_012.py")
    ns, html = run.namespace, run.stdout
    grid = ns["grid"].tolist()
    frames = widget_frames(html)  # also checks that every id a frame marks is in the SVG
    slider = re.search(r'data-key="x" min="0" max="(\d+)" step="1" value="(\d+)"', html)
    assert slider and int(slider[1]) == len(grid) - 1
    assert [f["x"] for f in frames] == [str(i) for i in range(len(grid))]  # one per position
    starts = [i for i, f in enumerate(explorer_bodies_attributes(html)) if "data-start" in f]
    assert starts == [int(slider[2])] == [grid.index(1.0)]
    svg_reveals = set(re.findall(r'<g id="(watch-[0-9a-f]{8}-reveal-[^"]+)"', html))
    marked = [set(f["marked"]) for f in frames]
    assert all(len(m) == 2 * len(EXPLORED) for m in marked)  # f and f′ of each function
    assert set().union(*marked) == svg_reveals  # no marker that no frame shows
    assert all(a.isdisjoint(b) for i, a in enumerate(marked) for b in marked[i + 1 :])
    # each marker sits on its curve at its frame's x: (x, f(x)) on the left, (x, f′(x)) right
    expected = values_and_derivatives(ns["grid"])
    by_id = {line.get_gid(): line for ax in ns["axes"].flat for line in ax.lines if line.get_gid()}
    assert set(by_id) == svg_reveals
    for i, ids in enumerate(marked):
        for gid in ids:
            name = next(n for n in EXPLORED if f"-reveal-{i}-{n[:4]}-" in gid)
            part = 0 if gid.endswith("-f") else 1
            (x,), (y,) = by_id[gid].get_xdata(), by_id[gid].get_ydata()
            assert x == grid[i] and y == expected[name][part][i].item(), gid
            assert by_id[gid].axes is ns["axes"][list(EXPLORED).index(name)][part]
    assert "<title>七个激活函数：拖动 x 看函数值和导数</title>" in html


def explorer_bodies_attributes(html: str) -> list[str]:
    return re.findall(r"<(?:div|li) (data-frame[^>]*)>", html)


def test_relu_family_exercise_derivatives_at_zero():
    run = run_snippet("activation/relu_family_008.py")
    assert run.namespace["grads"] == {
        "ReLU": 0.0,
        "LeakyReLU(0.2)": pytest.approx(0.2),
        "GELU": 0.5,
        "SiLU": 0.5,
    }
    assert "LeakyReLU(0.2)  f'(0) = 0.20" in run.stdout


def test_relu_family_exercise_softplus_derivative_is_sigmoid():
    run = run_snippet("activation/relu_family_009.py")
    x, grad = run.namespace["x"].detach(), run.namespace["grad"]
    assert torch.allclose(grad, torch.sigmoid(x), rtol=0, atol=1e-15)
    # the points discriminate: σ(−x) and σ(1 − σ) differ from σ at each of them
    s = torch.sigmoid(x)
    assert (torch.sigmoid(-x) - s).abs().min() > 0.2
    assert (s * (1 - s) - s).abs().min() > 0.01
    # and torch's own softplus has the same derivative
    y = x.clone().requires_grad_()
    F.softplus(y).sum().backward()
    assert torch.allclose(y.grad, s)


def test_relu_family_exercise_leaky_relu_true_is_the_identity():
    run = run_snippet("activation/relu_family_010.py")
    act, x = run.namespace["act"], run.namespace["x"]
    assert act.negative_slope is True
    assert torch.equal(act(x), x)  # slope True == 1: f(x) = x, silently
    with warnings.catch_warnings():  # "不报错，也不警告"
        warnings.simplefilter("error")
        assert torch.equal(nn.LeakyReLU(True)(x), x)
    assert run.stdout.splitlines()[0] == "LeakyReLU(negative_slope=True)"
    fix = run_snippet("activation/relu_family_011.py")
    assert torch.allclose(fix.namespace["act"](x), torch.tensor([-0.02, -0.005, 1.0, 3.0]))
    assert "输出 : tensor([-0.0200, -0.0050,  1.0000,  3.0000])" in fix.stdout
    assert nn.ReLU(True).inplace is True  # the argument that was copied


def test_relu_family_exercises_are_labelled():
    exercises = page_source("relu_family").split("## 动手练习")[1]
    for label in ("练习 1（预测）", "练习 2（推导）", "练习 3（调试）"):
        assert f"[!question] {label}" in exercises


# =================================================================================================
# nonlinearity.md
# =================================================================================================

XOR_X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])


def test_linear_model_stays_at_the_xor_floor():
    run = run_snippet("activation/nonlinearity_001.py")
    lines = run.stdout.splitlines()
    assert lines[0] == "第    0 步  损失 1.086943"
    assert lines[1:5] == [f"第 {s:>4} 步  损失 0.250000" for s in (500, 1000, 1500, 2000)]
    w, b = run.namespace["w"], run.namespace["b"]
    assert w.abs().max().item() < 1e-6 and abs(b.item() - 0.5) < 1e-6
    assert lines[-1] == "四个点上的输出： [0.5, 0.5, 0.5, 0.5]"


def test_no_linear_function_beats_a_quarter_on_xor():
    """The page's argument: f(0,0) + f(1,1) = f(0,1) + f(1,0) for every linear f, so the signed
    errors add up to 2 and the MSE is at least 1/4, with equality only at f = 0.5 everywhere."""
    torch.manual_seed(1)
    for _ in range(200):
        w, b = torch.randn(2, 1), torch.randn(1)
        f = (XOR_X @ w + b).flatten()
        assert torch.isclose(f[0] + f[3], f[1] + f[2], atol=1e-5)
        e = f - XOR_Y.flatten()
        assert torch.isclose(e[0] + e[3] - e[1] - e[2], torch.tensor(2.0), atol=1e-5)
        assert F.mse_loss(f, XOR_Y.flatten()).item() >= 0.25 - 1e-6
        # the page's identity: a = (e00, e11, −e01, −e10) = 1/2 + d, MSE = 1/4 + Σd²/4
        a = torch.stack([e[0], e[3], -e[1], -e[2]])
        d = a - 0.5
        assert torch.isclose(d.sum(), torch.tensor(0.0), atol=1e-5)
        assert torch.isclose(F.mse_loss(f, XOR_Y.flatten()), 0.25 + (d**2).sum() / 4, atol=1e-5)
    best = torch.full((4,), 0.5)
    assert F.mse_loss(best, XOR_Y.flatten()).item() == 0.25


def test_relu_networks_learn_xor_but_two_units_often_fail():
    run = run_snippet("activation/nonlinearity_002.py")
    ns = run.namespace
    assert ns["by_hand"].tolist() == [0.0, 1.0, 1.0, 0.0]
    assert 1e-11 <= ns["loss"] < 1e-10  # "10^-11 量级"
    assert "四个点上的输出： [0.0, 1.0, 1.0, 0.0]" in run.stdout
    assert "2 个单元：6 个种子里成功 0 个，最终损失 [0.1667, 0.25, 0.25, 0.25, 0.25, 0.125]" in (
        run.stdout
    )
    assert "4 个单元：6 个种子里成功 5 个" in run.stdout
    assert "8 个单元：6 个种子里成功 6 个" in run.stdout
    # seeds 3 and 4 with two units: both units dead on all four points
    for seed in (3, 4):
        model, _ = ns["train"](2, seed)
        assert (model[0](XOR_X) <= 0).all()
    # seed 0 with two units: not dead, still stuck (so dead units are one reason, not the only)
    model, loss = ns["train"](2, 0)
    assert (model[0](XOR_X) > 0).any() and loss > 0.1
    # "损失停在 0.25、0.1667、0.125 这些值上": ten times as many steps do not move them
    for seed, stuck in ((0, 0.1667), (3, 0.25), (5, 0.125)):
        _, longer = ns["train"](2, seed, steps=5000)
        assert round(longer, 4) == stuck


def test_linear_model_cannot_bend_but_a_relu_network_can():
    run = run_snippet("activation/nonlinearity_003.py")
    ns = run.namespace
    assert "线性模型：损失 1.5128，w = 3.2e-08，b = 1.3757" in run.stdout
    assert "水平线 y = 1.3757 的损失：1.5128" in run.stdout
    assert round(ns["linear_loss"], 4) == round(ns["flat"], 4) == 1.5128
    assert "32 个 ReLU 单元的网络：损失 0.0020" in run.stdout
    assert ns["relu_loss"] / ns["linear_loss"] < 0.002  # "不到线性模型的千分之二"


def test_curve_fit_figure_plots_the_same_models():
    table = run_snippet("activation/nonlinearity_003.py").namespace
    run = run_snippet("activation/nonlinearity_004.py")
    assert svg_title(run.stdout) == "线性模型与 ReLU 网络拟合 y = x²"
    assert run.namespace["linear_loss"] == table["linear_loss"]
    assert run.namespace["relu_loss"] == table["relu_loss"]
    assert torch.equal(run.namespace["relu_fit"], table["relu_net"](table["x"]).detach())


def test_piecewise_relu_network_error_quarters_when_units_double():
    run = run_snippet("activation/nonlinearity_005.py")
    errors = run.namespace["errors"]
    assert list(errors) == [2, 4, 8, 16]
    for n, error in errors.items():
        assert math.isclose(error, 4 / n**2, rel_tol=1e-4)  # (h/2)², h = 4/n
    values = list(errors.values())
    assert all(
        math.isclose(a / b, 4, rel_tol=1e-3) for a, b in zip(values, values[1:], strict=False)
    )
    assert "16         0.015625" in run.stdout
    # it is a one-hidden-layer ReLU network that meets the curve at every knot
    model = run.namespace["piecewise_relu_net"](8)
    assert [type(m) for m in model] == [nn.Linear, nn.ReLU, nn.Linear]
    knots = torch.linspace(-2, 2, 9).unsqueeze(1)
    with torch.no_grad():
        assert torch.allclose(model(knots), knots**2, atol=1e-5)
    # "在 torch.no_grad() 外面原地改写它们会报错"
    with pytest.raises(RuntimeError, match="a leaf Variable that requires grad"):
        nn.Linear(1, 8).weight.fill_(1.0)


def test_piecewise_figure():
    run = run_snippet("activation/nonlinearity_006.py")
    assert svg_title(run.stdout) == "n 个 ReLU 单元拼出的折线逼近 y = x²"


def test_nonlinearity_exercise_32_and_64_pieces():
    run = run_snippet("activation/nonlinearity_007.py")
    errors = run.namespace["errors"]
    assert math.isclose(errors[32], 4 / 32**2, rel_tol=1e-3)  # 0.0039
    assert math.isclose(errors[64], 4 / 64**2, rel_tol=1e-2)  # 0.00098
    assert run.stdout.splitlines() == ["n = 32  最大误差 0.003907", "n = 64  最大误差 0.000977"]
    assert abs(errors[32] - 0.015625 / 2) > 3e-3  # halving from n = 16 would be 0.0078


def test_nonlinearity_exercise_gradient_of_the_linear_xor_loss():
    run = run_snippet("activation/nonlinearity_008.py")
    grads = run.namespace["gradients"]
    autograd, formula = grads(0.3, -0.2, 0.1)
    assert torch.allclose(autograd, formula)
    assert torch.allclose(autograd, torch.tensor([-0.2, -0.45, -0.7]))
    # plausible wrong answers (no factor 2, or f − y the other way round) differ
    assert not torch.allclose(autograd, formula / 2)
    assert not torch.allclose(autograd, -formula)
    autograd, formula = grads(0.0, 0.0, 0.5)
    assert autograd.tolist() == formula.tolist() == [0.0, 0.0, 0.0]
    # "在 (0, 0, 0.5) 处四个误差是 0.5, −0.5, −0.5, 0.5"
    assert (torch.full((4,), 0.5) - XOR_Y.flatten()).tolist() == [0.5, -0.5, -0.5, 0.5]
    assert "  autograd: tensor([-0.2000, -0.4500, -0.7000])" in run.stdout


def test_nonlinearity_exercise_deep_linear_network_still_fails():
    run = run_snippet("activation/nonlinearity_009.py")
    model = run.namespace["model"]
    assert all(isinstance(m, nn.Linear) for m in model) and len(model) == 3
    assert run.stdout.splitlines() == [
        "最终损失 0.2500",
        "四个点上的输出： [0.5, 0.5, 0.5, 0.5]",
    ]
    fix = run_snippet("activation/nonlinearity_010.py")
    assert fix.namespace["loss"].item() < 1e-10
    assert "四个点上的输出： [0.0, 1.0, 1.0, 0.0]" in fix.stdout


def test_nonlinearity_exercises_are_labelled_and_link_back():
    page = page_source("nonlinearity")
    exercises = page.split("## 动手练习")[1]
    for label in ("练习 1（预测）", "练习 2（推导）", "练习 3（调试）"):
        assert f"[!question] {label}" in exercises
    assert page.count("functions.md#什么是激活函数") >= 2  # the merged-layers argument


# =================================================================================================
# the built pages
# =================================================================================================


def test_functions_page_shows_live_outputs_and_figures(built_site):
    html = page_html(built_site, "activation/functions")
    assert "tensor([0.0000e+00, 1.6655e-34," in html
    assert "tensor([-0.7616, -0.6514," in html
    assert "x = 16.63553237915039，σ(x) = 1.0" in html
    assert html.count('<figure class="live-figure">') == 5
    for title in (
        "一个神经元：加权求和后经过激活函数",
        "阶跃函数及其导数",
        "Sigmoid 函数及其导数",
        "Tanh 函数及其导数",
        "ReLU 函数及其导数",
    ):
        assert f"<title>{title}</title>" in html
    assert "勘误：零中心 ≠ 输出均值为 0" in html
    assert 'href="../experiments/' in html  # forward pointers to the experiments page


def test_experiments_page_shows_live_outputs_and_figures(built_site):
    html = page_html(built_site, "activation/experiments")
    assert "RuntimeError: derivative for aten::heaviside is not implemented" in html
    assert "torch.maximum(x, 0)  在 x = 0 处的梯度: 0.5" in html
    assert "第 1 层 relu / sigmoid：gain 1 时 3.6e+09，gain 4 时 2.0e+03" in html
    assert html.count('<figure class="live-figure">') == 2
    for title in (
        "深层网络各层权重梯度的范数（对数坐标）",
        "五种隐藏层激活函数的训练损失曲线",
    ):
        assert f"<title>{title}</title>" in html
    assert "勘误：这次 Tanh 更快，但主要不是因为零中心" in html
    assert 'href="../functions/' in html  # links back to the concept page


def test_relu_family_page_shows_live_outputs_and_figure(built_site):
    html = page_html(built_site, "activation/relu_family")
    assert "对照：不管输入是什么都输出 0，损失是 0.4406" in html
    assert "还是原来那些单元吗？ True" in html
    assert "LeakyReLU：第 2 层全在负半轴的单元 31 个" in html
    assert "GELU 的最低点：x ≈ -0.752" in html
    assert html.count('<figure class="live-figure">') == 1
    assert "<title>ReLU 与它的后继者：曲线和导数</title>" in html
    assert "LeakyReLU(negative_slope=True)" in html  # the 调试 exercise runs live


def test_nonlinearity_page_shows_live_outputs_and_figures(built_site):
    html = page_html(built_site, "activation/nonlinearity")
    assert "第  500 步  损失 0.250000" in html
    assert "2 个单元：6 个种子里成功 0 个" in html
    assert "16         0.015625" in html
    assert html.count('<figure class="live-figure">') == 2
    for title in ("线性模型与 ReLU 网络拟合 y = x²", "n 个 ReLU 单元拼出的折线逼近 y = x²"):
        assert f"<title>{title}</title>" in html
    assert 'href="../functions/#什么是激活函数"' in html  # links back to the merged layers


@pytest.mark.parametrize(
    "page, snippet",
    [
        ("activation/relu_family", "activation/relu_family_012.py"),
        ("activation/experiments", "activation/experiments_016.py"),
    ],
)
def test_explorer_is_on_its_page_as_torch_printed_it(built_site, page, snippet):
    """The page holds the explorer byte for byte as the snippet printed it (the values the
    tests above check), once, with the script that runs it."""
    html = page_html(built_site, page)
    printed = run_snippet(snippet).stdout.strip()
    assert html.count(printed) == 1
    assert html.count('<figure class="live-figure watch" data-watch>') == 1
    assert re.search(r'<script src="[./]*javascripts/watch\.js" defer></script>', html)


def test_explorer_frames_stay_out_of_the_search_index(built_site):
    """Like figures and printed outputs, the explorers' frames are not indexed
    (sitebuild/search.py): 91 table rows and 24 printed tensors would crowd the index past its
    60 KB."""
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    docs = {d["location"]: d["text"] for d in json.loads(index)["docs"]}
    texts = {loc: text for loc, text in docs.items() if loc.startswith("activation/")}
    assert any("拖动滑块" in text for text in texts.values())  # the prose before them is there
    for location, text in texts.items():
        assert "（饱和区）" not in text and "输出层 / 第 1 层 =" not in text, location

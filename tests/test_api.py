"""Claims of the 什么是 API pages (docs/api/), checked against real torch."""

from __future__ import annotations

import math
import re
import warnings

import pytest
import torch
from conftest import ROOT, page_html, run_snippet

# --- concept.md ----------------------------------------------------------------------------------


def test_menu_diagram_draws_client_api_backend():
    run = run_snippet("api/concept_001.py")
    assert list(run.namespace["boxes"]) == ["client", "API", "backend"]
    svg = run.stdout
    assert svg.lstrip().startswith('<figure class="live-figure">')
    assert "<title>API 就像餐厅的菜单" in svg
    for label in ("client", "API", "backend", "menu", "kitchen", "request", "response"):
        assert f">{label}" in svg, label
    # the request arrows point right (client -> backend), the response arrows point left
    arrows = run.namespace["arrows"]
    assert [a[1] > a[0] for a in arrows] == [True, True, False, False]


def test_pytorch_is_a_menu_over_a_cpp_kitchen():
    run = run_snippet("api/concept_002.py")
    assert run.namespace["y"].item() == 0.5
    # sigma'(0) = sigma(0) (1 - sigma(0)) = 0.25
    assert run.namespace["x"].grad.item() == 0.25 == 0.5 * (1 - 0.5)
    lines = run.stdout.splitlines()
    assert lines[0] == "torch.sigmoid(0.) = tensor(0.5000, grad_fn=<SigmoidBackward0>)"
    assert lines[1] == "x.grad = tensor(0.2500)"
    assert lines[2] == "type(torch.sigmoid): builtin_function_or_method"
    assert lines[3].endswith("True")
    assert lines[4] == "torch._C 是编译好的扩展模块: True"  # no machine-dependent file name
    assert "cpython" not in run.stdout
    assert lines[5] == "backward 的引擎: <class 'torch._C._EngineBase'>"


def test_sigmoid_has_no_python_source():
    """The prose: the kitchen's source code is not Python."""
    import inspect

    with pytest.raises(TypeError):
        inspect.getsource(torch.sigmoid)


# --- gradient_apis.md: API 1 --------------------------------------------------------------------


def test_standard_training_code_and_hand_formula():
    run = run_snippet("api/gradient_apis_001.py")
    w, x = run.namespace["w"], run.namespace["x"]
    assert run.namespace["result"] is None  # backward() returns None
    expected = 2 * (x * w.detach() - 7.0) * x
    assert torch.allclose(w.grad, expected)
    assert torch.equal(run.namespace["by_hand"], w.grad)
    lines = run.stdout.splitlines()
    assert lines[0] == "w = tensor([1.5410], requires_grad=True)"
    assert lines[1] == "w 的梯度: tensor([-15.6720])"
    assert lines[2] == "backward() 的返回值: None"
    assert lines[3] == "手算 2·(x·w − 7)·x = tensor([-15.6720])"


def test_erratum_if_w_grad_is_not_a_way_to_zero():
    run = run_snippet("api/gradient_apis_002.py")
    lines = run.stdout.splitlines()
    assert lines[0] == "backward 之前 w.grad = None"
    assert run.namespace["w"].grad is None
    assert lines[1] == "bool(tensor([0.])) = False"
    assert lines[2] == "一次 backward 之后 W.grad = tensor([2., 2., 2.])"
    message = "Boolean value of Tensor with more than one value is ambiguous"
    assert lines[3] == f"RuntimeError: {message}"
    # still raised by torch itself, and the gradient was not zeroed
    with pytest.raises(RuntimeError, match=message):
        bool(run.namespace["W"].grad)
    assert run.namespace["W"].grad.tolist() == [2.0, 2.0, 2.0]
    # with one element, `if w.grad` does test the value: a nonzero gradient is truthy
    assert bool(torch.tensor([-15.672])) is True


def test_three_correct_ways_to_clear_a_gradient():
    run = run_snippet("api/gradient_apis_003.py")
    lines = run.stdout.splitlines()
    assert lines[0] == "写法 1 之后 W.grad = tensor([0., 0., 0.])"
    assert lines[1] == "写法 2 之后 W.grad = None"
    assert lines[2] == "写法 3 之后 W.grad = None"  # zero_grad() sets to None by default
    assert lines[3] == "清零后再 backward 一次 W.grad = tensor([2., 2., 2.])"
    assert run.namespace["W"].grad.tolist() == [2.0, 2.0, 2.0]


def test_zero_grad_default_is_set_to_none():
    import inspect

    default = inspect.signature(torch.optim.Optimizer.zero_grad).parameters["set_to_none"].default
    assert default is True


# --- gradient_apis.md: API 2 --------------------------------------------------------------------


def test_autograd_grad_returns_a_tuple_and_leaves_grad_alone():
    run = run_snippet("api/gradient_apis_004.py")
    grads = run.namespace["grads"]
    assert isinstance(grads, tuple) and len(grads) == 1
    assert run.namespace["w"].grad is None
    # same number as API 1's w.grad
    api1 = run_snippet("api/gradient_apis_001.py")
    assert torch.equal(run.namespace["dw"], api1.namespace["w"].grad)
    lines = run.stdout.splitlines()
    assert lines == [
        "返回值的类型: tuple，长度 1",
        "grads = (tensor([-15.6720]),)",
        "d loss / d w = tensor([-15.6720])",
        "w.grad = None",
    ]
    # inputs given as a dict: the gradients come back as a dict with the same keys
    w = torch.tensor([1.0], requires_grad=True)
    by_name = torch.autograd.grad((w * 2.0 - 7.0).pow(2).sum(), {"w": w})
    assert isinstance(by_name, dict) and list(by_name) == ["w"]
    # "对 x 求导" names the variable: inputs, not outputs
    page = (ROOT / "docs" / "api" / "gradient_apis.md").read_text(encoding="utf-8")
    assert "“对谁求导”（`outputs`" not in page
    assert "求导”（`inputs`，一个张量或一组张量）" in page


def test_both_apis_need_requires_grad_before_the_computation():
    """The intro tip: tracking must be on before the loss is computed, for either API."""
    w = torch.tensor([1.0])
    loss = (w * 2.0 - 7.0) ** 2
    w.requires_grad_(True)
    with pytest.raises(RuntimeError, match="does not require grad"):
        loss.backward()
    with pytest.raises(RuntimeError, match="does not require grad"):
        torch.autograd.grad(loss, [w])


# --- gradient_apis.md: side by side --------------------------------------------------------------


def test_returns_and_where_the_gradient_goes():
    run = run_snippet("api/gradient_apis_005.py")
    ns = run.namespace
    # y = w x + b, x = 2, w = 1, b = 0.5: error = -4.5
    assert ns["w1"].grad.item() == 2 * (-4.5) * 2 == -18.0
    assert ns["b1"].grad.item() == 2 * (-4.5) == -9.0
    assert ns["w2"].grad is None and ns["b2"].grad is None
    # backward(inputs=[b3]) fills only the named leaf; the other leaf's .grad stays None
    assert ns["w3"].grad is None and ns["b3"].grad.item() == -9.0
    assert run.stdout.splitlines() == [
        "backward() 返回: None",
        "  w1.grad = tensor(-18.) | b1.grad = tensor(-9.)",
        "autograd.grad() 返回: (tensor(-9.),)",
        "  w2.grad = None | b2.grad = None",
        "backward(inputs=[b3]) 返回: None",
        "  w3.grad = None | b3.grad = tensor(-9.)",
    ]
    # the table: backward() reaches every leaf that requires grad, unless inputs= names some
    page = (ROOT / "docs" / "api" / "gradient_apis.md").read_text(encoding="utf-8")
    assert "| 对谁求梯度 | 图里所有需要梯度的叶子；传 `inputs=` 则只算点名的 |" in page


def test_backward_accumulates_autograd_grad_does_not():
    run = run_snippet("api/gradient_apis_006.py")
    lines = run.stdout.splitlines()
    # d/dw (2w - 7)^2 at w = 1: 2 * (2 - 7) * 2 = -20
    assert [line.split("= ")[-1] for line in lines[:3]] == ["-20.0", "-40.0", "-60.0"]
    for line in lines[3:]:
        assert "返回 -20.0，w.grad = None" in line
    assert len(lines) == 6
    assert run.namespace["w"].grad is None


def test_both_apis_free_the_graph_and_retain_graph_keeps_it():
    # what the page says (the demonstration is on autograd/retain_graph.md): autograd.grad frees
    # the graph, then backward on it fails
    w = torch.tensor(1.0, requires_grad=True)
    loss = (w * 2.0 - 7.0) ** 2
    torch.autograd.grad(loss, [w])
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        loss.backward()
    # the table's "同左": backward frees the graph too, and keeps it with retain_graph=True
    loss = (w * 2.0 - 7.0) ** 2
    loss.backward(retain_graph=True)
    loss.backward()
    assert w.grad.item() == -40.0
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        loss.backward()


def test_second_derivative_with_create_graph():
    run = run_snippet("api/gradient_apis_007.py")
    ns = run.namespace
    x = 3.0
    assert ns["dy"].item() == 3 * x**2 == 27.0
    assert ns["d2y"].item() == 6 * x == 18.0
    assert ns["dy"].requires_grad and not ns["dy_plain"].requires_grad
    lines = run.stdout.splitlines()
    assert lines[0] == "一阶导 3x² = tensor(27., grad_fn=<MulBackward0>)"
    assert lines[1] == "二阶导 6x  = tensor(18.)"
    assert lines[2] == "不加 create_graph 时一阶导 requires_grad = False"
    assert lines[3] == (
        "RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn"
    )


def test_backward_create_graph_mixes_orders_and_warns():
    run = run_snippet("api/gradient_apis_008.py")
    lines = run.stdout.splitlines()
    first, mixed = "tensor(27., grad_fn=<CopyBackwards>)", "tensor(45., grad_fn=<CopyBackwards>)"
    assert lines[0] == f"backward(create_graph=True) 之后 x.grad = {first}"
    assert lines[1] == f"再对 x.grad 做 backward 之后 x.grad = {mixed}"
    assert 27 + 18 == 45
    assert lines[2].startswith("UserWarning: Using backward() with create_graph=True")
    # what the warning is about: a reference cycle between the parameter and its gradient
    assert "will create a reference cycle between the parameter and its gradient" in lines[2]
    assert "which can cause a memory leak" in lines[2]
    assert "We recommend using autograd.grad" in lines[2]
    assert "reset the .grad fields of your parameters to None" in lines[2]
    assert run.namespace["x"].grad is None
    # the page: x.grad carries a graph, and that graph leads back to x itself
    x = torch.tensor(3.0, requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (x**3).backward(create_graph=True)
    fn, reached = x.grad.grad_fn, False
    while fn is not None and not reached:
        reached = getattr(fn, "variable", None) is x
        fn = next((nxt for nxt, _ in fn.next_functions if nxt is not None), None)
    assert reached
    # the page and its table say what the warning says, not "the orders get mixed, so it warns"
    page = (ROOT / "docs" / "api" / "gradient_apis.md").read_text(encoding="utf-8")
    assert "混进同一个 `.grad`，PyTorch 会警告" not in page
    assert "PyTorch 警告参数与 `.grad` 之间形成引用循环、可能内存泄漏" in page
    assert "**引用循环**（reference cycle）" in page
    # the warning is a once-per-process torch warning: the snippet must show it on every run
    # (mkdocs serve rebuilds, a second page) and leave torch's warn-always switch as it was
    again = run_snippet("api/gradient_apis_008.py")
    assert again.stdout == run.stdout
    assert torch.is_warn_always_enabled() is False


def test_gradient_penalty_combines_both_apis():
    run = run_snippet("api/gradient_apis_009.py")
    ns = run.namespace
    weight = ns["model"].weight.detach()
    norm = weight.norm()
    assert torch.allclose(ns["penalty"].detach(), (norm - 1) ** 2)
    expected = 2 * (norm - 1) * weight / norm
    assert torch.allclose(ns["model"].weight.grad, expected)
    # the input gradient of a linear model is W itself, for every sample
    assert torch.allclose(ns["grad_x"].detach(), weight.expand(4, 2))
    lines = run.stdout.splitlines()
    assert lines[1] == "x.grad 没被污染: None"
    shown = re.fullmatch(
        r"梯度惩罚 penalty = tensor\((\d\.\d{4}), grad_fn=<MeanBackward0>\)", lines[0]
    )
    assert shown and float(shown[1]) == round(ns["penalty"].item(), 4)
    assert not math.isclose(ns["penalty"].item(), 0.0)


# --- built pages ---------------------------------------------------------------------------------


def test_concept_page_shows_diagram_and_live_output(built_site):
    html = page_html(built_site, "api/concept")
    assert '<svg role="img" aria-label="API 就像餐厅的菜单' in html
    assert "<title>API 就像餐厅的菜单" in html
    assert "tensor(0.2500)" in html
    assert "builtin_function_or_method" in html
    assert "torch._C._EngineBase" in html
    assert 'href="../gradient_apis/"' in html
    for callout in ("admonition tip", "admonition example", "admonition note", "admonition info"):
        assert callout in html
    assert "[!tip]" not in html and "[!example]" not in html


def test_gradient_apis_page_shows_live_output(built_site):
    html = page_html(built_site, "api/gradient_apis")
    assert "tensor([-15.6720])" in html
    assert "Boolean value of Tensor with more than one value is ambiguous" in html
    assert "admonition bug" in html
    assert "tensor(45., grad_fn=&lt;CopyBackwards&gt;)" in html
    assert "tensor(18.)" in html
    assert "Trying to backward through the graph a second time" in html
    assert 'href="../../autograd/retain_graph/"' in html
    assert 'href="../../autograd/requires_grad/#4-梯度存储"' in html


def test_optimizers_only_read_grad():
    """怎么选: an optimizer steps from .grad, so autograd.grad's returned gradient moves nothing."""
    w = torch.tensor([1.0], requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    (dw,) = torch.autograd.grad((w * 2.0 - 7.0).pow(2).sum(), [w])
    optimizer.step()
    assert w.tolist() == [1.0]  # .grad is None: the returned dw was never seen
    (w * 2.0 - 7.0).pow(2).sum().backward()
    optimizer.step()
    assert torch.allclose(w.detach(), torch.tensor([1.0]) - 0.1 * dw)


# --- 动手练习 -------------------------------------------------------------------------------------


def test_exercise_predict_what_autograd_grad_returns():
    run = run_snippet("api/gradient_apis_010.py")
    assert run.stdout.splitlines() == ["梯度   = tensor([6., 3.])", "x.grad = None"]
    assert run.namespace["x"].grad is None
    # discriminating: d(3 x2)/dx2 = 3, not 3 x2 = -3; d(x1^2)/dx1 = 2 x1 = 6, not x1^2 = 9
    x = run.namespace["x"].detach()
    right, wrong = [2 * x[0].item(), 3.0], [x[0].item() ** 2, 3 * x[1].item()]
    assert run.namespace["grad"].tolist() == right == [6.0, 3.0] and wrong == [9.0, -3.0]
    page = (ROOT / "docs" / "api" / "gradient_apis.md").read_text(encoding="utf-8")
    assert "练习 1（预测）" in page and "（不是 $3x_2 = -3$）" in page
    # the question shows the code without giving the answer away in a comment
    assert "(6, 3)" not in (ROOT / "snippets" / "api" / "gradient_apis_010.py").read_text()


SECOND_TIME = "Trying to backward through the graph a second time"


def test_exercise_debug_two_apis_on_one_graph():
    broken = run_snippet("api/gradient_apis_011.py")
    lines = broken.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"RuntimeError: {SECOND_TIME}")
    assert "Specify retain_graph=True" in lines[0]
    assert broken.namespace["w"].grad is None
    # still raised by torch
    w, x = torch.tensor([0.5, -1.0], requires_grad=True), torch.tensor([2.0, 3.0])
    loss = ((w * x).sum() - 1.0) ** 2
    torch.autograd.grad(loss, w)
    with pytest.raises(RuntimeError, match=SECOND_TIME):
        loss.backward()
    fixed = run_snippet("api/gradient_apis_012.py")
    assert torch.equal(fixed.namespace["by_grad"], fixed.namespace["w"].grad)
    assert fixed.namespace["w"].grad.tolist() == [-12.0, -18.0]  # 2·(w·x − 1)·x, w·x = −2
    assert fixed.stdout.splitlines() == [
        "autograd.grad: tensor([-12., -18.])",
        "backward     : tensor([-12., -18.])",
        "相同: True",
    ]


def test_exercise_derive_sigmoid_slope_at_two():
    run = run_snippet("api/concept_003.py")
    assert run.stdout.splitlines() == [
        "autograd     : σ'(2) = 0.104994",
        "公式 σ(1 − σ): σ'(2) = 0.104994",
    ]
    s = 1 / (1 + math.exp(-2))
    assert run.namespace["x"].grad.item() == pytest.approx(s * (1 - s), rel=1e-6)
    # x = 0 does not tell sigma (1 - sigma) from sigma^2; x = 2 does, and from 1 - sigma too
    assert 0.5 * (1 - 0.5) == 0.5**2 == 0.25 and 1 - 0.5 == 0.5
    assert round(s, 4) == 0.8808 and round(1 - s, 4) == 0.1192
    assert round(s * s, 4) == 0.7758 and round(s * (1 - s), 4) == 0.1050
    page = (ROOT / "docs" / "api" / "concept.md").read_text(encoding="utf-8")
    assert "分别是 0.25、0.25、0.5，前两个分不出来" in page
    assert "错把 $\\sigma^2$ 当导数会得到约 0.7758，错用 $1-\\sigma$ 会得到约 0.1192" in page


def test_exercise_debug_a_float_is_not_a_tensor():
    broken = run_snippet("api/concept_004.py")
    message = "sigmoid(): argument 'input' (position 1) must be Tensor, not float"
    assert broken.stdout.splitlines() == [f"TypeError: {message}"]
    with pytest.raises(TypeError, match=re.escape(message)):
        torch.sigmoid(2.0)
    fixed = run_snippet("api/concept_005.py")
    assert fixed.stdout.splitlines() == ["torch.sigmoid(torch.tensor(2.0)) = tensor(0.8808)"]

"""Claims of the 自动求导 pages (docs/autograd/), checked against real torch."""

from __future__ import annotations

import re

import pytest
import torch
from conftest import ROOT, page_html, run_snippet, widget_frames

from sitebuild.execution import run


def test_requires_grad_defaults():
    run = run_snippet("autograd/requires_grad_001.py")
    assert run.namespace["x"].requires_grad is False
    assert run.namespace["layer"].weight.requires_grad is True
    assert run.namespace["layer"].bias.requires_grad is True
    assert "x.requires_grad = False" in run.stdout


def test_two_ways_to_set_requires_grad():
    run = run_snippet("autograd/requires_grad_002.py")
    assert run.namespace["x"].requires_grad and run.namespace["w"].requires_grad
    assert run.namespace["w"].is_leaf


def test_propagation_rule_and_its_exceptions():
    run = run_snippet("autograd/requires_grad_003.py")
    a, b = run.namespace["a"], run.namespace["b"]
    assert run.namespace["c"].requires_grad is True
    # "only if" holds: no input tracks gradients -> the output does not either
    assert (b * 2).requires_grad is False
    # the erratum: "if" fails. An input tracks gradients, the output does not:
    # non-differentiable ops, and the same op under no_grad
    assert (a > 1.5).requires_grad is False
    i = run.namespace["i"]
    assert i.requires_grad is False and i.dtype == torch.int64
    with torch.no_grad():
        assert (a * 2).requires_grad is False
    # "而且结果是浮点数": the same differentiable conversion tracks to float64, not to int64
    assert a.to(torch.float64).requires_grad is True
    assert a.to(torch.int64).requires_grad is False
    # indexing with that integer is differentiable: the gradient reaches the chosen element
    picked = a[i]
    assert picked.requires_grad is True
    picked.backward()
    assert a.grad.tolist() == [0.0, 1.0]
    assert run.stdout.splitlines() == [
        "c = a + b        -> True",
        "b * 2（只有 b）  -> False",
        "a > 1.5          -> False",
        "i = a.argmax()   -> False   i = tensor(1)  dtype = torch.int64",
        "a[i]             -> True",
    ]
    # the erratum's wording: the note's "if and only if" is refuted in its "if" direction
    page = (ROOT / "docs" / "autograd" / "requires_grad.md").read_text(encoding="utf-8")
    assert "不是“当且仅当”，只是“仅当”" in page
    assert "“**当**”（有输入追踪梯度 ⇒ 输出追踪梯度）不成立" in page


def test_no_grad_switches_off_recording_not_the_flag():
    run = run_snippet("autograd/requires_grad_004.py")
    assert run.namespace["y"].requires_grad is False
    assert run.namespace["w"].requires_grad is True
    # a tensor created inside no_grad with requires_grad=True is a leaf that tracks gradients
    t = run.namespace["t"]
    assert t.requires_grad is True and t.is_leaf and t.grad_fn is None
    with torch.no_grad():
        assert torch.zeros(2, requires_grad=True).requires_grad
    (t * 3).sum().backward()
    assert t.grad.tolist() == [3.0, 3.0]
    assert "块内新建的 t.requires_grad   = True" in run.stdout
    assert "(w * 2).requires_grad = True" in run.stdout


def test_views_taken_inside_no_grad_say_requires_grad_but_are_not_recorded():
    """The warning callout at the end of section 4: w[0] / w[:1] inside no_grad."""
    run = run_snippet("autograd/requires_grad_009.py")
    ns = run.namespace
    y, v, u, w = ns["y"], ns["v"], ns["u"], ns["w"]
    assert y.requires_grad is False and y.grad_fn is None
    assert v.requires_grad is True and v.grad_fn is None  # the flag says True, nothing recorded
    assert v.data_ptr() == w.data_ptr()  # "和 w 共用同一块内存"
    assert v.is_leaf and v.grad is None  # a leaf that tracks gradients, yet .grad stays None
    assert u.grad_fn.name() == "SelectBackward0"
    assert w.grad.tolist() == [3.0, 0.0]  # only u's backward reached w
    assert run.warnings == []  # backward through v raises nothing and warns nothing
    assert run.stdout.splitlines() == [
        "块内 y = w * 2: requires_grad = False  grad_fn = None",
        "块内 v = w[0] : requires_grad = True  grad_fn = None",
        "对 v * 3 反向传播之后，w.grad = None  v.grad = None",
        "块外 u = w[0] : tensor(1., grad_fn=<SelectBackward0>)",
        "对 u * 3 反向传播之后，w.grad = tensor([3., 0.])",
    ]
    # slicing behaves the same; a computed result (w * 2) does not
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    with torch.no_grad():
        part = w[:1]
    assert part.requires_grad is True and part.grad_fn is None
    part.sum().backward()
    assert w.grad is None


def test_x_grad_is_nine_nine():
    run = run_snippet("autograd/requires_grad_005.py")
    assert run.namespace["x"].grad.tolist() == [9.0, 9.0]
    assert run.stdout.strip() == "tensor([9., 9.])"
    # the page's derivation: d out / dx_i = 3 (x_i + 2)
    x = run.namespace["x"].detach()
    assert torch.equal(run.namespace["x"].grad, 3 * (x + 2))


def test_gradients_accumulate_until_zeroed():
    run = run_snippet("autograd/requires_grad_007.py")
    lines = run.stdout.splitlines()
    assert "tensor([9., 9.])" in lines[0]
    assert "tensor([18., 18.])" in lines[1]
    assert "tensor([27., 27.])" in lines[2]
    assert run.namespace["x"].grad.tolist() == [0.0, 0.0]


def test_chain_rule_formula_equals_autograd():
    """Moved from the loss page: its hand formula, checked against autograd."""
    run = run_snippet("autograd/requires_grad_008.py")
    ns = run.namespace
    assert torch.allclose(ns["grad_w"], ns["w"].grad)
    assert torch.allclose(ns["grad_b"], ns["b"].grad)
    assert not torch.allclose(ns["grad_w"], 6 * ns["w"].grad)  # 1/N matters
    assert "两者一致: True" in run.stdout
    assert "∂loss/∂w  公式: 3.345603   autograd: 3.345603" in run.stdout
    # the same two numbers the loss page computed by hand
    loss_page = run_snippet("loss/mse_004.py")
    assert torch.allclose(loss_page.namespace["grad_w"], ns["w"].grad)
    assert torch.allclose(loss_page.namespace["grad_b"], ns["b"].grad)


def _saved_by(compute):
    """The tensors autograd saves for backward while `compute` runs."""
    saved = []

    def pack(tensor):
        saved.append(tensor)
        return tensor

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
        out = compute()
    return out, saved


def test_no_grad_and_inference_mode_save_nothing_for_backward():
    run = run_snippet("autograd/requires_grad_010.py")
    x, w = run.namespace["x"], run.namespace["w"]
    assert run.stdout.splitlines() == [
        "照常录制      : 建了计算图，为反向传播保存了 2 个张量、8000 字节",
        "no_grad       : 没有计算图，为反向传播保存了 0 个张量、0 字节",
        "inference_mode: 没有计算图，为反向传播保存了 0 个张量、0 字节",
    ]
    # the page: the multiplication saves x, sigmoid saves its output; 1000 float32 = 4000 bytes
    out, saved = _saved_by(lambda: torch.sigmoid(x * w))
    assert len(saved) == 2
    assert torch.equal(saved[0], x) and torch.equal(saved[1], out.detach())
    assert sum(t.numel() * t.element_size() for t in saved) == 2 * 1000 * 4
    # the page: saving is a reference, not a copy. The multiplication keeps x itself ...
    assert saved[0].data_ptr() == x.data_ptr()
    # ... while the sigmoid output (4000 bytes) is kept alive by the graph alone until backward
    assert saved[1].data_ptr() == out.data_ptr() != x.data_ptr()
    assert saved[1].numel() * saved[1].element_size() == 4000
    import weakref

    kept = []

    def pack(tensor):
        kept.append(weakref.ref(tensor))
        return tensor

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
        total = torch.sigmoid(x * w).sum()  # no variable refers to the sigmoid output
    assert kept[1]() is not None  # the graph holds it
    total.backward()
    assert kept[1]() is None  # freed once backward has used it
    with torch.no_grad():
        probabilities = torch.sigmoid(x * w)
        gone = weakref.ref(probabilities)
        total = probabilities.sum()
        del probabilities
    assert gone() is None  # without recording it is freed as soon as .sum() is done
    for mode in (torch.no_grad, torch.inference_mode):
        with mode():
            out, saved = _saved_by(lambda: torch.sigmoid(x * w))
        assert saved == [] and out.grad_fn is None


INFERENCE = "Inference tensors cannot be saved for backward."


def test_inference_tensors_cannot_be_saved_for_backward():
    run = run_snippet("autograd/requires_grad_011.py")
    ns = run.namespace
    assert torch.is_inference(ns["h_inference"]) and not torch.is_inference(ns["h_no_grad"])
    assert not ns["h_inference"].requires_grad and not ns["h_no_grad"].requires_grad
    assert torch.equal(ns["w"].grad, ns["h_no_grad"])  # d/dw sum(h * w) = h
    lines = run.stdout.splitlines()
    assert lines[0] == "no_grad       : requires_grad = False，is_inference = False"
    assert lines[1] == "inference_mode: requires_grad = False，is_inference = True"
    assert lines[-1].startswith(f"RuntimeError: {INFERENCE}")
    assert "use `torch.no_grad()` instead of `torch.inference_mode()`" in lines[-1]
    with pytest.raises(RuntimeError, match=re.escape(INFERENCE)):
        ns["h_inference"] * ns["w"]


def test_requires_grad_page_shows_live_output(built_site):
    html = page_html(built_site, "autograd/requires_grad")
    assert "tensor([9., 9.])" in html
    assert "tensor([27., 27.])" in html
    assert "两者一致: True" in html
    assert "8000 字节" in html and "Inference tensors cannot be saved for backward" in html
    assert 'href="#5-关掉录制省下了什么"' in html
    assert "对 u * 3 反向传播之后，w.grad = tensor([3., 0.])" in html


# --- the computation graph of the x.grad = [9, 9] example (sitekit.autograd_graph) -----------

NO_GRAD_FN = "element 0 of tensors does not require grad and does not have a grad_fn"
SECOND_TIME = (
    "Trying to backward through the graph a second time (or directly access saved tensors "
    "after they have already been freed). Saved intermediate values of the graph are freed "
    "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
    "backward through the graph a second time or if you need to access saved tensors after "
    "calling backward."
)


def test_graph_walk_of_the_x_grad_example():
    from sitekit.autograd_graph import walk

    x = torch.ones(2, requires_grad=True)
    y = x + 2
    z = y * y * 3
    out = z.mean()
    graph = walk(out, names={"x": x, "y": y, "z": z, "out": out})
    assert graph.names == [
        "MeanBackward0",
        "MulBackward0",
        "MulBackward0",
        "AddBackward0",
        "AccumulateGrad",
    ]
    # y * y uses y twice: two edges from that MulBackward0 to AddBackward0
    assert graph.edges == [(0, 1), (1, 2), (2, 3), (2, 3), (3, 4)]
    assert graph.depths() == [0, 1, 2, 3, 4]
    assert [n.tensor for n in graph.nodes] == ["out", "z", None, "y", "x"]
    assert [n.saved for n in graph.nodes] == [[], ["other"], ["other", "self"], [], []]
    assert all(not n.freed for n in graph.nodes)
    out.backward()
    after = walk(out)
    assert after.names == graph.names and after.edges == graph.edges  # the structure survives
    assert [n.freed for n in after.nodes] == [[], ["other"], ["other", "self"], [], []]


def test_graph_layout_is_top_to_bottom_and_fits():
    from sitekit.autograd_graph import MIN_WIDTH, graph_size, layout, walk

    a = torch.rand(3, requires_grad=True)
    p = torch.softmax(a, dim=0)
    graph = walk(p[1], p[2])
    expected = ["SelectBackward0", "SoftmaxBackward0", "AccumulateGrad", "SelectBackward0"]
    assert graph.names == expected
    assert graph.edges == [(0, 1), (1, 2), (3, 1)]
    centre = layout(graph)
    ys = [centre[i][1] for i in range(4)]
    assert ys[0] == ys[3] > ys[1] > ys[2]  # outputs on top, the leaf at the bottom
    assert centre[0][0] < centre[3][0]
    width, height = graph_size(graph)
    assert width >= MIN_WIDTH and height > 0
    with pytest.raises(ValueError):
        walk(torch.ones(1))


def _chain_rule_holds(step):
    """What a node sent on = the gradient it received times its local derivative."""
    for sent, local in zip(step.sent, step.local, strict=False):
        if sent is not None:
            assert torch.allclose(step.arriving.reshape(-1) @ local, sent.reshape(-1))


def test_x_grad_stepper_replays_the_real_backward():
    run = run_snippet("autograd/requires_grad_006.py")
    recorder = run.namespace["recorder"]
    (backward,) = recorder.passes
    assert backward.call == "out.backward()" and backward.error is None
    visited = [type(step.node).__name__ for step in backward.steps]
    assert visited == ["MeanBackward0", "MulBackward0", "MulBackward0", "AddBackward0",
                       "AccumulateGrad"]  # fmt: skip
    # the same run again, asking torch for each intermediate result's gradient
    x = torch.ones(2, requires_grad=True)
    y = x + 2
    yy = y * y
    z = yy * 3
    out = z.mean()
    for t in (y, yy, z, out):
        t.retain_grad()
    out.backward()
    arriving = [step.arriving for step in backward.steps]
    for got, expected in zip(arriving, [out.grad, z.grad, yy.grad, y.grad, x.grad], strict=True):
        assert torch.equal(got, expected)
    for step in backward.steps[:-1]:
        _chain_rule_holds(step)
    assert torch.equal(backward.steps[1].local[0].diagonal(), torch.tensor([3.0, 3.0]))
    assert backward.steps[-1].leaf_grad.tolist() == [9.0, 9.0] == run.namespace["x"].grad.tolist()
    # the y * y node sent two gradients to AddBackward0, which received their sum
    assert [s.tolist() for s in backward.steps[2].sent] == [[4.5, 4.5], [4.5, 4.5]]
    frames = widget_frames(run.stdout)
    assert [f["label"] for f in frames] == ["前向"] + [f"第 {k}/5 步" for k in range(1, 6)]
    assert "AddBackward0（y）收到 2 条边送来的梯度之和 tensor([9., 9.])" in frames[4]["text"]
    assert "累加进叶子的 .grad，现在是 tensor([9., 9.])" in frames[5]["text"]
    # the graph: forward values next to the nodes, saved tensors as before backward
    assert "out = 27" in run.stdout and "z = [27, 27]" in run.stdout and "x = [1, 1]" in run.stdout
    assert "saved: other, self" in run.stdout and "freed" not in run.stdout.split("<ol")[0]
    # each node's gradient is written next to it from the step it arrives: step 4 shows four
    svg = run.stdout.split("<ol")[0]
    for grad in ("grad 1", "grad [0.5, 0.5]", "grad [1.5, 1.5]", "grad [9, 9]"):
        assert grad in svg
    assert sum("-reveal-" in i for i in frames[4]["marked"]) == 4


def test_x_grad_stepper_follows_the_snippet():
    """Change the snippet's code and the stepper changes with it: nothing in it is typed."""
    path = ROOT / "snippets" / "autograd" / "requires_grad_006.py"
    code = path.read_text(encoding="utf-8")
    assert code.count("z = yy * 3") == 1
    printed, namespace = run(code.replace("z = yy * 3", "z = yy * 4"), str(path))
    steps = namespace["recorder"].passes[0].steps
    assert steps[-1].leaf_grad.tolist() == [12.0, 12.0]  # mean(4(x+2)^2)' = 4(x+2) at x = 1
    assert torch.equal(steps[1].local[0].diagonal(), torch.tensor([4.0, 4.0]))
    assert "现在是 tensor([12., 12.])" in widget_frames(printed)[-1]["text"]
    assert "z = [36, 36]" in printed


# --- 常见陷阱：三幕剧 -------------------------------------------------------------------------


def test_act_one_no_grad_fn():
    run = run_snippet("autograd/three_acts_001.py")
    w, mse = run.namespace["w"], run.namespace["mse"]
    assert w.dtype == torch.float32 and w.requires_grad is False
    assert mse.grad_fn is None and mse.item() == 1.0
    assert f"autograd.grad -> RuntimeError: {NO_GRAD_FN}" in run.stdout
    assert f"mse.backward() -> RuntimeError: {NO_GRAD_FN}" in run.stdout
    with pytest.raises(RuntimeError, match=re.escape(NO_GRAD_FN)):
        torch.autograd.grad(mse, [w])


def test_act_two_switching_on_later_does_not_help():
    run = run_snippet("autograd/three_acts_002.py")
    w, mse = run.namespace["w"], run.namespace["mse"]
    assert w.requires_grad is True
    assert mse.grad_fn is None and mse.requires_grad is False
    assert run.stdout.splitlines()[-1] == f"RuntimeError: {NO_GRAD_FN}"
    with pytest.raises(RuntimeError, match=re.escape(NO_GRAD_FN)):
        torch.autograd.grad(mse, [w])


def test_act_three_succeeds_with_gradient_two():
    run = run_snippet("autograd/three_acts_003.py")
    lines = run.stdout.splitlines()
    assert lines[1] == "autograd.grad 返回: (tensor([2.]),)"
    assert lines[2].endswith("w.grad = None")  # autograd.grad returns, does not store
    assert lines[3] == "backward 之后 w.grad = tensor([2.])"
    w, x = run.namespace["w"], run.namespace["x"]
    assert w.grad.tolist() == [2.0]
    # prediction first, target second: the input slot of MseLossBackward0 leads to x * w
    (input_fn, _), (target_fn, _) = run.namespace["mse"].grad_fn.next_functions
    assert input_fn.name() == "MulBackward0" and target_fn is None
    # the page's formula: d mse / dw = 2 (x w - y) x with y = 1
    assert torch.equal(w.grad, 2 * (x * w.detach() - 1) * x)


def test_mse_loss_takes_the_prediction_first_everywhere():
    """F.mse_loss(input=prediction, target=...): no snippet or page of these topics swaps them."""
    swapped = re.compile(r"mse_loss\(\s*torch\.ones")
    for folder in (
        "snippets/autograd",
        "snippets/loss",
        "snippets/api",
        "docs/autograd",
        "docs/loss",
        "docs/api",
    ):
        for path in (ROOT / folder).iterdir():
            assert not swapped.search(path.read_text(encoding="utf-8")), path


def test_autograd_grad_is_explained_before_the_first_act():
    page = (ROOT / "docs" / "autograd" / "three_acts.md").read_text(encoding="utf-8")
    explained = page.index("**`torch.autograd.grad(outputs, inputs)`**")
    # before the note's callout, the first place that names autograd.grad
    assert explained < page.index("> [!example]") < page.index("three_acts_001.py")
    assert "按 `inputs` 的顺序装进一个元组**返回**" in page


def test_act_three_graph_figure():
    run = run_snippet("autograd/three_acts_004.py")
    graph = run.namespace["graph"]
    assert graph.names == ["MseLossBackward0", "MulBackward0", "AccumulateGrad"]
    assert graph.edges == [(0, 1), (1, 2)]
    # the page: both backward nodes keep saved intermediate values
    assert graph.nodes[0].saved and graph.nodes[1].saved
    assert graph.nodes[2].tensor == "w"
    assert "<title>" in run.stdout


def test_same_mse_twice_fails_after_autograd_grad():
    run = run_snippet("autograd/three_acts_005.py")
    assert "第一次 autograd.grad: (tensor([2.]),)" in run.stdout
    assert f"RuntimeError: {SECOND_TIME}" in run.stdout


def test_integer_full_cannot_require_grad():
    run = run_snippet("autograd/three_acts_006.py")
    assert run.namespace["w"].dtype == torch.int64
    message = "only Tensors of floating point dtype can require gradients"
    assert f"RuntimeError: {message}" in run.stdout
    with pytest.raises(RuntimeError, match=message):
        torch.full([1], 2).requires_grad_()
    # the warning callout: floating point and complex tensors can
    assert torch.full([1], 2.0).requires_grad_().requires_grad
    assert torch.zeros(1, dtype=torch.cfloat).requires_grad_().requires_grad
    # "或者指定 dtype=torch.float32"
    assert torch.full([1], 2, dtype=torch.float32).requires_grad_().requires_grad


def test_three_acts_page_shows_live_output(built_site):
    html = page_html(built_site, "autograd/three_acts")
    assert "element 0 of tensors does not require grad" in html
    assert "backward 之后 w.grad = tensor([2.])" in html
    assert "only Tensors of floating point dtype can require gradients" in html
    assert html.count("<svg") >= 1 and "MseLossBackward0" in html


# --- 计算图的生命周期 --------------------------------------------------------------------------


def test_second_grad_without_retain_graph_fails():
    run = run_snippet("autograd/retain_graph_001.py")
    assert "tensor([0.4963, 0.7682, 0.0885]" in run.stdout  # seeded
    assert f"RuntimeError: {SECOND_TIME}" in run.stdout
    assert run.namespace["p"].grad_fn.name() == "SoftmaxBackward0"


def test_erratum_p_backward_fails_the_first_time():
    run = run_snippet("autograd/retain_graph_002.py")
    lines = run.stdout.splitlines()
    scalar_only = "grad can be implicitly created only for scalar outputs"
    assert lines[0] == f"第 1 次 p.backward() -> RuntimeError: {scalar_only}"
    assert "成功" in lines[1]
    assert lines[2] == f"第 2 次 p1.backward() -> RuntimeError: {SECOND_TIME}"
    # a vector output needs the `gradient` argument
    a = torch.rand(3, requires_grad=True)
    torch.softmax(a, dim=0).backward(torch.ones(3))
    assert a.grad is not None


def test_erratum_what_is_freed_are_saved_tensors():
    from sitekit.autograd_graph import walk

    run = run_snippet("autograd/retain_graph_003.py")
    assert run.namespace["x"].grad.tolist() == [2.0, 2.0]  # two backwards, no retain_graph
    assert "两次 backward 之后 x.grad = tensor([2., 2.])" in run.stdout
    assert "p.grad_fn 仍然是 SoftmaxBackward0" in run.stdout
    assert "['AccumulateGrad']" in run.stdout
    assert f"读取 _saved_result -> RuntimeError: {SECOND_TIME}" in run.stdout
    # (x + 2).sum() saves no tensor at all; softmax saves its result
    x = torch.ones(2, requires_grad=True)
    assert all(not n.saved for n in walk((x + 2).sum()).nodes)
    softmax = walk(torch.softmax(x, dim=0)).nodes[0]
    assert softmax.name == "SoftmaxBackward0" and softmax.saved == ["result"]


def test_retain_graph_figure():
    run = run_snippet("autograd/retain_graph_004.py")
    kept, freed = run.namespace["kept"], run.namespace["freed"]
    expected = ["SelectBackward0", "SoftmaxBackward0", "AccumulateGrad", "SelectBackward0"]
    assert kept.names == freed.names == expected
    assert kept.edges == freed.edges == [(0, 1), (1, 2), (3, 1)]  # p[1], p[2] share the softmax
    assert kept.nodes[1].saved == ["result"] and kept.nodes[1].freed == []
    assert freed.nodes[1].freed == ["result"]
    assert "<title>" in run.stdout and "freed: result" in run.stdout


def test_retain_graph_true_lets_the_second_grad_succeed():
    run = run_snippet("autograd/retain_graph_005.py")
    p, a = run.namespace["p"], run.namespace["a"]
    (g1,), (g2,) = run.namespace["grad_p1"], run.namespace["grad_p2"]
    # the page's formula: dp_i/da_j = p_i (delta_ij - p_j)
    q = p.detach()
    jacobian = torch.diag(q) - torch.outer(q, q)
    assert torch.allclose(g1, jacobian[1]) and torch.allclose(g2, jacobian[2])
    assert g1[1] > 0 and g1[0] < 0  # the page: own score up -> positive, others -> negative
    # the page numbers classes from 1 in formulas, from 0 in code: p[1] is p_2 (class 2)
    assert torch.allclose(g1[1], q[1] * (1 - q[1])) and torch.allclose(g1[0], -q[1] * q[0])
    page = (ROOT / "docs" / "autograd" / "retain_graph.md").read_text(encoding="utf-8")
    assert "下标和代码一样从 0 开始" not in page
    assert "代码里的 `p[1]` 是公式里的 $p_2$（第 2 个类别）" in page
    assert "∂p[2]/∂a = (tensor([-0.0750, -0.0985,  0.1735]),)" in run.stdout
    # the last call did not retain: the saved result is gone now
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        p.grad_fn._saved_result  # noqa: B018
    assert a.grad is None


def test_retain_graph_stepper_shows_where_the_third_grad_fails():
    run = run_snippet("autograd/retain_graph_013.py")
    first, second, third = run.namespace["recorder"].passes
    assert [first.call, second.call, third.call] == [
        "autograd.grad(p1, [a], retain_graph=True)",
        "autograd.grad(p2, [a])",
        "autograd.grad(p1, [a])",
    ]
    # the rows of the Jacobian diag(p) - p pᵀ, as autograd.grad returned them
    a = run.namespace["a"]
    p = torch.softmax(a.detach(), dim=0)
    jacobian = torch.diag(p) - torch.outer(p, p)
    assert torch.allclose(first.returned[0], jacobian[1])
    assert torch.allclose(second.returned[0], jacobian[2])
    softmax_steps = [run.steps[1] for run in (first, second, third)]
    assert {type(step.node).__name__ for step in softmax_steps} == {"SoftmaxBackward0"}
    assert torch.allclose(softmax_steps[0].local[0], jacobian)
    _chain_rule_holds(softmax_steps[1])
    # only the second call freed what SoftmaxBackward0 saved; the third reached it and failed
    assert not first.freed and [saved for _, saved in second.freed] == [["result"]]
    assert third.error == f"RuntimeError: {SECOND_TIME}" and not softmax_steps[2].sent
    with pytest.raises(RuntimeError, match=re.escape(SECOND_TIME)):
        torch.autograd.grad(run.namespace["p1"], [a])
    frames = widget_frames(run.stdout)
    assert len(frames) == 7 and frames[-1]["label"] == "第 6/6 步"
    assert SECOND_TIME in frames[-1]["text"]
    assert "保存的 result 已被释放" in frames[4]["text"]


def test_backward_frees_what_the_graph_saved_and_retain_graph_keeps_it():
    run = run_snippet("autograd/retain_graph_006.py")
    lines = run.stdout.splitlines()
    assert lines == [
        "前向计算之后，图为反向传播留着 4000 字节",
        "retain_graph=True 求一次梯度之后: 4000 字节",
        "默认行为再求一次梯度之后:      0 字节",
    ]
    assert 1000 * 4 == 4000  # softmax saves its output: 1000 float32 of 4 bytes
    assert run.namespace["Box"].held == 0
    # the page: an intermediate only the graph refers to is freed when the graph lets go of it
    import weakref

    refs = []

    def pack(tensor):
        refs.append(weakref.ref(tensor))
        return tensor

    a = torch.rand(1000, requires_grad=True)
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
        out = torch.softmax(a, dim=0).pow(2).sum()  # no variable keeps the probabilities
    assert len(refs) == 2 and all(ref() is not None for ref in refs)  # softmax and pow save p
    torch.autograd.grad(out, [a], retain_graph=True)
    assert all(ref() is not None for ref in refs)
    torch.autograd.grad(out, [a])
    assert all(ref() is None for ref in refs)


def test_higher_derivative_with_create_graph():
    run = run_snippet("autograd/retain_graph_007.py")
    assert run.namespace["dy_dx"].item() == 27.0  # 3 x^2 at x = 3
    assert run.namespace["d2y_dx2"].item() == 18.0  # 6 x
    assert "d²y/dx² = tensor(18.)" in run.stdout
    # the erratum: create_graph=True also retains the graph by default
    x = torch.tensor(3.0, requires_grad=True)
    y = x**3
    torch.autograd.grad(y, x, create_graph=True)
    assert torch.autograd.grad(y, x)[0].item() == 27.0


def test_erratum_retain_graph_alone_gives_no_higher_derivative():
    run = run_snippet("autograd/retain_graph_008.py")
    assert run.namespace["dy_dx"].requires_grad is False
    assert "requires_grad = False" in run.stdout
    assert f"对 dy/dx 再求导 -> RuntimeError: {NO_GRAD_FN}" in run.stdout


def test_several_second_derivatives_of_one_first_derivative_need_retain_graph():
    run = run_snippet("autograd/retain_graph_009.py")
    lines = run.stdout.splitlines()
    assert lines[0] == "g = tensor([4., 1.], grad_fn=<AddBackward0>)"
    assert lines[1] == "∂g[0]/∂x = (tensor([4., 2.]),)"
    assert lines[2] == f"∂g[1]/∂x -> RuntimeError: {SECOND_TIME}"
    assert lines[3] == "保留之后：∂g[0]/∂x = tensor([4., 2.])  ∂g[1]/∂x = tensor([2., 0.])"
    # the two rows are the Hessian of f = x1^2 x2 at (1, 2)
    hessian = torch.autograd.functional.hessian(
        lambda x: x[0] ** 2 * x[1], torch.tensor([1.0, 2.0])
    )
    ns = run.namespace
    assert torch.equal(torch.stack([ns["row0"], ns["row1"]]), hessian)
    assert hessian.tolist() == [[4.0, 2.0], [2.0, 0.0]]
    # still raised by torch: the second-order call frees the first derivative's graph
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (g,) = torch.autograd.grad(x[0] ** 2 * x[1], x, create_graph=True)
    torch.autograd.grad(g[0], x)
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        torch.autograd.grad(g[1], x)
    # the corrected erratum no longer says retain_graph is never needed for higher derivatives
    page = (ROOT / "docs" / "autograd" / "retain_graph.md").read_text(encoding="utf-8")
    assert "所以做高阶导数时不必再单独写" not in page
    assert "前几次仍要传 `retain_graph=True`" in page


def test_gan_like_two_losses_share_a_graph():
    run = run_snippet("autograd/retain_graph_010.py")
    assert f"不保留计算图 -> RuntimeError: {SECOND_TIME}" in run.stdout
    ns = run.namespace
    g_w, d_w, z = ns["g_w"], ns["d_w"], ns["z"]
    # d_w.grad / g_w.grad hold the first (retained) run; the failed run added only d_loss again.
    # Recompute: the retained run accumulates the gradients of BOTH losses on both parameters.
    g, d = g_w.detach().clone().requires_grad_(), d_w.detach().clone().requires_grad_()
    score = torch.sigmoid(d * (g * z))
    total = -torch.log(1 - score).mean() - torch.log(score).mean()
    total.backward()
    line = run.stdout.splitlines()[0]
    assert f"d_w.grad = tensor([{d.grad.item():.4f}])" in line
    assert f"g_w.grad = tensor([{g.grad.item():.4f}])" in line
    # the info callout: with fake.detach() for the discriminator no retain_graph is needed
    fake = g_w * z
    d_loss = -torch.log(1 - torch.sigmoid(d_w * fake.detach())).mean()
    before = g_w.grad.clone()
    d_loss.backward()
    assert torch.equal(g_w.grad, before)  # detach cut the generator's part off
    g_loss = -torch.log(torch.sigmoid(d_w * fake)).mean()  # fake scored again, not detached
    g_loss.backward()
    assert not torch.equal(g_w.grad, before)  # and no retain_graph was needed


def test_retain_graph_page_shows_live_output(built_site):
    html = page_html(built_site, "autograd/retain_graph")
    assert "Trying to backward through the graph a second time" in html
    assert "grad can be implicitly created only for scalar outputs" in html
    assert "freed: result" in html and "saved: result" in html
    assert "d²y/dx² = tensor(18.)" in html
    assert "4000 字节" in html and "∂g[1]/∂x -&gt; RuntimeError" in html


def test_requires_grad_page_has_the_graph_figure(built_site):
    html = page_html(built_site, "autograd/requires_grad")
    assert "MeanBackward0" in html and "AccumulateGrad" in html


# --- 动手练习 -------------------------------------------------------------------------------------


def test_exercise_predict_gradients_accumulate_until_zeroed():
    run = run_snippet("autograd/retain_graph_011.py")
    assert run.stdout.splitlines() == [
        "不清零，第 1 次之后 x.grad = 6.0",
        "不清零，第 2 次之后 x.grad = 12.0",
        "清零后再来一次 x.grad = 6.0",
    ]
    page = (ROOT / "docs" / "autograd" / "retain_graph.md").read_text(encoding="utf-8")
    assert "练习 1（预测）" in page and "第二次之后是 12，不是 6" in page


def test_exercise_derive_the_second_derivative_of_sigmoid():
    run = run_snippet("autograd/retain_graph_012.py")
    assert run.stdout.splitlines() == [
        "σ'(1)  autograd = 0.196612   公式 σ(1 − σ)          = 0.196612",
        "σ''(1) autograd = -0.090858   公式 σ(1 − σ)(1 − 2σ) = -0.090858",
    ]
    ns = run.namespace
    s = torch.sigmoid(torch.tensor(1.0, dtype=torch.float64)).item()
    first, second = s * (1 - s), s * (1 - s) * (1 - 2 * s)
    assert ns["ds"].item() == pytest.approx(first, rel=1e-6)
    assert ns["d2s"].item() == pytest.approx(second, rel=1e-6)
    assert ns["ds"].requires_grad and not ns["d2s"].requires_grad
    # discriminating: first and second derivative differ, and so do the wrong rules
    wrong = [first * (1 - first), first**2, first * (1 - s), first]
    assert second < 0 < first and all(abs(second - value) > 0.05 for value in wrong)
    assert first * (1 - first) > 0  # the page: "原样再套一次 ... 是正数"
    page = (ROOT / "docs" / "autograd" / "retain_graph.md").read_text(encoding="utf-8")
    assert "练习 2（推导）" in page
    assert "\\sigma'' = \\sigma' - 2\\sigma\\sigma' = \\sigma'\\,(1 - 2\\sigma)" in page


def test_exercise_predict_who_tracks_and_where_the_gradient_goes():
    run = run_snippet("autograd/requires_grad_012.py")
    assert run.stdout.splitlines() == [
        "c.requires_grad = True   d.requires_grad = False",
        "a.grad = tensor([3., 4.])",
        "b.grad = None",
    ]
    ns = run.namespace
    # discriminating: the gradient is b's values, neither all ones nor a's values
    assert torch.equal(ns["a"].grad, ns["b"]) and not torch.equal(ns["a"].grad, ns["a"].detach())


def test_exercise_derive_the_mean_of_cubes():
    run = run_snippet("autograd/requires_grad_013.py")
    assert run.stdout.splitlines() == [
        "autograd      : tensor([ 0.7500,  3.0000,  6.7500, 18.7500])",
        "公式 3·x_i²/4 : tensor([ 0.7500,  3.0000,  6.7500, 18.7500])",
        "一致: True",
    ]
    x = run.namespace["x"].detach()
    # the wrong answers the page names print other numbers
    assert (3 * x**2).tolist() == [3.0, 12.0, 27.0, 75.0]
    assert (3 * x / 4)[0].item() == -0.75
    page = (ROOT / "docs" / "autograd" / "requires_grad.md").read_text(encoding="utf-8")
    assert "四个数是 0.75、3、6.75、18.75。漏掉平均的 $\\frac{1}{4}$ 会得到 3、12、27、75" in page


def test_exercise_debug_the_prediction_computed_before_tracking():
    broken = run_snippet("autograd/three_acts_007.py")
    assert broken.stdout.splitlines() == ["mse = tensor(1.)", f"RuntimeError: {NO_GRAD_FN}"]
    assert broken.namespace["pred"].grad_fn is None and broken.namespace["w"].requires_grad
    with pytest.raises(RuntimeError, match=re.escape(NO_GRAD_FN)):
        torch.autograd.grad(broken.namespace["mse"], [broken.namespace["w"]])
    fixed = run_snippet("autograd/three_acts_008.py")
    assert fixed.stdout.splitlines() == [
        "mse = tensor(1., grad_fn=<MseLossBackward0>)",
        "autograd.grad 返回: (tensor([2.]),)",
    ]


def test_exercise_derive_the_mse_of_three_samples():
    run = run_snippet("autograd/three_acts_009.py")
    assert run.stdout.splitlines() == [
        "autograd.grad 求出的梯度: tensor([6.])",
        "公式 (2/N)·Σ(x_i·w − y_i)·x_i: tensor(6.)",
    ]
    x, y = torch.tensor([1.0, 2.0, 3.0]), torch.full([3], 2.0)
    r = x * 1.5 - y
    assert r.tolist() == [-0.5, 1.0, 2.5]  # the residuals the page writes out
    # the wrong answers the page names: no 1/N, no inner x_i, no factor 2
    assert [(2 * r * x).sum().item(), (2 / 3 * r).sum().item(), (r * x).sum().item() / 3] == [
        18.0, 2.0, 3.0
    ]  # fmt: skip
    page = (ROOT / "docs" / "autograd" / "three_acts.md").read_text(encoding="utf-8")
    assert "= 6$。漏掉平均的 $\\frac{1}{3}$ 会得到 18" in page
    assert (
        "漏掉[链式法则](../glossary.md#链式法则)里的 $x_i$ 会得到 2，漏掉平方求导的 2 会得到 3"
        in page
    )


# --- 动态图与 detach ---------------------------------------------------------------------------

DYNAMIC = "autograd/dynamic_graphs"
INPLACE = (
    "one of the variables needed for gradient computation has been modified by an inplace "
    "operation: [torch.FloatTensor [3]], which is output 0 of {op}, is at version 1; expected "
    "version 0 instead."
)


def _dynamic_page() -> str:
    return (ROOT / "docs" / f"{DYNAMIC}.md").read_text(encoding="utf-8")


def test_one_forward_two_inputs_two_graphs():
    from sitekit.autograd_graph import walk

    run = run_snippet("autograd/dynamic_graphs_001.py")
    assert run.stdout.splitlines() == [
        "x = tensor([1., 2.])  循环 1 圈，out = 9.0",
        "  计算图 5 个节点: PowBackward0 → AddBackward0 → MulBackward0 → MulBackward0 → "
        "AccumulateGrad",
        "  d out / d w = 12.0",
        "x = tensor([ 1.0000, -3.0000,  0.5000])  循环 2 圈，out = 3.5",
        "  计算图 7 个节点: NegBackward0 → AddBackward0 → MulBackward0 → AddBackward0 → "
        "MulBackward0 → MulBackward0 → AccumulateGrad",
        "  d out / d w = -4.0",
        "两次调用的 grad_fn 是同一个对象吗？ False",
    ]
    forward, chain = run.namespace["forward"], run.namespace["grad_fn_chain"]
    w = torch.tensor(0.5, requires_grad=True)
    page = _dynamic_page()
    for x, top, n_nodes, h in (([1.0, 2.0], "Pow", 5, 3.0), ([1.0, -3.0, 0.5], "Neg", 7, -3.5)):
        out = forward(torch.tensor(x), w)
        graph = walk(out)
        # the chain along first inputs passes every node of the graph ("正好经过所有节点")
        assert chain(out) == graph.names and len(graph.names) == n_nodes
        assert graph.names[0] == f"{top}Backward0"
        # the if leaves no node: only the operations that ran, no comparison
        assert set(graph.names) <= {
            "PowBackward0", "NegBackward0", "AddBackward0", "MulBackward0", "AccumulateGrad"
        }  # fmt: skip
        # the loop is unrolled: one Mul/Add pair per turn
        assert graph.names.count("AddBackward0") == len(x) - 1
        # the h the page quotes decides the branch
        h_value = 0.5 * x[0]
        for value in x[1:]:
            h_value = 2 * h_value + value
        assert h_value == h
        assert f"一共 {n_nodes} 个节点" in page
    assert "$h = 3 > 0$" in page and "$h = -3.5 < 0$" in page
    # the page's formulas: d/dw (2 w x0 + x1)^2 = 2 (2 w x0 + x1) 2 x0, d/dw -(4 w x0 + ...) = -4 x0
    assert 2 * (2 * 0.5 * 1 + 2) * 2 * 1 == 12.0 and -4 * 1.0 == -4.0
    assert "2\\,(2 w x_0 + x_1) \\cdot 2 x_0 = 2 \\times 3 \\times 2 = 12" in page
    assert "-4 x_0 = -4" in page
    # every call builds a new graph, with the same structure for the same input
    x = torch.tensor([1.0, 2.0])
    first, second = forward(x, w), forward(x, w)
    assert first.grad_fn is not second.grad_fn
    assert walk(first).names == walk(second).names
    # every operation's node is new; only w's AccumulateGrad, at the end of the chain, is shared

    def nodes(t):
        fn, out = t.grad_fn, []
        while fn is not None:
            out.append(fn)
            fn = fn.next_functions[0][0] if fn.next_functions else None
        return out

    a, b = nodes(first), nodes(second)
    assert a[-1] is b[-1] and type(a[-1]).__name__ == "AccumulateGrad"
    assert all(m is not n for m, n in zip(a[:-1], b[:-1], strict=True))
    assert "只有链尾叶子 `w` 的 `AccumulateGrad` 是同一个" in page


def test_dynamic_graphs_figure():
    run = run_snippet("autograd/dynamic_graphs_002.py")
    a, b = run.namespace["graph_a"], run.namespace["graph_b"]
    assert a.names == [
        "PowBackward0", "AddBackward0", "MulBackward0", "MulBackward0", "AccumulateGrad"
    ]  # fmt: skip
    assert b.names == [
        "NegBackward0", "AddBackward0", "MulBackward0", "AddBackward0", "MulBackward0",
        "MulBackward0", "AccumulateGrad",
    ]  # fmt: skip
    # straight chains: every edge goes one row down, nothing crosses a box
    assert a.edges == [(i, i + 1) for i in range(4)]
    assert b.edges == [(i, i + 1) for i in range(6)]
    assert a.nodes[-1].tensor == b.nodes[-1].tensor == "w"
    svg = run.stdout
    assert "<title>同一个 forward，两个输入，两张计算图" in svg
    assert "NegBackward0" in svg and "PowBackward0" in svg


def test_detach_shares_memory_and_the_version_counter():
    from sitekit.autograd_graph import walk

    run = run_snippet("autograd/dynamic_graphs_003.py")
    lines = run.stdout.splitlines()
    assert lines[:6] == [
        "d = tensor([0.7311, 0.8808, 0.9526])",
        "d.requires_grad = False   d.grad_fn = None",
        "d 和 y 共用同一块内存: True",
        "原地修改 d 之前，y 的版本号 = 0",
        "原地修改 d 之后，y = tensor([0., 0., 0.], grad_fn=<SigmoidBackward0>)",
        "                 y 的版本号 = 1",
    ]
    assert lines[6].startswith("RuntimeError: " + INPLACE.format(op="Sigmoid"))
    assert len(lines) == 7
    ns = run.namespace
    assert ns["d"]._version == ns["y"]._version == 1  # one counter for both
    assert ns["x"].grad is None
    # still raised by torch: sigmoid saves its output, detach shares it
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = torch.sigmoid(x)
    assert walk(y).nodes[0].saved == ["result"]
    y.detach().zero_()
    with pytest.raises(RuntimeError, match=re.escape(INPLACE.format(op="Sigmoid"))):
        y.sum().backward()


def test_the_version_counter_matters_only_for_saved_values():
    from sitekit.autograd_graph import walk

    run = run_snippet("autograd/dynamic_graphs_004.py")
    assert run.stdout.splitlines() == [
        "y = tensor([0., 0., 0.], grad_fn=<MulBackward0>)   x.grad = tensor([3., 3., 3.])",
        "d = tensor([0., 0., 0.])   d 还和 y 共用内存吗？ False",
        "y = tensor([0.7311, 0.8808, 0.9526], grad_fn=<SigmoidBackward0>)",
        "x.grad = tensor([0.1966, 0.1050, 0.0452])",
    ]
    # case 1: the multiplication saves only the number 3, not y: changing y goes unnoticed
    x = torch.ones(3, requires_grad=True)
    y = x * 3
    assert walk(y).nodes[0].saved == ["other"]
    assert y.grad_fn._saved_other.item() == 3 and y.grad_fn._saved_other.numel() == 1
    assert y.grad_fn._saved_self is None
    # case 2: the gradient is sigma (1 - sigma) of the untouched y
    ns = run.namespace
    s = torch.sigmoid(ns["x"].detach())
    assert torch.allclose(ns["x"].grad, s * (1 - s))
    assert ns["y"]._version == 0


def test_stop_gradient_keeps_a_branch_out_of_a_loss_term():
    run = run_snippet("autograd/dynamic_graphs_005.py")
    assert run.stdout.splitlines() == [
        "不 detach: a.grad = tensor(-14.)  b.grad = tensor(14.)",
        "detach   : a.grad = tensor(-14.)  b.grad = tensor(0.)",
    ]
    # the page's formula: d/da mean((a x - b x)^2) = 2 (a - b) mean(x^2) = 2 (-1.5) (14 / 3)
    x = run.namespace["x"]
    assert torch.isclose(2 * (0.5 - 2.0) * (x**2).mean(), torch.tensor(-14.0))
    assert (x**2).mean().item() == pytest.approx(14 / 3)
    page = _dynamic_page()
    formula = "2\\,(a - b)\\,\\text{mean}(x_i^2) = 2 \\times (-1.5) \\times \\frac{14}{3} = -14"
    assert formula in page
    assert "**停止梯度**（stop-gradient）" in page


def test_a_target_from_the_model_itself_must_be_detached():
    run = run_snippet("autograd/dynamic_graphs_006.py")
    assert run.stdout.splitlines() == [
        "不 detach: w.grad = +2.3800，走一步后 w = 0.7620",
        "           v(s) 从 2.0000 变成 1.5240，原来的目标是 3.7000",
        "detach   : w.grad = -6.8000，走一步后 w = 1.6800",
        "           v(s) 从 2.0000 变成 3.3600，原来的目标是 3.7000",
    ]
    ns = run.namespace
    s, s_next, r, gamma, lr = ns["s"], ns["s_next"], ns["r"], ns["gamma"], ns["lr"]
    v, target = 1.0 * s, r + gamma * 1.0 * s_next
    # the page's two formulas, and the sign flip
    fixed = 2 * (v - target) * s
    dragged = 2 * (v - target) * (s - gamma * s_next)
    assert fixed == pytest.approx(-6.8) and dragged == pytest.approx(2.38)
    # detach: the prediction moves toward the old target; without: away from it
    toward, away = (1 - lr * fixed) * s, (1 - lr * dragged) * s  # v(s) after one step
    assert abs(toward - target) < abs(v - target) < abs(away - target)
    # "损失照样在变小": the loss without detach still drops, because the target comes down faster
    w_new = 1 - lr * dragged
    assert (w_new * s - (r + gamma * w_new * s_next)) ** 2 < (v - target) ** 2
    assert r + gamma * w_new * s_next < target
    assert target - (r + gamma * w_new * s_next) > v - w_new * s > 0  # "比预测降得还快"
    page = _dynamic_page()
    assert "2 \\times (2 - 3.7) \\times 2 = -6.8" in page
    assert "2 \\times (-1.7) \\times (2 - 2.7) = +2.38" in page
    assert "从 2 推向目标 3.7（走到 3.36）" in page and "从 2 退到 1.524" in page


def test_a_list_of_losses_keeps_their_graphs_item_and_detach_release_them():
    import weakref

    from sitekit.autograd_graph import walk

    run = run_snippet("autograd/dynamic_graphs_007.py")
    assert run.stdout.splitlines() == [
        "存 loss         : history[0] = tensor(4.2320, grad_fn=<MseLossBackward0>)",
        "  3 轮的预测值还剩 3 份在内存里，共 12000 字节",
        "存 loss.item()  : history[0] = 4.231969356536865",
        "  3 轮的预测值还剩 0 份在内存里，共 0 字节",
        "存 loss.detach(): history[0] = tensor(4.2320)",
        "  3 轮的预测值还剩 0 份在内存里,共 0 字节".replace(",", "，"),
    ]
    assert 3 * 1000 * 4 == 12000
    ns = run.namespace
    # mse_loss saves the prediction (and the target) for backward: that is what keeps it alive
    loss = ns["validate"]()
    mse = walk(loss).nodes[0]
    assert mse.name == "MseLossBackward0" and mse.saved == ["self", "target"]
    assert loss.grad_fn._saved_self.data_ptr() == ns["alive"][-1]().data_ptr()
    # the page's aside: under no_grad nothing is kept either
    ns["alive"].clear()
    with torch.no_grad():
        history = [ns["validate"]() for _ in range(3)]
    assert all(ref() is None for ref in ns["alive"]) and history[0].grad_fn is None
    # and the graph really is what holds the prediction: drop the loss, the prediction goes
    pred = ns["w"] * ns["x_val"]
    ref = weakref.ref(pred)
    kept = torch.nn.functional.mse_loss(pred, ns["y_val"])
    del pred
    assert ref() is not None
    del kept
    assert ref() is None


def test_total_loss_plus_equals_loss_grows_a_graph_every_step():
    run = run_snippet("autograd/dynamic_graphs_008.py")
    lines = run.stdout.splitlines()
    assert lines == [
        "total_loss += loss:",
        "  第 1 步之后 total_loss = 4.2034，拉着 4 个计算图节点",
        "  第 2 步之后 total_loss = 6.3873，拉着 7 个计算图节点",
        "  第 3 步之后 total_loss = 8.5834，拉着 10 个计算图节点",
        "total_loss += loss.item():",
        "  第 1 步之后 total_loss = 4.2034，拉着 0 个计算图节点",
        "  第 2 步之后 total_loss = 6.3873，拉着 0 个计算图节点",
        "  第 3 步之后 total_loss = 8.5834，拉着 0 个计算图节点",
    ]
    # the same printed numbers either way ("打印出的累计值 ... 一样")
    assert [line.split("，")[0][-6:] for line in lines[1:4]] == [
        line.split("，")[0][-6:] for line in lines[5:8]
    ]
    # the three nodes each step adds, and the AccumulateGrad of w they share
    from sitekit.autograd_graph import walk

    torch.manual_seed(0)
    w = torch.tensor(1.0, requires_grad=True)
    total = 0.0
    for _ in range(2):
        x = torch.randn(100)
        loss = torch.nn.functional.mse_loss(w * x, 3 * x)
        loss.backward()
        total += loss
    names = walk(total).names
    assert sorted(names) == sorted(
        ["AddBackward0"] * 2 + ["MseLossBackward0", "MulBackward0"] * 2 + ["AccumulateGrad"]
    )
    # backward already freed what the graphs saved: only the nodes are left
    assert all(node.saved == node.freed for node in walk(total).nodes)
    # "前者在 float32 的张量里累加 ... 只在第 7 位有效数字之后才有细微差别"
    sums = {}
    for name, record in (("tensor", lambda loss: loss), ("item", lambda loss: loss.item())):
        torch.manual_seed(0)
        w = torch.tensor(1.0, requires_grad=True)
        total, sums[name] = 0.0, []
        for _ in range(3):
            x = torch.randn(100)
            loss = torch.nn.functional.mse_loss(w * x, 3 * x)
            loss.backward()
            with torch.no_grad():
                w -= 0.1 * w.grad
            w.grad.zero_()
            total += record(loss)
            sums[name].append(total.item() if name == "tensor" else total)
    assert [f"{v:.7g}" for v in sums["tensor"]] == [f"{v:.7g}" for v in sums["item"]]
    assert sums["tensor"] != sums["item"]
    page = _dynamic_page()
    assert "每一步多接上 3 个节点" in page
    assert "一模一样" not in page


# --- 动态图与 detach：动手练习 ----------------------------------------------------------------


def test_exercise_predict_the_branch_and_the_graph():
    run = run_snippet("autograd/dynamic_graphs_009.py")
    assert run.stdout.splitlines() == [
        "x = tensor([-1.,  3.]): PowBackward0 → AddBackward0 → MulBackward0 → MulBackward0 → "
        "AccumulateGrad",
        "  d out / d w = -8.0",
        "x = tensor([4.]): PowBackward0 → MulBackward0 → AccumulateGrad",
        "  d out / d w = 16.0",
    ]
    # discriminating: a learner who branches on the sign of x[0] predicts NegBackward0 and
    # d out/dw = -(2 x0) = 2 for the first input; the forward of this page says otherwise
    assert run.namespace["forward"](torch.tensor([-1.0, 3.0]), torch.tensor(0.5)).item() == 4.0
    page = _dynamic_page()
    assert "2h \\cdot 2x_0 = 2 \\times 2 \\times (-2) = -8" in page
    assert "2h \\cdot x_0 = 16" in page
    assert "练习 1（预测）" in page


def test_exercise_debug_inplace_on_a_detached_copy():
    broken = run_snippet("autograd/dynamic_graphs_010.py")
    lines = broken.stdout.splitlines()
    assert lines[0] == "curve = tensor([0.2231, 0.3679, 1.0000])"
    assert lines[1].startswith("RuntimeError: " + INPLACE.format(op="Exp"))
    assert len(lines) == 2  # x.grad is never printed
    assert broken.namespace["x"].grad is None
    fixed = run_snippet("autograd/dynamic_graphs_011.py")
    assert fixed.stdout.splitlines() == [
        "curve = tensor([0.2231, 0.3679, 1.0000])",
        "x.grad = tensor([1.6487, 2.7183, 7.3891])",
        "exp(x) = tensor([1.6487, 2.7183, 7.3891])",
    ]
    x = fixed.namespace["x"]
    assert torch.equal(x.grad, torch.exp(x.detach()))
    # the answer: exp saves its output
    from sitekit.autograd_graph import walk

    assert walk(torch.exp(torch.ones(1, requires_grad=True))).nodes[0].saved == ["result"]


def test_exercise_derive_the_gradient_with_a_stop_gradient():
    run = run_snippet("autograd/dynamic_graphs_012.py")
    assert run.stdout.splitlines() == [
        "有 detach: autograd = 6.0，公式 2(wx − wz)·x = 6.0",
        "没 detach: autograd = 4.0，公式 2(wx − wz)·(x − z) = 4.0",
    ]
    w, x, z = 0.5, 3.0, 1.0
    # the wrong answers the page names give other numbers: no inner derivative, "detach gives 0"
    right = {2 * (w * x - w * z) * x, 2 * (w * x - w * z) * (x - z)}
    wrong = {2 * (w * x - w * z), 0.0, 2 * (w * x - w * z) * (x + z)}
    assert len(right) == 2 and not right & wrong
    assert "代入得 6 和 4（忘了内层导数会得到 2" in _dynamic_page()


def test_dynamic_graphs_page_shows_live_output(built_site):
    html = page_html(built_site, DYNAMIC)
    assert "NegBackward0 → AddBackward0" in html
    assert "<title>同一个 forward，两个输入，两张计算图" in html
    assert "which is output 0 of Sigmoid, is at version 1" in html
    assert "which is output 0 of Exp, is at version 1" in html
    assert "共 12000 字节" in html and "拉着 10 个计算图节点" in html
    assert "b.grad = tensor(0.)" in html

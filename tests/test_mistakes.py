"""Claims of the 常见错误 chapter (docs/mistakes/), checked against real torch.

Every mistake: the error is still raised with the message the page quotes (or the wrong number is
still wrong), and the fix still gives the right answer. The search index of the built site must
hold every message fragment in the chapter's text, so a learner who pastes an error finds it.
"""

from __future__ import annotations

import html
import json
import math
import re
import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from conftest import ROOT, page_html, run_snippet
from torch import nn
from torch.autograd.functional import jacobian

NO_GRAD_FN = "element 0 of tensors does not require grad and does not have a grad_fn"
SECOND_TIME = (
    "Trying to backward through the graph a second time (or directly access saved tensors after "
    "they have already been freed). Saved intermediate values of the graph are freed when you "
    "call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward "
    "through the graph a second time or if you need to access saved tensors after calling "
    "backward."
)
SCALAR = "grad can be implicitly created only for scalar outputs"
AMBIGUOUS = "Boolean value of Tensor with more than one value is ambiguous"
TUPLE_TIMES_FLOAT = "can't multiply sequence by non-int of type 'float'"
UNUSED = (
    "The differentiated Tensor at index 1 appears to not have been used in the graph. "
    "Set allow_unused=True if this is the desired behavior."
)
LEAF_INPLACE = "a leaf Variable that requires grad is being used in an in-place operation."
VERSION = (
    "one of the variables needed for gradient computation has been modified by an inplace "
    "operation: [torch.FloatTensor [2]], which is output 0 of Sigmoid, is at version 1; "
    "expected version 0 instead."
)
NON_LEAF_GRAD = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
    "attribute won't be populated during autograd.backward(). If you indeed want the .grad field "
    "to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor."
)
NUMPY = "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."
SOFTMAX_DIM = (
    "Implicit dimension choice for softmax has been deprecated. "
    "Change the call to include dim=X as an argument."
)
TARGET_FLOAT = "expected target dtype to be Long or Byte, but got Float"
TARGET_INT = "expected target dtype to be Long or Byte, but got Int"
MSE_SIZE = (
    "Using a target size (torch.Size([4])) that is different to the input size "
    "(torch.Size([4, 1])). This will likely lead to incorrect results due to broadcasting. "
    "Please ensure they have the same size."
)
INT_REQUIRES_GRAD = "Only Tensors of floating point and complex dtype can require gradients"
INT_REQUIRES_GRAD_ = "only Tensors of floating point dtype can require gradients"


def lines_of(snippet: str) -> list[str]:
    return run_snippet(snippet).stdout.splitlines()


# --------------------------------------------------------------------------- 求导与计算图


def test_no_grad_fn_when_w_never_required_grad():
    run = run_snippet("mistakes/autograd_001.py")
    lines = run.stdout.splitlines()
    assert lines[0] == "mse.grad_fn = None"
    # act one and act two of the three acts raise the same error
    assert lines[1:] == [f"RuntimeError: {NO_GRAD_FN}"] * 2
    assert run.namespace["w"].requires_grad and run.namespace["mse"].grad_fn is None


def test_no_grad_fn_when_the_graph_is_cut():
    run = run_snippet("mistakes/autograd_002.py")
    lines = run.stdout.splitlines()
    assert len(lines) == 3
    for name, line in zip(["no_grad", ".item()", "argmax"], lines, strict=True):
        assert line.startswith(name) and "grad_fn=None" in line
        assert line.endswith(f"RuntimeError: {NO_GRAD_FN}")
    assert run.namespace["w"].requires_grad


def test_loss_requires_grad_true_silences_the_error_but_nothing_learns():
    run = run_snippet("mistakes/autograd_003.py")
    ns = run.namespace
    assert ns["loss"].is_leaf and ns["loss"].grad_fn is None
    assert ns["w"].grad is None
    assert ns["w"].item() == 0.5  # 100 optimizer steps, not moved at all
    assert "训练 100 步之后 w = 0.5000, loss = 10.5000" in run.stdout


def test_connected_graph_learns_w_equals_two():
    run = run_snippet("mistakes/autograd_004.py")
    assert "loss.grad_fn = MeanBackward0" in run.stdout
    assert run.namespace["w"].item() == pytest.approx(2.0, abs=1e-4)
    assert "w = 2.0000, loss = 0.0000" in run.stdout


def test_backward_a_second_time_through_a_forward_outside_the_loop():
    lines = lines_of("mistakes/autograd_005.py")
    assert lines[0] == "第 1 次 backward 成功, w.grad = -20.0"
    assert lines[1] == f"第 2 次 RuntimeError: {SECOND_TIME}"


STEP = re.compile(r"第 (\d) 步: pred = ([\d.]+), loss = ([\d.]+), 更新后 w = ([\d.]+)")


def steps(snippet: str) -> list[tuple[float, float, float]]:
    """(w after the step, pred and loss before it) for each printed step."""
    rows = [STEP.fullmatch(line) for line in lines_of(snippet)]
    assert all(rows) and len(rows) == 5
    return [(float(m[4]), float(m[2]), float(m[3])) for m in rows]


def test_retain_graph_in_the_loop_trains_on_a_stale_prediction():
    rows = steps("mistakes/autograd_006.py")
    assert all(pred == 2.0 and loss == 25.0 for _, pred, loss in rows)
    ws = [w for w, _, _ in rows]
    assert ws == sorted(ws) and ws[-1] > 3.5  # walked straight past the answer 3.5


def test_recomputing_the_forward_each_step_converges():
    rows = steps("mistakes/autograd_007.py")
    losses = [loss for _, _, loss in rows]
    assert losses == sorted(losses, reverse=True) and losses[-1] < 1
    assert all(abs(w - 3.5) < 2.5 for w, _, _ in rows) and rows[-1][0] < 3.5


def test_retain_graph_for_two_gradients_of_one_graph():
    ns = run_snippet("mistakes/autograd_008.py").namespace
    J = jacobian(lambda a: F.softmax(a, dim=0), ns["a"].detach())
    assert torch.allclose(ns["dp1_da"], J[1]) and torch.allclose(ns["dp2_da"], J[2])


def test_backward_of_a_vector_needs_a_gradient():
    assert lines_of("mistakes/autograd_009.py") == [f"RuntimeError: {SCALAR}"]


def test_sum_first_equals_gradient_of_ones():
    run = run_snippet("mistakes/autograd_010.py")
    lines = run.stdout.splitlines()
    assert all(line.endswith("x.grad = tensor([2., 4., 6.])") for line in lines)
    assert torch.equal(run.namespace["x"].grad, 2 * run.namespace["x"].detach())
    # mean() instead of sum(): the gradient argument is 1/n in every element
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    (x**2).mean().backward()
    by_mean = x.grad.clone()
    x.grad = None
    (x**2).backward(gradient=torch.full((3,), 1 / 3))
    assert torch.allclose(x.grad, by_mean)


def test_the_error_needs_no_grad_fn_and_no_requires_grad():
    """A loss with grad_fn None but requires_grad True (a leaf) backpropagates without error."""
    run = run_snippet("mistakes/autograd_002.py")
    for name in ("loss_no_grad", "loss_item", "loss_argmax"):
        loss = run.namespace[name]
        assert loss.grad_fn is None and not loss.requires_grad
    leaf = torch.tensor(2.0, requires_grad=True)
    leaf.backward()
    assert leaf.grad.item() == 1.0


def test_model_zero_grad_also_sets_none():
    model = nn.Linear(2, 1)
    model(torch.ones(1, 2)).sum().backward()
    model.zero_grad()
    assert model.weight.grad is None and model.bias.grad is None


def test_gradient_argument_is_a_vector_jacobian_product():
    run = run_snippet("mistakes/autograd_011.py")
    ns = run.namespace
    assert torch.equal(ns["J"], torch.ones(3, 3).tril())
    assert torch.allclose(ns["x"].grad, ns["v"] @ ns["J"])
    # the formula on the page: x.grad = v^T J = gradient of the scalar v . y
    x = ns["x"].detach().clone().requires_grad_()
    (ns["v"] @ x.cumsum(dim=0)).backward()
    assert torch.allclose(x.grad, ns["x"].grad)
    assert "x.grad = tensor([3., 2., 2.])" in run.stdout


def test_three_backward_passes_give_three_times_the_gradient():
    run = run_snippet("mistakes/autograd_012.py")
    lines = run.stdout.splitlines()
    torch.manual_seed(0)
    model = nn.Linear(2, 1)
    ((model(torch.tensor([[1.0, 2.0]])) - 1.0) ** 2).mean().backward()
    once = model.weight.grad
    for k in (1, 2, 3):
        assert lines[k - 1] == f"第 {k} 次 backward 之后 weight.grad = {k * once}"
    # optimizer.zero_grad() sets .grad to None in PyTorch 2.x
    assert run.namespace["model"].weight.grad is None
    assert lines[3] == "zero_grad() 之后 weight.grad = None"


def test_accumulated_half_batches_equal_the_full_batch():
    ns = run_snippet("mistakes/autograd_013.py").namespace
    assert torch.allclose(ns["full"], ns["model"].weight.grad)
    # the memory claim, measured: each half saves exactly half the bytes the full batch saves
    model, x, y = ns["model"], ns["x"], ns["y"]

    def saved_bytes(loss_of):
        sizes = []
        pack = lambda t: sizes.append(t.numel() * t.element_size()) or t  # noqa: E731
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            loss_of()
        return sum(sizes)

    full = saved_bytes(lambda: ((model(x) - y) ** 2).mean())
    halves = [
        saved_bytes(lambda h=h: ((model(x[h : h + 1]) - y[h : h + 1]) ** 2).mean() / 2)
        for h in range(2)
    ]
    assert full > 0 and halves == [full // 2, full // 2] and full % 2 == 0
    page = (ROOT / "docs" / "mistakes" / "autograd.md").read_text(encoding="utf-8")
    assert "本例中每一半保存的字节数正好是整批的一半" in page


def test_if_w_grad_is_ambiguous_or_asks_the_wrong_question():
    run = run_snippet("mistakes/autograd_014.py")
    lines = run.stdout.splitlines()
    assert lines[0] == f"RuntimeError: {AMBIGUOUS}"
    assert bool(run.namespace["v"].grad) is False  # exists, but is zero
    assert run.namespace["v"].grad is not None
    assert run.namespace["w"].grad.tolist() == [0.0, 0.0]


def test_autograd_grad_returns_a_tuple_and_leaves_grad_alone():
    run = run_snippet("mistakes/autograd_015.py")
    ns = run.namespace
    assert isinstance(ns["grads"], tuple) and len(ns["grads"]) == 1
    assert ns["w"].grad is None
    lines = run.stdout.splitlines()
    assert lines[0] == "type(grads) = tuple  grads = (tensor([3., 3.]),)"
    assert lines[2] == f"TypeError: {TUPLE_TIMES_FLOAT}"
    # a tuple for a tensor or a list of tensors; a dict of inputs gives a dict with the same keys
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    assert isinstance(torch.autograd.grad((w * 3).sum(), [w]), tuple)
    by_name = torch.autograd.grad((w * 3).sum(), {"w": w})
    assert isinstance(by_name, dict) and list(by_name) == ["w"]
    assert by_name["w"].tolist() == [3.0, 3.0]


def test_unpacked_gradient_updates_w():
    ns = run_snippet("mistakes/autograd_016.py").namespace
    assert torch.allclose(ns["w_new"], torch.tensor([0.7, 1.7]))
    assert ns["w"].grad is None


def test_allow_unused_and_materialize_grads():
    lines = lines_of("mistakes/autograd_017.py")
    assert lines[0] == f"RuntimeError: {UNUSED}"
    assert lines[1] == "(tensor([2., 2.]), None)"
    assert lines[2] == "(tensor([2., 2.]), tensor([0., 0.]))"


# --------------------------------------------------------------------------- 原地操作与叶子张量


def test_a_leaf_is_a_tensor_without_grad_fn_not_only_one_the_user_created():
    """Results of unrecorded ops (inputs need no grad, or under no_grad) are leaves too."""
    run = run_snippet("mistakes/inplace_001.py")
    ns = run.namespace
    for name in ("x", "w", "y", "z"):
        assert ns[name].is_leaf and ns[name].grad_fn is None, name
    assert not ns["h"].is_leaf and ns["h"].grad_fn is not None
    assert not ns["y"].requires_grad and not ns["z"].requires_grad
    # is_leaf is exactly "has no grad_fn"
    for t in (ns["x"], ns["w"], ns["y"], ns["h"], ns["z"]):
        assert t.is_leaf == (t.grad_fn is None)
    # only leaves that require grad get .grad filled
    assert torch.equal(ns["w"].grad, ns["x"]) and ns["x"].grad is None
    lines = run.stdout.splitlines()
    assert lines[2] == "y = x * 2            is_leaf=True  requires_grad=False grad_fn=None"
    assert lines[3] == "h = w * x            is_leaf=False requires_grad=True  grad_fn=MulBackward0"
    assert lines[4] == "z = w * 2 (no_grad)  is_leaf=True  requires_grad=False grad_fn=None"
    assert lines[6] == "backward 之后 x.grad = None"
    page = (ROOT / "docs" / "mistakes" / "inplace.md").read_text(encoding="utf-8")
    assert "由运算得到的张量是**非叶子**" not in page


def test_in_place_update_of_a_leaf_is_refused():
    run = run_snippet("mistakes/inplace_002.py")
    assert run.stdout.strip() == f"RuntimeError: {LEAF_INPLACE}"
    assert run.namespace["w"].item() == 0.5


def test_manual_update_inside_no_grad_keeps_the_leaf():
    run = run_snippet("mistakes/inplace_003.py")
    w = run.namespace["w"]
    assert w.is_leaf and w.requires_grad and w.item() == pytest.approx(2.0, abs=1e-4)
    assert run.stdout.strip() == "w = 2.0000, w.is_leaf = True, w.requires_grad = True"


def test_rebinding_w_makes_a_non_leaf_with_a_warning():
    run = run_snippet("mistakes/inplace_004.py")
    lines = run.stdout.splitlines()
    assert lines[0] == "w.is_leaf = False  w.grad_fn = SubBackward0"
    assert lines[1] == "第二步之后 w.grad = None"
    assert lines[2].startswith(f"UserWarning: {NON_LEAF_GRAD}")
    assert len(run.namespace["caught"]) == 1


def test_saved_tensor_modified_in_place():
    lines = lines_of("mistakes/inplace_005.py")
    assert lines[:2] == ["修改前 b._version = 0", "修改后 b._version = 1"]
    assert lines[2].startswith(f"RuntimeError: {VERSION}")


def test_out_of_place_fix_and_harmless_in_place():
    lines = lines_of("mistakes/inplace_006.py")
    autograd_value = lines[0].split("=", 1)[1].strip()
    formula_value = lines[1].split("=", 1)[1].strip()
    assert autograd_value == formula_value == "tensor([0.3932, 0.2100])"
    a = torch.tensor([1.0, 2.0])
    s = torch.sigmoid(a)
    assert formula_value == str(2 * s * (1 - s))
    assert lines[2] == "d.add_(1) 之后 a.grad = tensor([2., 2.])"


def test_non_leaf_grad_is_none_with_warning():
    run = run_snippet("mistakes/inplace_007.py")
    ns = run.namespace
    assert not ns["h"].is_leaf and ns["x"].is_leaf
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the page shows this warning; here only the value
        assert ns["h"].grad is None
    assert "h.grad = None" in run.stdout
    assert ns["x"].grad.tolist() == [18.0, 36.0]
    assert len(ns["caught"]) == 1
    assert f"UserWarning: {NON_LEAF_GRAD}" in run.stdout


def test_retain_grad_keeps_the_intermediate_gradient():
    ns = run_snippet("mistakes/inplace_008.py").namespace
    h = ns["h"].detach()
    assert torch.equal(ns["h"].grad, 2 * h)
    assert ns["h"].grad.shape == h.shape  # "多存一份和它一样大的梯度"
    assert torch.equal(ns["x"].grad, 2 * h * 3)


def test_double_after_requires_grad_is_a_non_leaf():
    run = run_snippet("mistakes/inplace_009.py")
    lines = run.stdout.splitlines()
    assert lines[0] == "w.is_leaf = False  w.grad_fn = ToCopyBackward0"
    assert lines[1] == "w.grad = None"
    assert lines[2].startswith(f"UserWarning: {NON_LEAF_GRAD}")
    assert lines[3] == "v.to(torch.float64).is_leaf = False"
    assert lines[4] == "v.to('cpu') is v = True"  # a no-op .to() returns the tensor itself


def test_dtype_at_creation_keeps_leaves():
    ns = run_snippet("mistakes/inplace_010.py").namespace
    assert ns["w"].is_leaf and ns["u"].is_leaf and ns["u"].requires_grad
    assert torch.equal(ns["w"].grad, 2 * ns["w"].detach())
    assert ns["layer"].weight.is_leaf and ns["layer"].weight.dtype == torch.float64


def test_data_gives_a_silently_wrong_gradient():
    run = run_snippet("mistakes/inplace_011.py")
    ns = run.namespace
    assert ns["a"].grad.tolist() == [0.0, 0.0]
    s = torch.sigmoid(torch.tensor([1.0, 2.0]))
    assert torch.allclose(ns["a2"].grad, s * (1 - s))
    assert not torch.allclose(ns["a"].grad, ns["a2"].grad)


def test_data_has_its_own_version_counter_detach_shares_it():
    b = torch.tensor([1.0, 2.0], requires_grad=True).sigmoid()
    b.data.zero_()
    assert b._version == 0  # autograd cannot notice
    b = torch.tensor([1.0, 2.0], requires_grad=True).sigmoid()
    b.detach().zero_()
    assert b._version == 1  # noticed: backward will raise
    # both share memory with the original
    c = torch.ones(2, requires_grad=True)
    assert c.data.data_ptr() == c.detach().data_ptr() == c.data_ptr()


def test_detach_raises_and_clone_is_safe():
    run = run_snippet("mistakes/inplace_012.py")
    lines = run.stdout.splitlines()
    assert lines[0].startswith(f"RuntimeError: {VERSION}")
    s = torch.sigmoid(torch.tensor([1.0, 2.0]))
    assert torch.allclose(run.namespace["a"].grad, s * (1 - s))


def test_numpy_needs_detach_and_shares_memory():
    run = run_snippet("mistakes/inplace_013.py")
    lines = run.stdout.splitlines()
    assert lines[0] == f"RuntimeError: {NUMPY}"
    assert run.namespace["array"].tolist() == [2.0, 3.0]  # followed the in-place update of w


# --------------------------------------------------------------------------- Softmax 与损失函数


def test_softmax_without_dim_warns_and_normalises_the_batch():
    run = run_snippet("mistakes/softmax_loss_001.py")
    ns = run.namespace
    assert run.stdout.splitlines()[0] == f"UserWarning: {SOFTMAX_DIM}"
    assert [str(w.message) for w in ns["caught"]] == [SOFTMAX_DIM]
    p = ns["p"]
    assert torch.allclose(p, F.softmax(ns["logits"], dim=0))
    assert torch.allclose(p.sum(dim=0), torch.ones(3, 4))
    assert not torch.allclose(p.sum(dim=-1), torch.ones(2, 3))


@pytest.mark.parametrize(("ndim", "implicit_dim"), [(0, 0), (1, 0), (2, 1), (3, 0), (4, 1)])
def test_implicit_softmax_dim_rule(ndim, implicit_dim):
    torch.manual_seed(0)
    x = torch.randn([2] * ndim)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        implicit = F.softmax(x)
    assert torch.allclose(implicit, F.softmax(x, dim=implicit_dim))


def test_softmax_with_dim_sums_to_one_per_sample():
    ns = run_snippet("mistakes/softmax_loss_002.py").namespace
    assert torch.allclose(ns["p"].sum(dim=-1), torch.ones(2, 3))


def test_the_class_dimension_is_where_the_model_puts_it():
    """The page no longer says "类别几乎总在最后一维": for the losses, classes are in dim 1."""
    page = (ROOT / "docs" / "mistakes" / "softmax_loss.md").read_text(encoding="utf-8")
    assert "类别几乎总在最后一维" not in page
    assert "**你的模型把类别放在哪一维**" in page and "**类别必须在 `dim=1`**" in page
    torch.manual_seed(0)
    logits, target = torch.randn(4, 3), torch.tensor([0, 2, 1, 1])
    # (N, C): dim 1 is the class dimension of F.cross_entropy and F.nll_loss
    by_hand = -F.log_softmax(logits, dim=1)[torch.arange(4), target].mean()
    assert torch.allclose(F.cross_entropy(logits, target), by_hand)
    assert torch.allclose(F.nll_loss(F.log_softmax(logits, dim=1), target), by_hand)
    # the one exception the page names: a single sample without a batch dimension, (C,)
    single = F.cross_entropy(logits[1], target[1])
    assert torch.allclose(single, -F.log_softmax(logits[1], dim=0)[2])


def test_segmentation_softmax_over_the_last_dim_is_not_over_classes():
    run = run_snippet("mistakes/softmax_loss_003.py")
    ns = run.namespace
    p = ns["p"]
    assert ns["logits"].shape == (2, 3, 4, 5)
    assert torch.allclose(p.sum(dim=-1), torch.ones(2, 3, 4))  # normalised over the width W
    over_classes = p.sum(dim=1)
    assert not torch.allclose(over_classes, torch.ones(2, 4, 5))
    assert (over_classes - 1).abs().min() > 1e-3  # not one single pixel sums to 1
    assert "沿类别维求和 p.sum(dim=1)" in run.stdout


def test_segmentation_softmax_over_dim_one_and_cross_entropy_per_pixel():
    run = run_snippet("mistakes/softmax_loss_004.py")
    ns = run.namespace
    logits, target = ns["logits"], ns["target"]
    assert torch.allclose(ns["p"].sum(dim=1), torch.ones(2, 4, 5))
    assert target.shape == (2, 4, 5) and target.dtype == torch.int64
    assert 0 <= target.min() and target.max() <= 2
    # (N, C, H, W) with (N, H, W): the mean over every pixel of -log p[correct class]
    log_p = F.log_softmax(logits, dim=1)
    per_pixel = -log_p.gather(1, target.unsqueeze(1)).squeeze(1)
    assert torch.allclose(ns["loss"], per_pixel.mean())
    assert "logits 形状: (2, 3, 4, 5)  target 形状: (2, 4, 5)" in run.stdout


TARGET_SIZE = "Expected target size [2, 7], got [2, 5]"


def test_sequence_logits_with_classes_last_fail_or_are_silently_wrong():
    run = run_snippet("mistakes/softmax_loss_005.py")
    ns = run.namespace
    lines = run.stdout.splitlines()
    assert lines[0] == f"RuntimeError: {TARGET_SIZE}"
    with pytest.raises(RuntimeError, match=re.escape(TARGET_SIZE)):
        F.cross_entropy(ns["logits"], ns["target"])
    # T == C: no error, a different (wrong) number
    square, target = ns["square"], ns["target_square"]
    wrong = F.cross_entropy(square, target)
    right = F.cross_entropy(square.transpose(1, 2), target)
    assert abs(wrong.item() - right.item()) > 0.1
    assert lines[1] == f"T = C 时直接交给损失函数 = {wrong.item():.4f}"
    assert lines[2] == f"类别换到 dim=1 之后      = {right.item():.4f}"


def test_sequence_logits_transposed_or_reshaped_agree():
    run = run_snippet("mistakes/softmax_loss_006.py")
    ns = run.namespace
    assert torch.allclose(ns["by_transpose"], ns["by_reshape"])
    logits, target = ns["logits"], ns["target"]
    # the same logits and targets as the failing snippet
    failing = run_snippet("mistakes/softmax_loss_005.py").namespace
    assert torch.equal(logits, failing["logits"]) and torch.equal(target, failing["target"])
    # each position is one sample: the mean of -log p[correct class] over N*T positions
    log_p = F.log_softmax(logits, dim=-1)
    by_hand = -log_p.gather(2, target.unsqueeze(2)).mean()
    assert torch.allclose(ns["by_transpose"], by_hand)
    lines = run.stdout.splitlines()
    assert lines[:2] == ["transpose 之后的形状: (2, 7, 5)", "reshape 之后的形状  : (10, 7) (10,)"]
    assert lines[2].split("=")[1] == lines[3].split("=")[1]


def test_naive_softmax_overflows_and_the_shift_does_not():
    run = run_snippet("mistakes/softmax_loss_007.py")
    ns = run.namespace
    assert math.isinf(torch.tensor(1000.0).exp().item())
    assert torch.finfo(torch.float32).max == pytest.approx(3.4e38, rel=0.01)
    assert math.isnan(ns["naive"][0].item())
    assert torch.equal(ns["stable"], torch.tensor([1.0, 0.0, 0.0]))
    assert torch.equal(ns["stable"], torch.softmax(ns["z"], dim=0))
    assert "朴素写法       = tensor([nan, 0., 0.])" in run.stdout
    # the identity on the page: softmax(z) = softmax(z - c) for any c
    torch.manual_seed(0)
    z = torch.randn(5, dtype=torch.float64)
    assert torch.allclose(torch.softmax(z, 0), torch.softmax(z - 3.7, 0))


def test_softmax_before_cross_entropy_is_silently_wrong():
    run = run_snippet("mistakes/softmax_loss_008.py")
    ns = run.namespace
    assert ns["right"].item() == pytest.approx(10.0001, abs=1e-4)
    assert ns["wrong"].item() == pytest.approx(1.5514, abs=1e-4)
    assert ns["logits"].grad.abs().max() < 1e-3  # almost no gradient: hardly learns
    lines = run.stdout.splitlines()
    assert lines[1] == "     logits 的梯度 = tensor([[-1.0000,  0.9999,  0.0000]])"
    assert lines[-2:] == ["完美预测时 正确写法 = 0.0000", "完美预测时 错误写法 = 0.5514"]
    floor = -math.log(math.e / (math.e + 2))
    assert floor == pytest.approx(0.5514, abs=1e-4)
    # the floor holds for any logits: 3 classes, softmax twice
    torch.manual_seed(0)
    logits = torch.randn(1000, 3) * 20
    target = torch.randint(0, 3, (1000,))
    losses = F.cross_entropy(F.softmax(logits, dim=1), target, reduction="none")
    assert losses.min().item() >= floor - 1e-5


def test_cross_entropy_is_log_softmax_plus_nll():
    run = run_snippet("mistakes/softmax_loss_009.py")
    assert torch.allclose(run.namespace["ce"], run.namespace["nll"])
    # log_softmax vs log(softmax) on far-apart logits: -inf only for the latter
    far = torch.tensor([0.0, 200.0])
    assert torch.log(F.softmax(far, dim=0))[0].item() == -math.inf
    assert F.log_softmax(far, dim=0)[0].item() == pytest.approx(-200.0)
    # nll_loss: minus the entry of the correct class, averaged over the samples
    log_p = F.log_softmax(torch.tensor([[0.0, 1.0, 2.0], [1.0, 0.0, 0.0]]), dim=1)
    target = torch.tensor([2, 0])
    assert torch.allclose(F.nll_loss(log_p, target), -(log_p[0, 2] + log_p[1, 0]) / 2)
    assert "CrossEntropyLoss(logits)     = 10.0001" in run.stdout


def test_cross_entropy_target_dtype():
    assert lines_of("mistakes/softmax_loss_010.py") == [
        f"RuntimeError: {TARGET_FLOAT}",
        f"RuntimeError: {TARGET_INT}",
    ]


def test_long_target_works():
    ns = run_snippet("mistakes/softmax_loss_011.py").namespace
    logits, target = ns["logits"], ns["target"].long()
    by_hand = -torch.log_softmax(logits, dim=1)[torch.arange(3), target].mean()
    assert torch.allclose(ns["loss"], by_hand)


def test_mse_shape_broadcasting_is_silently_wrong():
    run = run_snippet("mistakes/softmax_loss_012.py")
    ns = run.namespace
    assert run.stdout.splitlines()[0] == f"UserWarning: {MSE_SIZE}"
    assert len(ns["caught"]) == 1
    assert ns["loss"].item() == 2.5
    diff = ns["pred"] - ns["target"]
    assert diff.shape == (4, 4)
    assert ns["loss"].item() == (diff**2).mean().item()  # 16 differences, not 4


def test_mse_with_matching_shapes_is_zero():
    lines = lines_of("mistakes/softmax_loss_013.py")
    assert [line.split("=")[-1].strip() for line in lines] == ["0.0", "0.0"]
    pred = run_snippet("mistakes/softmax_loss_013.py").namespace["pred"]
    assert pred.squeeze(1).shape == (4,) and torch.zeros(4).unsqueeze(1).shape == (4, 1)
    # broadcasting as the page states it: missing dims in front, length-1 dims copied
    assert (torch.zeros(4, 1) - torch.zeros(4)).shape == (4, 4)
    assert (torch.zeros(2, 1, 3) + torch.zeros(5, 1)).shape == (2, 5, 3)


# --------------------------------------------------------------------------- 其他误解


def test_relu_gradient_at_zero():
    values = [float(line.split(":")[-1]) for line in lines_of("mistakes/other_001.py")]
    assert values == [0.0, 0.0, 0.0, 1.0, 0.5]


def test_eval_does_not_switch_off_autograd():
    run = run_snippet("mistakes/other_002.py")
    ns = run.namespace
    assert ns["out"].requires_grad and ns["out"].grad_fn is not None
    assert all(not m.training for m in ns["model"].modules())
    assert "eval  模式 Dropout(ones) = tensor([1., 1., 1., 1., 1., 1.])" in run.stdout
    train_line = next(line for line in run.stdout.splitlines() if line.startswith("train"))
    assert "0." in train_line and "2." in train_line  # zeroed and scaled by 1/(1-p)


def test_eval_switches_batchnorm_to_running_statistics():
    torch.manual_seed(0)
    bn = nn.BatchNorm1d(2)
    x = torch.randn(8, 2) * 3 + 5
    train_out = bn(x)  # normalised with this batch's statistics
    batch = (x - x.mean(dim=0)) / torch.sqrt(x.var(dim=0, unbiased=False) + bn.eps)
    assert torch.allclose(train_out, batch, atol=1e-5)
    bn.eval()
    eval_out = bn(x)  # normalised with the running statistics
    expected = (x - bn.running_mean) / torch.sqrt(bn.running_var + bn.eps)
    assert torch.allclose(eval_out, expected, atol=1e-5)
    assert not torch.allclose(train_out, eval_out)


def test_eval_alone_saves_tensors_for_backward_no_grad_saves_none():
    """The memory claim, measured: eval() alone records and saves x; no_grad saves nothing."""
    run = run_snippet("mistakes/other_003.py")
    ns = run.namespace
    assert ns["out"].requires_grad is False
    assert run.stdout.splitlines() == [
        "只 eval()       : out.requires_grad = True，为反向传播保存了 16 字节",
        "eval() + no_grad: out.requires_grad = False，为反向传播保存了 0 字节",
    ]
    # what eval() alone saved is the Linear's input x (1 x 4 float32 = 16 bytes)
    kept = []
    with torch.autograd.graph.saved_tensors_hooks(lambda t: kept.append(t) or t, lambda t: t):
        ns["model"](ns["x"])
    assert len(kept) == 1 and torch.equal(kept[0], ns["x"])
    assert ns["x"].numel() * ns["x"].element_size() == 16
    page = (ROOT / "docs" / "mistakes" / "other.md").read_text(encoding="utf-8")
    assert "更省" not in page and "白白占用内存和时间" not in page


INFERENCE_SAVED = "Inference tensors cannot be saved for backward."


def test_inference_mode_also_switches_off_recording_and_marks_inference_tensors():
    run = run_snippet("mistakes/other_004.py")
    ns = run.namespace
    lines = run.stdout.splitlines()
    assert ns["out"].requires_grad is False and torch.is_inference(ns["out"])
    assert lines[:2] == [
        "inference_mode 下 out.requires_grad = False",
        "torch.is_inference(out)            = True",
    ]
    assert lines[2].startswith(f"RuntimeError: {INFERENCE_SAVED}")
    assert "you can make a clone to get a normal tensor" in lines[2]
    assert "or use `torch.no_grad()` instead of `torch.inference_mode()`" in lines[2]
    # the fix: a clone made outside the block is a normal tensor and backpropagates
    assert lines[3:] == [
        "torch.is_inference(out.clone())    = False",
        "clone 之后反向传播成功，weight.grad 的形状 = (4, 4)",
    ]
    assert not torch.is_inference(ns["normal"])
    with pytest.raises(RuntimeError, match=re.escape(INFERENCE_SAVED)):
        (ns["out"] * torch.ones(4, requires_grad=True)).sum().backward()
    # no_grad results carry no such mark: they can enter a recorded computation later
    with torch.no_grad():
        plain = ns["model"](ns["x"])
    assert not torch.is_inference(plain)
    ns["model"](plain).sum().backward()


def test_integer_tensors_cannot_require_grad():
    lines = lines_of("mistakes/other_005.py")
    assert lines == [
        "x.dtype = torch.int64",
        f"RuntimeError: {INT_REQUIRES_GRAD}",
        f"RuntimeError: {INT_REQUIRES_GRAD_}",
    ]


def test_float_tensors_can():
    ns = run_snippet("mistakes/other_006.py").namespace
    for name in "abc":
        assert ns[name].dtype == torch.float32 and ns[name].requires_grad and ns[name].is_leaf


# --------------------------------------------------------------------------- 分类的标签与损失

OUT_OF_BOUNDS = "Target 3 is out of bounds."
MULTI_TARGET = "0D or 1D target tensor expected, multi-target not supported"
PROBABILITY_TARGET = "Expected floating point type for target with class probabilities, got Long"
BCE_RANGE = "all elements of input should be between 0 and 1"
BCE_LONG = "Found dtype Long but expected Float"
CAST_LONG = "result type Float can't be cast to the desired output type Long"
BCE_SIZE = "Target size (torch.Size([4])) must be the same as input size (torch.Size([4, 1]))"
BCE_SIZE_ONE = "Target size (torch.Size([1])) must be the same as input size (torch.Size([]))"


def test_labels_counted_from_one_are_out_of_bounds():
    run = run_snippet("mistakes/classification_001.py")
    ns = run.namespace
    assert run.stdout.splitlines() == [
        f"IndexError: {OUT_OF_BOUNDS}",
        "类别数 logits.shape[1] = 3",
        "标签的范围: 1 到 3",
    ]
    with pytest.raises(IndexError, match=re.escape(OUT_OF_BOUNDS)):
        F.cross_entropy(ns["logits"], ns["labels"])
    # the page: -1 as a "no label" marker gives the same sentence
    with pytest.raises(IndexError, match=re.escape("Target -1 is out of bounds.")):
        F.cross_entropy(ns["logits"], torch.tensor([1, -1, 2, 1]))


def test_labels_shifted_to_start_at_zero():
    run = run_snippet("mistakes/classification_002.py")
    ns = run.namespace
    target = ns["target"]
    assert target.tolist() == [0, 2, 1, 0]
    assert "每个下标都在 0 到 C-1 之间: True" in run.stdout
    by_hand = -F.log_softmax(ns["logits"], dim=1)[torch.arange(4), target].mean()
    lines = run.stdout.splitlines()
    assert lines[2] == f"loss = {by_hand.item():.4f}"
    # ignore_index: the skipped sample counts neither in the sum nor in the number averaged over
    kept = torch.tensor([0, 2, 3])
    partial = ns["partial"]
    by_hand = -F.log_softmax(ns["logits"], dim=1)[kept, partial[kept]].mean()
    assert torch.allclose(ns["skipped"], by_hand) and torch.allclose(ns["labelled"], by_hand)
    value = f"{by_hand.item():.4f}"
    assert lines[3] == f"跳过 -1 的 loss = {value}，只算另外 3 个样本的 loss = {value}"
    with pytest.raises(IndexError, match=re.escape("Target -1 is out of bounds.")):
        F.cross_entropy(ns["logits"], partial)  # without ignore_index
    # the page: the default ignore_index is -100, so -100 is skipped without asking
    default = F.cross_entropy(ns["logits"], torch.where(partial == -1, -100, partial))
    assert torch.allclose(default, by_hand)


def test_a_column_of_labels_is_multi_target():
    run = run_snippet("mistakes/classification_003.py")
    assert run.stdout.splitlines() == ["labels.shape = (4, 1)", f"RuntimeError: {MULTI_TARGET}"]
    with pytest.raises(RuntimeError, match=re.escape(MULTI_TARGET)):
        F.cross_entropy(run.namespace["logits"], run.namespace["labels"])


def test_squeezed_labels_work():
    run = run_snippet("mistakes/classification_004.py")
    ns = run.namespace
    assert ns["target"].shape == (4,) and ns["target"].tolist() == [0, 2, 1, 2]
    loss = F.cross_entropy(ns["logits"], ns["target"])
    assert run.stdout.splitlines()[-1] == f"loss = {loss.item():.4f}"


def test_one_hot_long_targets_are_refused():
    run = run_snippet("mistakes/classification_005.py")
    ns = run.namespace
    assert ns["target"].dtype == torch.int64 and ns["target"].shape == (4, 3)
    assert run.stdout.splitlines() == [
        "target.dtype = torch.int64  target.shape = (4, 3)",
        f"RuntimeError: {PROBABILITY_TARGET}",
    ]
    with pytest.raises(RuntimeError, match=re.escape(PROBABILITY_TARGET)):
        F.cross_entropy(ns["logits"], ns["target"])


def test_indices_and_float_one_hot_give_the_same_loss():
    run = run_snippet("mistakes/classification_006.py")
    ns = run.namespace
    assert torch.allclose(ns["by_index"], ns["by_probability"])
    values = [line.split("=")[-1].strip() for line in run.stdout.splitlines()]
    assert values[0] == values[1] == f"{ns['by_index'].item():.4f}"


def test_bce_loss_refuses_logits_outside_zero_one():
    run = run_snippet("mistakes/classification_007.py")
    ns = run.namespace
    logits = ns["logits"].detach()
    assert (logits < 0).any()  # the reason it raises
    assert run.stdout.splitlines()[-1] == f"RuntimeError: {BCE_RANGE}"
    with pytest.raises(RuntimeError, match=re.escape(BCE_RANGE)):
        nn.BCELoss()(ns["logits"], ns["y"])
    # the page: scores that happen to lie in [0, 1] pass silently and give a wrong loss
    inside = torch.tensor([[0.2], [0.7], [0.4], [0.9]])
    silent = nn.BCELoss()(inside, ns["y"])
    assert not torch.allclose(silent, nn.BCEWithLogitsLoss()(inside, ns["y"]))


def test_bce_with_logits_equals_sigmoid_then_bce_and_stays_accurate():
    run = run_snippet("mistakes/classification_008.py")
    ns = run.namespace
    assert torch.allclose(ns["with_logits"], ns["with_sigmoid"])
    lines = run.stdout.splitlines()
    assert lines[0].split("=")[1] == lines[1].split("=")[1]
    # the formula on the page
    p, y = torch.sigmoid(ns["logits"]), ns["y"]
    formula = -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()
    assert torch.allclose(ns["with_logits"], formula)
    assert lines[2:] == [
        "sigmoid(-200) = 0.0",
        "BCEWithLogitsLoss(-200)     = 200.0000",
        "BCELoss(sigmoid(-200))      = 100.0000",  # log clamped at -100
    ]


def test_bce_needs_float_targets():
    run = run_snippet("mistakes/classification_009.py")
    assert run.stdout.splitlines() == [
        f"BCELoss          RuntimeError: {BCE_LONG}",
        f"BCEWithLogitsLoss RuntimeError: {CAST_LONG}",
    ]
    logits, labels = run.namespace["logits"], run.namespace["labels"]
    with pytest.raises(RuntimeError, match=re.escape(BCE_LONG)):
        nn.BCELoss()(torch.sigmoid(logits), labels)
    with pytest.raises(RuntimeError, match=re.escape(CAST_LONG)):
        nn.BCEWithLogitsLoss()(logits, labels)


def test_float_targets_and_soft_labels_work():
    run = run_snippet("mistakes/classification_010.py")
    ns = run.namespace
    loss = nn.BCEWithLogitsLoss()(ns["logits"], ns["target"])
    assert run.stdout.splitlines() == [
        "target = tensor([1., 0., 1., 1.])",
        f"BCEWithLogitsLoss = {loss.item():.4f}",
    ]
    # the page: a soft label such as 0.9 is a valid BCE target
    soft = nn.BCEWithLogitsLoss()(torch.tensor([2.0]), torch.tensor([0.9]))
    p = torch.sigmoid(torch.tensor(2.0))
    assert torch.allclose(soft, -(0.9 * torch.log(p) + 0.1 * torch.log(1 - p)))


def test_bce_shapes_must_match_and_squeeze_eats_a_batch_of_one():
    run = run_snippet("mistakes/classification_011.py")
    assert run.stdout.splitlines() == [
        f"ValueError: {BCE_SIZE}",
        "model(last_x).squeeze().shape = ()",
        f"ValueError: {BCE_SIZE_ONE}",
    ]
    with pytest.raises(ValueError, match=re.escape(BCE_SIZE)):
        nn.BCEWithLogitsLoss()(torch.zeros(4, 1), torch.zeros(4))
    # the page: MSELoss only warns in the same situation (and broadcasts)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        F.mse_loss(torch.zeros(4, 1), torch.zeros(4))
    assert len(caught) == 1 and "different to the input size" in str(caught[0].message)


def test_squeeze_one_keeps_the_batch_dimension():
    lines = lines_of("mistakes/classification_012.py")
    assert lines[0].startswith("批大小 4: out.shape = (4,), y.shape = (4,), loss = ")
    assert lines[1].startswith("批大小 1: out.shape = (1,), y.shape = (1,), loss = ")


def test_sigmoid_before_bce_with_logits_is_silently_wrong():
    run = run_snippet("mistakes/classification_013.py")
    ns = run.namespace
    lines = run.stdout.splitlines()
    assert lines[0] == "正确 BCEWithLogitsLoss(logit)          = 10.0000  logit 的梯度 = -0.999955"
    assert lines[1] == "错误 BCEWithLogitsLoss(sigmoid(logit)) = 0.6931  logit 的梯度 = -0.000023"
    assert lines[2:] == ["完美预测时 正确写法 = 0.0000", "完美预测时 错误写法 = 0.3133"]
    assert ns["wrong"].item() == pytest.approx(-math.log(0.5), abs=1e-4)
    # the numbers in the prose: the second sigmoid lands in [sigma(0), sigma(1)]
    assert torch.sigmoid(torch.tensor(0.0)).item() == 0.5
    assert torch.sigmoid(torch.tensor(1.0)).item() == pytest.approx(0.7311, abs=1e-4)
    assert -math.log(1 / (1 + math.exp(-1))) == pytest.approx(0.3133, abs=1e-4)
    assert -math.log(0.5) == pytest.approx(0.6931, abs=1e-4)
    z = torch.linspace(-50, 50, 1001)
    twice = torch.sigmoid(torch.sigmoid(z))
    assert twice.min() >= 0.5 and twice.max() <= torch.sigmoid(torch.tensor(1.0))


def test_logits_to_the_loss_probability_outside():
    run = run_snippet("mistakes/classification_014.py")
    ns = run.namespace
    assert torch.allclose(ns["loss"], nn.BCELoss()(ns["prob"], ns["y"]))
    expected = [round(p, 4) for p in torch.sigmoid(ns["logits"]).tolist()]
    assert run.stdout.splitlines()[1] == f"是正类的概率: {expected}"


def test_nll_loss_on_probabilities_is_negative():
    run = run_snippet("mistakes/classification_015.py")
    ns = run.namespace
    lines = run.stdout.splitlines()
    assert ns["loss"].item() < 0
    assert lines[0].split("=")[1] == lines[1].split("=")[1]  # minus the mean probability
    assert lines[2] == "完美预测时 = -0.9999"
    # it still pushes the correct class up, but with another gradient than cross-entropy
    logits = ns["logits"].clone().requires_grad_()
    F.nll_loss(F.softmax(logits, dim=1), ns["target"]).backward()
    wrong_grad = logits.grad.clone()
    logits.grad = None
    F.cross_entropy(logits, ns["target"]).backward()
    assert not torch.allclose(wrong_grad, logits.grad)
    rows = torch.arange(4)
    assert (wrong_grad[rows, ns["target"]] < 0).all()  # descent raises the correct class


def test_log_softmax_then_nll_is_cross_entropy():
    run = run_snippet("mistakes/classification_016.py")
    lines = run.stdout.splitlines()
    assert lines[0].split("=")[1] == lines[1].split("=")[1]
    assert lines[2] == "完美预测时 = 0.0001"


# --------------------------------------------------------------------------- 形状与数据类型

MAT_SHAPES = "mat1 and mat2 shapes cannot be multiplied (4x5 and 3x2)"
BROADCAST = (
    "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1"
)
VIEW = (
    "view size is not compatible with input tensor's size and stride (at least one dimension "
    "spans across two contiguous subspaces). Use .reshape(...) instead."
)
DIM_RANGE = "Dimension out of range (expected to be in range of [-1, 0], but got 1)"
BATCH_SIZE = "Expected input batch_size (2) to match target batch_size (4)."
DTYPE_DOUBLE = "mat1 and mat2 must have the same dtype, but got Double and Float"
DTYPE_LONG = "mat1 and mat2 must have the same dtype, but got Long and Float"
MEAN_BOOL = (
    "mean(): could not infer output dtype. Input dtype must be either a floating point or "
    "complex dtype. Got: Bool"
)
ITEM_MANY = "a Tensor with 4 elements cannot be converted to Scalar"
ONE_ELEMENT = "only one element tensors can be converted to Python scalars"


def test_linear_in_features_must_match_the_input():
    run = run_snippet("mistakes/shapes_dtypes_001.py")
    ns = run.namespace
    assert run.stdout.splitlines() == [
        "x.shape            = (4, 5)",
        "layer.weight.shape = (2, 3) （输出数, 输入数）",
        f"RuntimeError: {MAT_SHAPES}",
    ]
    # mat1 is the input, mat2 is weight.T
    assert tuple(ns["x"].shape) == (4, 5) and tuple(ns["layer"].weight.T.shape) == (3, 2)
    with pytest.raises(RuntimeError, match=re.escape(MAT_SHAPES)):
        ns["x"] @ ns["layer"].weight.T


def test_linear_is_x_times_weight_transposed_plus_bias():
    run = run_snippet("mistakes/shapes_dtypes_002.py")
    assert run.stdout.splitlines() == ["out.shape = (4, 2)", "与 x @ weight.T + bias 相同: True"]


def test_mean_without_keepdim_does_not_broadcast_per_row():
    run = run_snippet("mistakes/shapes_dtypes_003.py")
    ns = run.namespace
    lines = run.stdout.splitlines()
    assert lines[:2] == ["row_mean.shape = (4,)", f"RuntimeError: {BROADCAST}"]
    with pytest.raises(RuntimeError, match=re.escape(BROADCAST)):
        ns["x"] - ns["row_mean"]
    # the square case: column j minus the mean of row j, so rows do not average to 0
    square, centered = ns["square"], ns["centered"]
    assert torch.allclose(centered, square - square.mean(dim=1).unsqueeze(0))
    assert (centered.mean(dim=1).abs() > 1e-2).all()


def test_keepdim_keeps_a_length_one_dimension():
    run = run_snippet("mistakes/shapes_dtypes_004.py")
    ns = run.namespace
    assert run.stdout.splitlines() == [
        "row_mean.shape = (4, 1)",
        "每行减完之后的平均值都是 0: True",
    ]
    assert torch.allclose(ns["centered"][2], ns["x"][2] - ns["x"][2].mean())


def test_view_of_a_transposed_tensor_fails():
    run = run_snippet("mistakes/shapes_dtypes_005.py")
    ns = run.namespace
    assert run.stdout.splitlines() == [
        "xt = [[0, 3], [1, 4], [2, 5]]",
        "xt.is_contiguous() = False",
        "x.stride() = (3, 1)  xt.stride() = (1, 3)",
        f"RuntimeError: {VIEW}",
    ]
    # transpose moves no data: same memory, still in the order 0..5
    x, xt = ns["x"], ns["xt"]
    # the page: reading 0, 3, 1, 4, 2, 5 row by row jumps +3, -2, +3, ...: no single stride
    positions = [xt.stride(0) * i + xt.stride(1) * j for i in range(3) for j in range(2)]
    assert [x.view(6)[k].item() for k in positions] == xt.reshape(6).tolist() == [0, 3, 1, 4, 2, 5]
    assert [b - a for a, b in zip(positions, positions[1:], strict=False)] == [3, -2, 3, -2, 3]
    assert xt.data_ptr() == x.data_ptr() and x.view(6).tolist() == [0, 1, 2, 3, 4, 5]
    with pytest.raises(RuntimeError, match=re.escape(VIEW)):
        xt.view(2, 3)  # another shape that needs the row-by-row order


def test_reshape_copies_when_it_must_and_view_shares_memory():
    run = run_snippet("mistakes/shapes_dtypes_006.py")
    assert run.stdout.splitlines() == [
        "xt.reshape(6)           = tensor([0, 3, 1, 4, 2, 5])",
        "xt.contiguous().view(6) = tensor([0, 3, 1, 4, 2, 5])",
        "改过 v[0] 之后 x = [[100, 1, 2], [3, 4, 5]]",
    ]
    x = torch.arange(6).reshape(2, 3)
    assert x.reshape(6).data_ptr() == x.data_ptr()  # no copy when a view is possible
    assert x.t().reshape(6).data_ptr() != x.data_ptr()  # a copy when it is not


def test_a_single_sample_has_no_dim_one():
    run = run_snippet("mistakes/shapes_dtypes_007.py")
    assert run.stdout.splitlines() == ["logits.shape = (3,)", f"IndexError: {DIM_RANGE}"]
    with pytest.raises(IndexError, match=re.escape(DIM_RANGE)):
        F.softmax(run.namespace["logits"], dim=1)


def test_unsqueeze_adds_the_batch_dimension():
    run = run_snippet("mistakes/shapes_dtypes_008.py")
    assert run.stdout.splitlines() == [
        "batch.shape = (1, 4)  logits.shape = (1, 3)",
        "概率之和 = 1.0",
        "dim=-1 两种写法一致: True",
    ]


def test_reshape_minus_one_merges_samples():
    run = run_snippet("mistakes/shapes_dtypes_009.py")
    ns = run.namespace
    assert run.stdout.splitlines() == ["flat.shape = (2, 12)", f"ValueError: {BATCH_SIZE}"]
    assert torch.equal(ns["flat"][0], torch.cat([ns["x"][0].reshape(6), ns["x"][1].reshape(6)]))
    with pytest.raises(ValueError, match=re.escape(BATCH_SIZE)):
        F.cross_entropy(ns["model"](ns["flat"]), ns["labels"])
    # the page: with an odd number of samples the reshape itself fails
    with pytest.raises(RuntimeError, match=re.escape("shape '[-1, 12]' is invalid")):
        torch.zeros(3, 2, 3).reshape(-1, 12)


def test_flatten_keeping_the_batch_dimension():
    run = run_snippet("mistakes/shapes_dtypes_010.py")
    ns = run.namespace
    assert ns["flat"].shape == (4, 6) and ns["model"].in_features == 6
    assert run.stdout.splitlines()[0] == "flat.shape = (4, 6)"
    # the page: keeping nn.Linear(12, 3) now fails with the first error of the page
    with pytest.raises(RuntimeError, match=re.escape("mat1 and mat2 shapes cannot be multiplied")):
        nn.Linear(12, 3)(ns["flat"])


def test_numpy_float64_and_integer_inputs_meet_float32_weights():
    run = run_snippet("mistakes/shapes_dtypes_011.py")
    ns = run.namespace
    assert run.stdout.splitlines() == [
        "model.weight.dtype = torch.float32",
        "x.dtype = torch.float64",
        f"RuntimeError: {DTYPE_DOUBLE}",
        f"RuntimeError: {DTYPE_LONG}",
    ]
    features = ns["features"]
    assert features.dtype == np.float64
    # from_numpy keeps the dtype and shares memory; torch.tensor keeps the dtype too
    x = torch.from_numpy(features)
    features[0, 0] = 7.0
    assert x[0, 0].item() == 7.0
    assert torch.tensor(features).dtype == torch.float64
    with pytest.raises(RuntimeError, match=re.escape(DTYPE_DOUBLE)):
        ns["model"](x)


def test_float32_inputs_or_a_double_model():
    run = run_snippet("mistakes/shapes_dtypes_012.py")
    assert run.stdout.splitlines() == [
        "x.dtype = torch.float32  y.dtype = torch.float32",
        "model(x).shape = (2, 1)",
        "model(整数.float()).shape = (1, 1)",
    ]
    # the page: model.double() also runs, at 8 bytes per number instead of 4
    model = nn.Linear(3, 1).double()
    assert model(torch.ones(1, 3, dtype=torch.float64)).dtype == torch.float64
    assert model.weight.element_size() == 8 and nn.Linear(3, 1).weight.element_size() == 4


def test_mean_of_booleans_and_integers_needs_a_float():
    run = run_snippet("mistakes/shapes_dtypes_013.py")
    lines = run.stdout.splitlines()
    assert lines[-1] == f"RuntimeError: {MEAN_BOOL}"
    with pytest.raises(RuntimeError, match=re.escape(MEAN_BOOL.replace("Bool", "Long"))):
        torch.tensor([1, 2, 3]).mean()
    assert run.namespace["correct"].sum().dtype == torch.int64  # sum counts the Trues


def test_accuracy_as_a_float_mean():
    run = run_snippet("mistakes/shapes_dtypes_014.py")
    assert run.stdout.splitlines() == ["准确率 = 0.5", "也可以数出来再除: 2 / 4 = 0.5"]


def test_in_place_true_division_of_integers():
    run = run_snippet("mistakes/shapes_dtypes_015.py")
    assert run.stdout.splitlines() == [
        "counts / 4  = tensor([0.5000, 1.0000, 1.5000])",
        "counts // 4 = tensor([0, 1, 1])",
        f"RuntimeError: {CAST_LONG}",
    ]
    counts = torch.tensor([2, 4, 6])
    with pytest.raises(RuntimeError, match=re.escape(CAST_LONG)):
        counts /= 4
    assert (torch.tensor(3) / torch.tensor(2)).dtype == torch.float32  # int / int is a float


def test_out_of_place_or_float_first():
    run = run_snippet("mistakes/shapes_dtypes_016.py")
    ns = run.namespace
    assert ns["ratio"].dtype == ns["counts"].dtype == torch.float32
    assert ns["ratio"].tolist() == ns["counts"].tolist() == [0.5, 1.0, 1.5]


def test_item_needs_exactly_one_element():
    run = run_snippet("mistakes/shapes_dtypes_017.py")
    assert run.stdout.splitlines() == [
        "per_sample = tensor([0.2500, 0.0000, 0.2500, 1.0000])",
        f"RuntimeError: {ITEM_MANY}",
    ]
    with pytest.raises(RuntimeError, match=re.escape(ITEM_MANY)):
        run.namespace["per_sample"].item()


def test_tolist_reduce_or_index():
    lines = lines_of("mistakes/shapes_dtypes_018.py")
    assert lines == [
        "per_sample.tolist()      = [0.25, 0.0, 0.25, 1.0]",
        "per_sample.mean().item() = 0.375",
        "per_sample[3].item()     = 1.0",
    ]


def test_torch_tensor_of_tensors_and_float_of_many():
    run = run_snippet("mistakes/shapes_dtypes_019.py")
    assert run.stdout.splitlines() == [f"ValueError: {ONE_ELEMENT}"] * 2
    with pytest.raises(ValueError, match=re.escape(ONE_ELEMENT)):
        torch.tensor(run.namespace["batches"])
    # the page: torch.tensor reads every item as one number, so one-element tensors do work
    assert torch.tensor([torch.tensor(0.5), torch.tensor(1.0)]).tolist() == [0.5, 1.0]


def test_stack_and_cat():
    run = run_snippet("mistakes/shapes_dtypes_020.py")
    assert run.stdout.splitlines() == [
        "torch.stack: (2, 2) [[0.5, 1.0], [1.5, 2.0]]",
        "torch.cat  : (4,) [0.5, 1.0, 1.5, 2.0]",
    ]


# --------------------------------------------------------------------------- 训练循环与优化器

EMPTY_PARAMS = "optimizer got an empty parameter list"
ASSIGN_PARAM = (
    "cannot assign 'torch.FloatTensor' as parameter 'weight' (torch.nn.Parameter or None expected)"
)


def _losses(snippet: str) -> list[float]:
    line = next(x for x in lines_of(snippet) if x.startswith("loss: "))
    return [float(v) for v in line[len("loss: [") : -1].split(", ")]


def test_without_zero_grad_the_loss_oscillates():
    run = run_snippet("mistakes/training_001.py")
    losses = _losses("mistakes/training_001.py")
    assert len(losses) == 30
    assert min(losses[:5]) < 1 and max(losses[-10:]) > 16  # below 1, then back above 16
    ups = sum(b > a for a, b in zip(losses, losses[1:], strict=False))
    assert ups >= 10  # not a descent: it keeps climbing back
    assert abs(run.namespace["model"].weight.item() - 3) > 1  # 30 steps, still far from 3
    # the page: without zero_grad, step t moves w by the sum of the gradients of steps 1..t
    x, y = run.namespace["x"], run.namespace["y"]
    torch.manual_seed(0)
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    total = torch.zeros(1, 1)
    for _ in range(30):
        before = model.weight.detach().clone()
        loss = ((model(x) - y) ** 2).mean()
        (step_grad,) = torch.autograd.grad(loss, model.weight, retain_graph=True)
        total += step_grad
        loss.backward()
        optimizer.step()
        assert torch.allclose(model.weight.grad, total)
        assert torch.allclose(model.weight, before - 0.1 * total)
    assert torch.equal(model.weight, run.namespace["model"].weight)
    assert run.stdout.splitlines()[-1] == "30 步之后 w = 1.2663, b = 0.8232"


def test_with_zero_grad_the_loss_descends():
    run = run_snippet("mistakes/training_002.py")
    losses = _losses("mistakes/training_002.py")
    assert losses == sorted(losses, reverse=True) and losses[-1] == 0.0
    assert run.namespace["model"].weight.item() == pytest.approx(3.0, abs=1e-3)
    assert run.stdout.splitlines()[-1].startswith("30 步之后 w = 3.0000")


def test_step_before_backward_never_moves():
    run = run_snippet("mistakes/training_003.py")
    ns = run.namespace
    assert ns["model"].weight.item() == ns["w_before"]
    lines = run.stdout.splitlines()
    assert lines[0] == "30 次 step() 看到的 weight.grad 都是 None: True"
    assert len(ns["grads_seen"]) == 30 and ns["model"].weight.grad is not None  # set after step
    assert lines[1] == f"训练前 w = {ns['w_before']:.4f}"
    assert lines[2] == f"30 步之后 w = {ns['w_before']:.4f}, loss = 15.2898"
    # SGD skips a parameter whose .grad is None, which is what zero_grad() leaves
    p = nn.Parameter(torch.ones(1))
    opt = torch.optim.SGD([p], lr=0.1)
    opt.zero_grad()
    assert p.grad is None
    opt.step()
    assert p.item() == 1.0


def test_the_four_steps_in_order_learn():
    run = run_snippet("mistakes/training_004.py")
    assert run.stdout.strip() == "30 步之后 w = 3.0000, loss = 0.0000"


def test_plain_tensor_attributes_are_not_parameters():
    run = run_snippet("mistakes/training_005.py")
    assert run.stdout.splitlines() == [
        "list(model.parameters()) = []",
        f"ValueError: {EMPTY_PARAMS}",
    ]
    Line = run.namespace["Line"]
    with pytest.raises(ValueError, match=re.escape(EMPTY_PARAMS)):
        torch.optim.SGD(Line().parameters(), lr=0.1)
    # the page: next to another layer it raises nothing; the tensor is just never registered,
    # never trained, and not converted by model.double()
    model = Line()
    model.layer = nn.Linear(1, 1)
    assert [name for name, _ in model.named_parameters()] == ["layer.weight", "layer.bias"]
    model.double()
    assert model.w.dtype == torch.float32 and model.layer.weight.dtype == torch.float64


def test_nn_parameter_registers_and_trains():
    run = run_snippet("mistakes/training_006.py")
    lines = run.stdout.splitlines()
    assert lines[:2] == [
        "参数 w: requires_grad = True, is_leaf = True",
        "参数 b: requires_grad = True, is_leaf = True",
    ]
    assert lines[2] == "50 步之后 w = 3.0000, b = 1.0000"
    assert isinstance(nn.Parameter(torch.zeros(1)), torch.Tensor)  # a subclass of Tensor


def test_parameters_left_out_of_the_optimizer_get_gradients_but_never_move():
    run = run_snippet("mistakes/training_007.py")
    ns = run.namespace
    assert run.stdout.splitlines() == [
        "encoder.weight.grad 存在: True",
        "encoder 的参数变了没有: False",
        "head    的参数变了没有: True",
    ]
    # nobody zeroes encoder's .grad: it is the sum of all 20 steps' gradients
    torch.manual_seed(0)
    encoder, head = nn.Linear(2, 4), nn.Linear(4, 1)
    optimizer = torch.optim.SGD(head.parameters(), lr=0.1)
    x, y = torch.randn(8, 2), torch.randn(8, 1)
    assert torch.equal(x, ns["x"]) and torch.equal(y, ns["y"])
    total = torch.zeros_like(encoder.weight)
    for _ in range(20):
        optimizer.zero_grad()
        loss = ((head(torch.relu(encoder(x))) - y) ** 2).mean()
        (step_grad,) = torch.autograd.grad(loss, encoder.weight, retain_graph=True)
        total += step_grad
        loss.backward()
        optimizer.step()
    assert torch.allclose(ns["encoder"].weight.grad, total)
    assert not torch.allclose(ns["encoder"].weight.grad, step_grad)


def test_one_module_hands_every_parameter_to_the_optimizer():
    run = run_snippet("mistakes/training_008.py")
    assert run.stdout.splitlines() == ["model 的参数个数: 4", "encoder 的参数变了没有: True"]


def test_a_parameters_generator_is_used_up():
    run = run_snippet("mistakes/training_009.py")
    assert run.stdout.splitlines() == [
        "type(params) = generator",
        "参数里一共有 4 个数",
        f"ValueError: {EMPTY_PARAMS}",
    ]
    assert list(run.namespace["params"]) == []


def test_a_list_of_parameters_can_be_reused():
    run = run_snippet("mistakes/training_010.py")
    assert run.stdout.splitlines() == [
        "第一遍数: 4 个数",
        "第二遍数: 4 个数",
        "model.parameters() 又给出了 2 个参数张量（weight 和 bias）",
    ]


def test_assigning_a_tensor_to_a_parameter_name_is_refused():
    run = run_snippet("mistakes/training_011.py")
    assert run.stdout.strip() == f"TypeError: {ASSIGN_PARAM}"
    model = run.namespace["model"]
    update = model.weight - 0.1 * model.weight.grad
    assert not update.is_leaf and update.grad_fn is not None
    with pytest.raises(TypeError, match=re.escape(ASSIGN_PARAM)):
        model.weight = update
    # wrapping it in a new nn.Parameter is accepted, but the optimizer still holds the old one
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    model.weight = nn.Parameter(update.detach())
    assert all(p is not model.weight for p in optimizer.param_groups[0]["params"])


def test_in_place_update_under_no_grad_is_sgd():
    run = run_snippet("mistakes/training_012.py")
    ns = run.namespace
    assert run.stdout.splitlines() == ["w = 3.0000, b = 1.0000", "weight 仍是 nn.Parameter: True"]
    assert torch.allclose(ns["y"], 3 * ns["x"] + 1)  # the page's line y = 3x + 1
    # the same 300 steps with torch.optim.SGD(lr=0.25) land on the same parameters
    torch.manual_seed(0)
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.25)
    for _ in range(300):
        optimizer.zero_grad()
        ((model(ns["x"]) - ns["y"]) ** 2).mean().backward()
        optimizer.step()
    assert torch.allclose(model.weight, ns["model"].weight)
    assert torch.allclose(model.bias, ns["model"].bias)


def test_a_too_large_learning_rate_overflows_to_inf_then_nan():
    run = run_snippet("mistakes/training_013.py")
    lines = run.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        f"第 {s:3d} 步" for s in (0, 1, 2, 3, 20, 40, 50, 60, 80, 100, 101, 102, 103)
    ]
    assert lines[0] == "第   0 步: loss = 15.29, 更新后 w = 10.02, b = 1.464"
    assert lines[6] == "第  50 步: loss = inf, 更新后 w = 1.758e+19, b = 5.231e+10"  # the first inf
    assert lines[-2] == "第 102 步: loss = inf, 更新后 w = inf, b = nan"
    assert lines[-1] == "第 103 步: loss = nan, 更新后 w = nan, b = nan"
    # the prose: w jumps across 3 every step, farther each time; the first four printed steps
    # show it, the every-20-steps ones happen to lie on one side
    x, y = run.namespace["x"], run.namespace["y"]
    torch.manual_seed(0)
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
    ws, bs, losses = [], [], []
    for step in range(104):
        optimizer.zero_grad()
        pred = model(x)
        pred.retain_grad()
        loss = ((pred - y) ** 2).mean()
        loss.backward()
        if step == 102:
            # the gradient itself overflows: +inf at one end, -inf at the other; b's gradient
            # adds them up (inf - inf = nan), w's gradient is -inf, so w becomes +inf
            assert pred.grad[0].item() == math.inf and pred.grad[-1].item() == -math.inf
            assert math.isnan(model.bias.grad.item()) and model.weight.grad.item() == -math.inf
        optimizer.step()
        ws.append(model.weight.item())
        bs.append(model.bias.item())
        losses.append(loss.item())
    sides = [w > 3 for w in ws[:100]]
    assert all(a != b for a, b in zip(sides, sides[1:], strict=False))
    assert sides[:4] == [True, False, True, False]
    gaps = [abs(w - 3) for w in ws[:100]]
    assert gaps == sorted(gaps)
    assert all(ws[s] > 3 for s in range(0, 101, 20))
    # the loss overflows first (step 50), while w and b are still finite until step 102
    assert losses.index(math.inf) == 50 and all(math.isfinite(v) for v in losses[:50])
    assert all(
        math.isfinite(w) and math.isfinite(b) for w, b in zip(ws[:102], bs[:102], strict=True)
    )
    assert math.isinf(ws[102]) and math.isnan(bs[102]) and math.isnan(ws[103])
    assert math.isnan(losses[103])
    assert 0.0 in x.flatten().tolist()  # so w = inf meets inf * 0 in step 103's forward pass
    assert torch.finfo(torch.float32).max == pytest.approx(3.4e38, rel=0.01)
    inf = torch.tensor(math.inf)
    assert (
        torch.isnan(inf * 0) and torch.isnan(inf - inf) and torch.isnan(torch.tensor(math.nan) * 0)
    )


def test_a_smaller_learning_rate_and_a_finite_check():
    lines = lines_of("mistakes/training_014.py")
    assert lines == [
        "lr = 1.0: 第 50 步 loss = inf，停止训练",
        "lr = 0.1: 200 步之后 loss = 0.0000, w = 3.0000",
    ]
    assert torch.isfinite(torch.tensor([1.0, math.inf, math.nan])).tolist() == [True, False, False]


def test_summing_loss_tensors_keeps_every_graph_alive():
    run = run_snippet("mistakes/training_015.py")
    lines = run.stdout.splitlines()
    per_batch = 32 * 100 * 4 * 2 + 32 * 1 * 4  # x and the Tanh output, and pred - y
    weight_t = 100 * 4  # the second layer's weight.T, shared by every batch
    assert lines[:3] == [
        f"第  1 批之后: 为反向传播保存、仍未释放的张量 {per_batch + weight_t} 字节",
        f"第  2 批之后: 为反向传播保存、仍未释放的张量 {2 * per_batch + weight_t} 字节",
        f"第 10 批之后: 为反向传播保存、仍未释放的张量 {10 * per_batch + weight_t} 字节",
    ]
    total = run.namespace["total"]
    assert total.grad_fn is not None and lines[3].startswith("total = tensor(")


def test_summing_items_keeps_one_graph_and_no_grad_none():
    run = run_snippet("mistakes/training_016.py")
    lines = run.stdout.splitlines()
    one_batch = 32 * 100 * 4 * 2 + 32 * 1 * 4 + 100 * 4
    assert lines[:3] == [f".item()  第 {k:2d} 批之后: {one_batch} 字节" for k in (1, 2, 10)]
    assert lines[4] == "no_grad  10 批之后: 0 字节"
    # the same draws and the same total as the failing loop
    failing = run_snippet("mistakes/training_015.py").namespace["total"].item()
    assert lines[3] == f"total = {failing:.4f}"
    assert isinstance(run.namespace["total"], float)


def test_the_chapter_has_at_least_forty_entries():
    pages = [p for p in (ROOT / "docs" / "mistakes").glob("*.md") if p.name != "index.md"]
    entries = [
        line
        for page in pages
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("## ") and line != "## 动手练习"
    ]
    assert len(entries) >= 40, len(entries)


# --------------------------------------------------------------------------- the built chapter

# (page, fragment): a learner pastes the fragment into the search box and lands on the page
SEARCHABLE = [
    ("autograd", NO_GRAD_FN),
    ("autograd", "Trying to backward through the graph a second time"),
    ("autograd", SCALAR),
    ("autograd", AMBIGUOUS),
    ("autograd", TUPLE_TIMES_FLOAT),
    ("autograd", "appears to not have been used in the graph"),
    ("autograd", "loss.requires_grad = True"),
    ("inplace", "a leaf Variable that requires grad is being used in an in-place operation"),
    ("inplace", "has been modified by an inplace operation"),
    ("inplace", "is at version 1; expected version 0"),
    ("inplace", "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed"),
    ("inplace", "Can't call numpy() on Tensor that requires grad"),
    ("softmax_loss", "Implicit dimension choice for softmax has been deprecated"),
    ("softmax_loss", "Expected target size"),
    ("softmax_loss", TARGET_FLOAT),
    ("softmax_loss", "that is different to the input size"),
    ("softmax_loss", "Using a target size (torch.Size([4]))"),
    ("other", INT_REQUIRES_GRAD),
    ("other", "Inference tensors cannot be saved for backward"),
    ("classification", "is out of bounds"),
    ("classification", MULTI_TARGET),
    ("classification", PROBABILITY_TARGET),
    ("classification", BCE_RANGE),
    ("classification", BCE_LONG),
    ("classification", CAST_LONG),
    ("classification", "must be the same as input size"),
    ("shapes_dtypes", "mat1 and mat2 shapes cannot be multiplied"),
    ("shapes_dtypes", "must match the size of tensor b"),
    ("shapes_dtypes", "view size is not compatible with input tensor's size and stride"),
    ("shapes_dtypes", "Dimension out of range"),
    ("shapes_dtypes", "to match target batch_size"),
    ("shapes_dtypes", "mat1 and mat2 must have the same dtype"),
    ("shapes_dtypes", "mean(): could not infer output dtype"),
    ("shapes_dtypes", CAST_LONG),
    ("shapes_dtypes", "cannot be converted to Scalar"),
    ("shapes_dtypes", ONE_ELEMENT),
    ("training", EMPTY_PARAMS),
    ("training", "cannot assign 'torch.FloatTensor' as parameter 'weight'"),
    ("training", "zero_grad"),
]


def _plain(text: str) -> str:
    """Indexed text as a reader's query sees it: no tags, no entities, no jieba zero-widths."""
    text = html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\u200b", "")
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(("page", "fragment"), SEARCHABLE)
def test_search_index_holds_the_message(built_site, page, fragment):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = [d for d in index["docs"] if d["location"].startswith(f"mistakes/{page}/")]
    assert sections, f"mistakes/{page} is not in the search index"
    assert any(fragment in _plain(d["title"] + " " + d["text"]) for d in sections)


HEADING = re.compile(r'<h([23]) id="([^"]+)"')
CHAPTER = [
    "autograd",
    "inplace",
    "softmax_loss",
    "classification",
    "shapes_dtypes",
    "training",
    "other",
]


def test_index_links_every_entry(built_site):
    source = (ROOT / "docs" / "mistakes" / "index.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((\w+)\.md#([^)]+)\)", source))
    for page in CHAPTER:
        ids = {anchor for _, anchor in HEADING.findall(page_html(built_site, f"mistakes/{page}"))}
        assert ids, page
        missing = {a for a in ids if (page, a) not in linked and a != "动手练习"}
        assert not missing, f"entries of mistakes/{page} the index does not link: {missing}"


def test_pages_show_real_messages_and_warnings(built_site):
    pages = {p: html.unescape(page_html(built_site, f"mistakes/{p}")) for p in CHAPTER}
    assert f"RuntimeError: {NO_GRAD_FN}" in pages["autograd"]
    assert f"RuntimeError: {SECOND_TIME}" in pages["autograd"]
    assert f"UserWarning: {NON_LEAF_GRAD}" in pages["inplace"]
    assert f"RuntimeError: {NUMPY}" in pages["inplace"]
    assert f"UserWarning: {SOFTMAX_DIM}" in pages["softmax_loss"]
    assert f"UserWarning: {MSE_SIZE}" in pages["softmax_loss"]
    assert f"RuntimeError: {INT_REQUIRES_GRAD}" in pages["other"]
    assert f"RuntimeError: {TARGET_SIZE}" in pages["softmax_loss"]
    assert f"RuntimeError: {INFERENCE_SAVED}" in pages["other"]
    for message in (
        f"IndexError: {OUT_OF_BOUNDS}",
        f"RuntimeError: {MULTI_TARGET}",
        f"RuntimeError: {PROBABILITY_TARGET}",
        f"RuntimeError: {BCE_RANGE}",
        f"RuntimeError: {BCE_LONG}",
        f"RuntimeError: {CAST_LONG}",
        f"ValueError: {BCE_SIZE}",
        f"ValueError: {BCE_SIZE_ONE}",
    ):
        assert message in pages["classification"], message
    for message in (
        f"RuntimeError: {MAT_SHAPES}",
        f"RuntimeError: {BROADCAST}",
        f"RuntimeError: {VIEW}",
        f"IndexError: {DIM_RANGE}",
        f"ValueError: {BATCH_SIZE}",
        f"RuntimeError: {DTYPE_DOUBLE}",
        f"RuntimeError: {DTYPE_LONG}",
        f"RuntimeError: {MEAN_BOOL}",
        f"RuntimeError: {CAST_LONG}",
        f"RuntimeError: {ITEM_MANY}",
        f"ValueError: {ONE_ELEMENT}",
    ):
        assert message in pages["shapes_dtypes"], message
    for message in (f"ValueError: {EMPTY_PARAMS}", f"TypeError: {ASSIGN_PARAM}"):
        assert message in pages["training"], message
    assert "第 103 步: loss = nan, 更新后 w = nan, b = nan" in pages["training"]


def test_relu_variants_agree_away_from_zero():
    torch.manual_seed(0)
    x = torch.randn(1000)
    assert (x != 0).all()
    grads = []
    for f in (torch.relu, lambda t: t.clamp(min=0), lambda t: torch.maximum(t, torch.tensor(0.0))):
        leaf = x.clone().requires_grad_()
        f(leaf).sum().backward()
        grads.append(leaf.grad)
    assert torch.equal(grads[0], grads[1]) and torch.equal(grads[0], grads[2])


def test_summing_losses_needs_no_retained_graph():
    a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    p = F.softmax(a, dim=0)
    g1, g2 = torch.autograd.grad(p[1], a, retain_graph=True)[0], torch.autograd.grad(p[2], a)[0]
    b = a.detach().clone().requires_grad_()
    q = F.softmax(b, dim=0)
    (q[1] + q[2]).backward()
    assert torch.allclose(b.grad, g1 + g2)


def test_class_index_targets_long_or_byte_and_probability_targets():
    torch.manual_seed(0)
    logits = torch.randn(3, 4)
    target = torch.tensor([1, 3, 0])
    by_long = F.cross_entropy(logits, target)
    assert torch.allclose(F.cross_entropy(logits, target.to(torch.uint8)), by_long)
    # a float target shaped like the input means class probabilities
    one_hot = F.one_hot(target, num_classes=4).float()
    assert torch.allclose(F.cross_entropy(logits, one_hot), by_long)


# --- 动手练习 -------------------------------------------------------------------------------------


def test_exercise_backward_on_a_vector_still_raises():
    run = run_snippet("mistakes/other_007.py")
    message = "grad can be implicitly created only for scalar outputs"
    with pytest.raises(RuntimeError, match=message):
        (torch.ones(3, requires_grad=True) * 2).backward()
    assert f"RuntimeError: {message}" in run.stdout
    assert run.namespace["x"].grad.tolist() == [2.0, 2.0, 2.0]


def test_exercise_non_leaf_grad_warns_and_retain_grad_keeps_it():
    run = run_snippet("mistakes/other_008.py")
    assert "h.grad = None" in run.stdout
    assert "is not a leaf Tensor is being accessed" in run.stdout
    assert run.namespace["h"].grad.tolist() == [6.0, 12.0]  # 2·h = 2·3x


def test_the_torch_version_the_chapter_quotes_is_the_one_that_runs():
    for page in ("index", "autograd"):
        text = (ROOT / "docs" / "mistakes" / f"{page}.md").read_text(encoding="utf-8")
        quoted = re.findall(r"torch (\d+\.\d+\.\d+) 的原始报错", text)
        assert quoted == [torch.__version__.split("+")[0]], page

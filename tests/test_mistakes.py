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


def test_index_links_every_entry(built_site):
    source = (ROOT / "docs" / "mistakes" / "index.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((\w+)\.md#([^)]+)\)", source))
    for page in ["autograd", "inplace", "softmax_loss", "other"]:
        ids = {anchor for _, anchor in HEADING.findall(page_html(built_site, f"mistakes/{page}"))}
        assert ids, page
        missing = {a for a in ids if (page, a) not in linked and a != "动手练习"}
        assert not missing, f"entries of mistakes/{page} the index does not link: {missing}"


def test_pages_show_real_messages_and_warnings(built_site):
    pages = {
        p: html.unescape(page_html(built_site, f"mistakes/{p}"))
        for p in ["autograd", "inplace", "softmax_loss", "other"]
    }
    assert f"RuntimeError: {NO_GRAD_FN}" in pages["autograd"]
    assert f"RuntimeError: {SECOND_TIME}" in pages["autograd"]
    assert f"UserWarning: {NON_LEAF_GRAD}" in pages["inplace"]
    assert f"RuntimeError: {NUMPY}" in pages["inplace"]
    assert f"UserWarning: {SOFTMAX_DIM}" in pages["softmax_loss"]
    assert f"UserWarning: {MSE_SIZE}" in pages["softmax_loss"]
    assert f"RuntimeError: {INT_REQUIRES_GRAD}" in pages["other"]
    assert f"RuntimeError: {TARGET_SIZE}" in pages["softmax_loss"]
    assert f"RuntimeError: {INFERENCE_SAVED}" in pages["other"]


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

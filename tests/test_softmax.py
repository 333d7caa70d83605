"""Claims of the Softmax page (docs/softmax/softmax.md), checked against real torch."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from conftest import page_html, run_snippet
from torch.autograd.functional import jacobian


def test_softmax_matches_formula_range_and_sum():
    run = run_snippet("softmax/softmax_001.py")
    a, p = run.namespace["a"], run.namespace["p"]
    assert torch.allclose(p, run.namespace["p_formula"])
    assert torch.allclose(p, torch.exp(a) / torch.exp(a).sum())
    assert ((p > 0) & (p < 1)).all()
    assert abs(p.sum().item() - 1) < 1e-6
    # order is kept: a larger logit gets a larger probability
    assert torch.equal(torch.argsort(a), torch.argsort(p))
    assert "F.softmax(a)  : tensor([0.6118, 0.0977, 0.0148, 0.2313, 0.0443])" in run.stdout


def test_softmax_figure_draws_the_printed_logits():
    run = run_snippet("softmax/softmax_002.py")
    first = run_snippet("softmax/softmax_001.py")
    assert torch.equal(run.namespace["a"], first.namespace["a"])
    left, right = run.namespace["left"], run.namespace["right"]
    logit_bars = [bar.get_height() for bar in left.patches]
    probability_bars = [bar.get_height() for bar in right.patches]
    assert logit_bars == pytest.approx(first.namespace["a"].tolist())
    assert probability_bars == pytest.approx(first.namespace["p"].tolist())
    assert "<title>Softmax 把一组 logits 变成概率分布</title>" in run.stdout
    # the axes name the bars by their code index (from 0), not by a bare i the formula counts from 1
    assert [t.get_text() for t in left.get_xticklabels()] == [f"a[{i}]" for i in range(5)]
    assert [t.get_text() for t in right.get_xticklabels()] == [f"p[{i}]" for i in range(5)]


def test_page_counts_classes_from_one_in_formulas_and_from_zero_in_code():
    """p[2] in code is p_3 in the formula: the third class, never "第 2 类"."""
    from conftest import ROOT

    page = (ROOT / "docs" / "softmax" / "softmax.md").read_text(encoding="utf-8")
    assert "第 2 类" not in page and "p_2 - 1" not in page
    assert "代码里的 `p[2]` 是公式里的 $p_3$，也就是**第 3 个类别**" in page
    assert "正确答案是下标 2（第 3 个类别）" in page
    assert "正确类别的下标为 0（第 1 个类别）" in page
    p = torch.tensor([0.1, 0.2, 0.3, 0.4])
    assert p[2].item() == pytest.approx(0.3)  # p[2] is the third entry
    source = (ROOT / "snippets" / "softmax" / "softmax_006.py").read_text(encoding="utf-8")
    assert "target = torch.tensor(2)  # 正确答案：下标 2，也就是第 3 个类别" in source


def test_float32_extremes_round_to_exactly_zero_and_one():
    run = run_snippet("softmax/softmax_003.py")
    p32, p64 = run.namespace["p32"], run.namespace["p64"]
    assert p32[0].item() == 0.0 and p32[2].item() == 1.0
    assert ((p64 > 0) & (p64 < 1)).any() and p64[0].item() > 0  # float64 still sees e^-200
    assert 1.35e-87 < p64[0].item() < 1.45e-87  # "约为 1.4e-87"
    # the middle value is a float32 subnormal: positive but below the smallest normal number
    assert 0 < p32[1].item() < torch.finfo(torch.float32).tiny
    assert 3.775e-44 < p32[1].item() < 3.785e-44  # "近似成了 3.78e-44"
    assert 3.65e-44 < p64[1].item() < 3.75e-44  # "约为 3.7e-44（float64 的结果）"
    assert 1.15e-38 < torch.finfo(torch.float32).tiny < 1.25e-38  # "约 1.2e-38"
    relative_gap = abs(p32[1].item() - p64[1].item()) / p64[1].item()
    assert relative_gap > 1e-3  # "只剩很少的有效数字，所以和 float64 的结果对不上"
    # the naive formula overflows; softmax is shift-invariant, F.softmax is not fooled
    big = run.namespace["big"]
    assert torch.isinf(torch.exp(big)).any()  # e^1000 overflows float32
    assert torch.isnan(torch.exp(big) / torch.exp(big).sum()).any()
    assert F.softmax(big, dim=0).tolist() == [0.0, 1.0]
    a = torch.tensor([0.3, -1.2, 2.0])
    assert torch.allclose(F.softmax(a, dim=0), F.softmax(a - 5.0, dim=0))
    assert "float32 中恰好等于 0 或 1: [True, False, False] [False, False, True]" in run.stdout
    assert "照公式手算: [0.0, nan]" in run.stdout


def test_rows_of_the_jacobian_match_the_formula_and_signs():
    run = run_snippet("softmax/softmax_004.py")
    p = run.namespace["p"]
    # the printed labels use the code's index p[1], p[2]; autograd and the formula print the same
    lines = run.stdout.splitlines()
    assert lines[1].startswith("∂p[1]/∂a = ") and lines[2].startswith("∂p[2]/∂a = ")
    assert lines[3] == "公式 " + lines[1] and lines[4] == "公式 " + lines[2]
    for i, grad in ((1, run.namespace["grad_p1"]), (2, run.namespace["grad_p2"])):
        assert torch.allclose(grad, p[i] * (torch.eye(3)[i] - p))
        assert grad[i] > 0  # i = j: p_i (1 - p_i) > 0
        assert (torch.cat([grad[:i], grad[i + 1 :]]) < 0).all()  # i != j: -p_i p_j < 0


def test_second_grad_without_retain_graph_fails():
    """The pointer callout: the graph is freed after the first grad call."""
    a = torch.rand(3, requires_grad=True)
    p = F.softmax(a, dim=0)
    assert torch.equal(p.grad_fn._saved_result, p)  # what the graph saved: softmax's output
    torch.autograd.grad(p[1], [a])
    with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
        torch.autograd.grad(p[2], [a])


def test_formula_jacobian_equals_autograd_jacobian():
    run = run_snippet("softmax/softmax_005.py")
    ns = run.namespace
    p = ns["p"]
    J = ns["J_formula"]
    assert (J - ns["J_autograd"]).abs().max().item() < 1e-6
    assert torch.allclose(J.diagonal(), p * (1 - p))
    off = ~torch.eye(4, dtype=torch.bool)
    assert torch.allclose(J[off], -torch.outer(p, p)[off])
    assert J.sum(dim=1).abs().max().item() < 1e-6  # rows sum to 0
    assert "最大差值:" in run.stdout
    # diag(p) and outer(p, p) as the comments describe them
    assert torch.equal(torch.diag(p).diagonal(), p) and torch.diag(p).count_nonzero() == 4
    assert torch.allclose(torch.outer(p, p)[1, 2], p[1] * p[2])


def test_jacobian_takes_one_gradient_per_output_and_stacks_the_rows(monkeypatch):
    """The page: jacobian(f, a) takes one gradient per output component, like grad on p[i]."""
    calls = []
    original = torch.autograd.grad

    def counting_grad(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(torch.autograd, "grad", counting_grad)
    a = torch.randn(4)
    J = jacobian(lambda logits: F.softmax(logits, dim=0), a)
    assert len(calls) == 4  # one per output p[0] .. p[3]
    monkeypatch.undo()
    for i in range(4):
        b = a.clone().requires_grad_()
        (row,) = torch.autograd.grad(F.softmax(b, dim=0)[i], [b])
        assert torch.allclose(J[i], row)


def test_cross_entropy_gradient_is_p_minus_y():
    run = run_snippet("softmax/softmax_006.py")
    ns = run.namespace
    a, p, y = ns["a"], ns["p"], ns["y"]
    assert (a.grad - (p - y)).abs().max().item() < 1e-6
    assert a.grad[2] < 0 and (torch.cat([a.grad[:2], a.grad[3:]]) > 0).all()
    # L = -log p_c, and F.cross_entropy = log_softmax + negative log likelihood on logits
    assert ns["loss"].item() == pytest.approx(-torch.log(p[2]).item(), rel=1e-6)
    lines = run.stdout.splitlines()
    assert lines[0] == "logits 形状: (1, 5)  目标形状: (1,)"
    assert lines[1] == "y         : tensor([0., 0., 1., 0., 0.])"  # one-hot at index 2
    printed_loss, printed_log = (float(line.split(":")[1]) for line in lines[2:4])
    assert printed_loss == pytest.approx(printed_log, rel=1e-6)  # loss == -log p[2]
    # prediction first, target second; the classes are in dim 1 of a batch
    logits, target = a.detach().unsqueeze(0), ns["target"].unsqueeze(0)
    assert torch.allclose(F.cross_entropy(logits, target), -F.log_softmax(logits, dim=1)[0, 2])
    logits = a.detach().unsqueeze(0)
    assert torch.allclose(
        F.cross_entropy(logits, ns["target"].unsqueeze(0)),
        F.nll_loss(F.log_softmax(logits, dim=1), ns["target"].unsqueeze(0)),
    )
    # the page: one sample without the batch dimension is accepted too, with the same result
    assert torch.equal(F.cross_entropy(a.detach(), ns["target"]), ns["loss"].detach())
    # same logits as the first snippet
    assert torch.allclose(p, run_snippet("softmax/softmax_001.py").namespace["p"])


def test_softmax_page_shows_live_output_and_figure(built_site):
    html = page_html(built_site, "softmax/softmax")
    assert "tensor([0.6118, 0.0977, 0.0148, 0.2313, 0.0443])" in html
    assert "最大差值" in html
    assert html.count('<figure class="live-figure">') == 1
    assert "<title>Softmax 把一组 logits 变成概率分布</title>" in html
    assert 'href="../../autograd/retain_graph/"' in html
    assert 'href="#softmax--交叉熵简洁的组合梯度"' in html


# --- 动手练习 -------------------------------------------------------------------------------------


def test_exercise_naive_softmax_overflows_stable_one_does_not():
    run = run_snippet("softmax/softmax_007.py")
    assert torch.isnan(run.namespace["naive"]).all()
    assert torch.allclose(run.namespace["stable"], torch.softmax(run.namespace["z"], dim=0))


def test_exercise_cross_entropy_gradient_is_p_minus_y():
    run = run_snippet("softmax/softmax_008.py")
    assert torch.allclose(run.namespace["z"].grad, run.namespace["p_minus_y"].float())
    assert run.namespace["z"].grad[0] < 0  # the correct class, index 0 (the first class)


def test_torch_softmax_is_f_softmax():
    """Exercise 1 calls torch.softmax; the page says it is the same operation as F.softmax."""
    torch.manual_seed(0)
    z = torch.randn(10, 7)
    assert torch.equal(torch.softmax(z, dim=1), F.softmax(z, dim=1))

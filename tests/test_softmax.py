"""Claims of the Softmax page (docs/softmax/softmax.md), checked against real torch."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from conftest import page_html, run_snippet


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


def test_float32_extremes_round_to_exactly_zero_and_one():
    run = run_snippet("softmax/softmax_003.py")
    p32, p64 = run.namespace["p32"], run.namespace["p64"]
    assert p32[0].item() == 0.0 and p32[2].item() == 1.0
    assert ((p64 > 0) & (p64 < 1)).any() and p64[0].item() > 0  # float64 still sees e^-200
    assert 1e-88 < p64[0].item() < 2e-87
    # the middle value is a float32 subnormal: positive but below the smallest normal number
    assert 0 < p32[1].item() < torch.finfo(torch.float32).tiny
    assert 3.75e-44 < p32[1].item() < 3.85e-44  # "约 3.8e-44"
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
    for i, grad in ((1, run.namespace["grad_p1"]), (2, run.namespace["grad_p2"])):
        assert torch.allclose(grad, p[i] * (torch.eye(3)[i] - p))
        assert grad[i] > 0  # i = j: p_i (1 - p_i) > 0
        assert (torch.cat([grad[:i], grad[i + 1 :]]) < 0).all()  # i != j: -p_i p_j < 0


def test_second_grad_without_retain_graph_fails():
    """The pointer callout: the graph is freed after the first grad call."""
    a = torch.rand(3, requires_grad=True)
    p = F.softmax(a, dim=0)
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


def test_cross_entropy_gradient_is_p_minus_y():
    run = run_snippet("softmax/softmax_006.py")
    ns = run.namespace
    a, p, y = ns["a"], ns["p"], ns["y"]
    assert (a.grad - (p - y)).abs().max().item() < 1e-6
    assert a.grad[2] < 0 and (torch.cat([a.grad[:2], a.grad[3:]]) > 0).all()
    # L = -log p_c, and F.cross_entropy = log_softmax + negative log likelihood on logits
    assert ns["loss"].item() == pytest.approx(-torch.log(p[2]).item(), rel=1e-6)
    logits = a.detach().unsqueeze(0)
    assert torch.allclose(
        F.cross_entropy(logits, ns["target"].unsqueeze(0)),
        F.nll_loss(F.log_softmax(logits, dim=1), ns["target"].unsqueeze(0)),
    )
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

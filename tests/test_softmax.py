"""Claims of the Softmax page (docs/softmax/softmax.md), checked against real torch."""

from __future__ import annotations

import math
import re

import pytest
import torch
import torch.nn.functional as F
from conftest import page_html, run_snippet, widget_frames
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


def test_cross_entropy_stepper_ends_at_p_minus_y():
    run = run_snippet("softmax/softmax_011.py")
    (backward,) = run.namespace["recorder"].passes
    names = [type(step.node).__name__ for step in backward.steps]
    assert names == ["NegBackward0", "LogBackward0", "SelectBackward0", "SoftmaxBackward0",
                     "AccumulateGrad"]  # fmt: skip
    a, c = run.namespace["a"], run.namespace["c"]
    p = F.softmax(a.detach(), dim=0)
    y = F.one_hot(torch.tensor(c), num_classes=3).float()
    softmax = backward.steps[3]
    expected = torch.zeros(3)
    expected[c] = -1 / p[c]  # what reaches SoftmaxBackward0: only the true class, -1/p_c
    assert torch.allclose(softmax.arriving, expected)
    assert torch.allclose(softmax.local[0], torch.diag(p) - torch.outer(p, p))
    assert torch.allclose(softmax.sent[0], p - y, atol=1e-6)
    assert torch.allclose(a.grad, p - y, atol=1e-6)
    frames = widget_frames(run.stdout)
    assert len(frames) == 6
    assert f"现在是 {a.grad}" in frames[-1]["text"]


def test_softmax_page_shows_live_output_and_figure(built_site):
    html = page_html(built_site, "softmax/softmax")
    assert "tensor([0.6118, 0.0977, 0.0148, 0.2313, 0.0443])" in html
    assert "最大差值" in html
    assert html.count('<figure class="live-figure">') == 1
    assert "<title>Softmax 把一组 logits 变成概率分布</title>" in html
    assert 'href="../../autograd/retain_graph/"' in html
    assert 'href="#softmax--交叉熵简洁的组合梯度"' in html


# --- 动手练习 -------------------------------------------------------------------------------------


def _exercise_kinds(page: str) -> list[str]:
    from conftest import ROOT

    text = (ROOT / "docs" / "softmax" / page).read_text(encoding="utf-8")
    section = text.split("\n## 动手练习\n", 1)[1]
    return re.findall(r"^> \[!question\] 练习 \d+（(预测|调试|推导)）", section, re.MULTILINE)


def test_exercises_are_labelled_and_all_three_kinds_appear():
    softmax_kinds, cross_entropy_kinds = (
        _exercise_kinds("softmax.md"),
        _exercise_kinds("cross_entropy.md"),
    )
    assert softmax_kinds == ["预测", "推导", "调试"]
    assert cross_entropy_kinds == ["预测", "调试", "推导"]


def test_exercise_predict_naive_softmax_overflows_stable_one_does_not():
    run = run_snippet("softmax/softmax_007.py")
    assert torch.isnan(run.namespace["naive"]).all()  # "三个位置全是 nan"
    assert torch.isinf(torch.exp(run.namespace["z"])).all()  # e^1000 overflows float32
    stable = run.namespace["stable"]
    assert torch.allclose(stable, torch.softmax(run.namespace["z"], dim=0))
    assert torch.allclose(stable, torch.softmax(torch.tensor([0.0, 1.0, 2.0]), dim=0))
    assert run.stdout.splitlines() == [
        "直接算  : tensor([nan, nan, nan])",
        "减最大值: tensor([0.0900, 0.2447, 0.6652])",
        "torch.softmax: tensor([0.0900, 0.2447, 0.6652])",
    ]


def test_exercise_derive_cross_entropy_gradient_is_p_minus_y():
    run = run_snippet("softmax/softmax_008.py")
    z, p_minus_y = run.namespace["z"], run.namespace["p_minus_y"]
    assert torch.allclose(z.grad, p_minus_y.float())
    assert z.grad[0] < 0  # the correct class, index 0 (the first class)
    # the log-sum-exp route: d/da_j log sum e^a = softmax(a)_j
    a = z.detach().clone().requires_grad_()
    (lse_grad,) = torch.autograd.grad(torch.logsumexp(a, dim=0), [a])
    assert torch.allclose(lse_grad, torch.softmax(a.detach(), dim=0))
    # the answer discriminates: y - p and p alone print 0.3410 and 0.6590 as the first number
    p = torch.softmax(z.detach(), dim=0)
    y = F.one_hot(torch.tensor(0), 3).float()
    assert round((y - p)[0].item(), 4) == 0.3410 and round(p[0].item(), 4) == 0.6590
    assert round(z.grad[0].item(), 4) == -0.3410
    assert "autograd: tensor([-0.3410,  0.2424,  0.0986])" in run.stdout


def test_exercise_debug_softmax_over_the_batch_dimension():
    broken = run_snippet("softmax/softmax_009.py")
    p = broken.namespace["p"]
    # the page: no error, every number in (0, 1), rows do not sum to 1, columns do
    assert ((p > 0) & (p < 1)).all()
    assert (p.sum(dim=1) - 1).abs().min() > 0.2
    assert torch.allclose(p.sum(dim=0), torch.ones(3))
    assert "每个样本的概率之和: tensor([1.2891, 1.7109])" in broken.stdout
    fixed = run_snippet("softmax/softmax_010.py")
    p = fixed.namespace["p"]
    assert torch.allclose(p.sum(dim=1), torch.ones(2))
    logits = fixed.namespace["logits"]
    assert all(torch.allclose(p[i], F.softmax(logits[i], dim=0)) for i in range(2))
    assert "每个样本的概率之和: tensor([1.0000, 1.0000])" in fixed.stdout
    assert "与单独处理每个样本相同: True" in fixed.stdout


def test_torch_softmax_is_f_softmax():
    """Exercise 1 calls torch.softmax; the page says it is the same operation as F.softmax."""
    torch.manual_seed(0)
    z = torch.randn(10, 7)
    assert torch.equal(torch.softmax(z, dim=1), F.softmax(z, dim=1))


# === 交叉熵：从最大似然说起 (docs/softmax/cross_entropy.md) =======================================


def _values(stdout: str, prefix: str) -> list[float]:
    """The numbers printed after `prefix:` on the line that starts with it."""
    line = next(line for line in stdout.splitlines() if line.startswith(prefix))
    return [float(v) for v in re.findall(r"-?\d+\.\d+(?:e-?\d+)?", line.split(":", 1)[1])]


def test_likelihood_mean_nll_and_cross_entropy_agree():
    run = run_snippet("softmax/cross_entropy_001.py")
    ns = run.namespace
    target, p, y = ns["target"], ns["p"], ns["y"]
    assert torch.allclose(p.sum(dim=1), torch.ones(4))  # one distribution per sample
    p_true = p[torch.arange(4), target]
    assert torch.allclose(ns["p_true"], p_true)
    # the likelihood is the product of p_c, its log the sum of log p_c
    assert ns["likelihood"].item() == pytest.approx(math.prod(p_true.tolist()), rel=1e-6)
    assert torch.log(ns["likelihood"]).item() == pytest.approx(torch.log(p_true).sum().item())
    # three ways to the mean negative log-likelihood, and the cross-entropy of one-hot targets
    manual, nll, ce = ns["manual"], ns["nll"], ns["ce"]
    assert manual.item() == pytest.approx(-torch.log(p_true).mean().item(), rel=1e-6)
    assert nll.item() == pytest.approx(manual.item(), rel=1e-6)
    assert torch.equal(ce, nll)  # F.cross_entropy is log_softmax followed by nll_loss
    assert torch.allclose(-(y * torch.log(p)).sum(dim=1), -torch.log(p_true))
    # L = exp(-N * mean cross-entropy), N = 4: the last line gives the likelihood back, 0.023689
    assert torch.exp(-4 * ce).item() == pytest.approx(ns["likelihood"].item(), rel=1e-5)
    lines = run.stdout.splitlines()
    assert lines[1] == "似然    : 0.023689" and lines[-1].endswith(": 0.023689")
    three = [line.split(":")[1] for line in lines[3:6]]
    assert three[0] == three[1] == three[2] == " 0.935686"  # the same number, three ways
    log_line = _values(run.stdout, "log 似然")
    assert log_line[0] == log_line[1]


def test_log_softmax_and_nll_loss_do_what_the_page_says():
    torch.manual_seed(1)
    logits, target = torch.randn(6, 5), torch.tensor([0, 4, 2, 2, 1, 3])
    log_p = F.log_softmax(logits, dim=1)
    assert torch.allclose(log_p, torch.log(F.softmax(logits, dim=1)))  # same math
    # nll_loss: take the true class's log p of each sample, negate, average over the samples
    assert torch.allclose(F.nll_loss(log_p, target), -log_p[torch.arange(6), target].mean())
    assert torch.allclose(F.cross_entropy(logits, target), F.nll_loss(log_p, target))
    # log_softmax does not go through p: no -inf where softmax underflows to 0
    extreme = torch.tensor([[0.0, 120.0, 0.0]])
    assert torch.isinf(torch.log(F.softmax(extreme, dim=1))).any()
    assert torch.isfinite(F.log_softmax(extreme, dim=1)).all()
    assert torch.equal(torch.prod(torch.tensor([2.0, 3.0, 4.0])), torch.tensor(24.0))
    # "本页的 log 都是自然对数，torch.log 算的也是它": -log 0.1 = 2.3026 needs base e
    assert torch.log(torch.tensor(math.e)).item() == pytest.approx(1.0)
    assert round(-math.log(0.1), 4) == 2.3026 and round(-math.log10(0.1), 4) == 1.0


def test_product_of_probabilities_underflows_log_sum_does_not():
    run = run_snippet("softmax/cross_entropy_002.py")
    lines = run.stdout.splitlines()
    assert lines[0].endswith(": 0.0")  # 1e-100 is exactly 0.0 in float32
    assert 1e-100 < 2.0**-149  # below float32's smallest positive (subnormal) number
    assert torch.tensor(1e-100, dtype=torch.float64).float().item() == 0.0
    log_sum, mean_nll = _values(run.stdout, "对数之和")[0], _values(run.stdout, "负对数似然")[0]
    assert round(log_sum, 2) == -230.26 and log_sum == pytest.approx(100 * math.log(0.1), rel=1e-6)
    assert round(mean_nll, 4) == 2.3026 and mean_nll == pytest.approx(-math.log(0.1), rel=1e-6)


def test_likelihood_figure_peaks_where_the_mean_nll_bottoms_out_at_the_frequency():
    run = run_snippet("softmax/cross_entropy_003.py")
    ns = run.namespace
    assert ns["best_likelihood"] == pytest.approx(0.7) and ns["best_nll"] == pytest.approx(0.7)
    r = ns["r"].double()  # the model's probability of class 0 (q is the target's letter later on)
    assert torch.allclose(ns["likelihood"].double(), r**7 * (1 - r) ** 3, rtol=1e-4)
    assert 0.0021 < ns["likelihood"].max().item() < 0.0023  # "最大值只有约 0.002"
    drawn = ns["left"].lines[0].get_ydata()  # the left panel: the likelihood times 1000
    assert list(drawn) == pytest.approx((1000 * ns["likelihood"]).tolist())
    # d/dr of the mean NLL, -(7/r - 3/(1-r))/10, is 0 at r = 0.7 and changes sign there
    slope = lambda v: -(7 / v - 3 / (1 - v)) / 10  # noqa: E731
    assert slope(0.7) == pytest.approx(0, abs=1e-12) and slope(0.69) < 0 < slope(0.71)
    # its lowest value is the entropy of the label frequencies (0.7, 0.3): about 0.611
    entropy = -(0.7 * math.log(0.7) + 0.3 * math.log(0.3))
    assert ns["mean_nll"].min().item() == pytest.approx(entropy, rel=1e-5)
    assert round(entropy, 3) == 0.611
    assert "<title>似然最大的地方，就是负对数似然的平均值最小的地方</title>" in run.stdout


def test_cross_entropy_is_entropy_plus_kl():
    run = run_snippet("softmax/cross_entropy_004.py")
    lines = run.stdout.splitlines()
    # each line prints H(q, p), H(q), KL(q||p)
    rows = [[float(v) for v in re.findall(r"= (-?\d+\.\d+)", line)] for line in lines[1:4]]
    assert lines[0] == "p = tensor([[0.8446, 0.1349, 0.0205]])"
    assert rows[0] == [0.9077, 0.8018, 0.1059] and round(rows[0][1] + rows[0][2], 4) == rows[0][0]
    assert rows[1] == [0.8018, 0.8018, 0.0] and "KL(q‖p) = 0.0000" in lines[2]  # p = q
    assert rows[2] == [0.1689, 0.0, 0.1689] and "H(q) = 0.0000" in lines[3]  # one-hot
    # the identity, with independent formulas for each term
    torch.manual_seed(0)
    for _ in range(20):
        logits = torch.randn(1, 4, dtype=torch.float64)
        q = F.softmax(torch.randn(1, 4, dtype=torch.float64) * 2, dim=1)
        p = F.softmax(logits, dim=1)
        h_qp = F.cross_entropy(logits, q)
        assert h_qp.item() == pytest.approx(-(q * torch.log(p)).sum().item())
        h_q = torch.special.entr(q).sum()
        assert h_q.item() == pytest.approx(-(q * torch.log(q)).sum().item())
        kl = F.kl_div(torch.log(p), q, reduction="batchmean")
        assert kl.item() == pytest.approx((q * torch.log(q / p)).sum().item())
        assert h_qp.item() == pytest.approx(h_q.item() + kl.item())
        assert kl.item() > 0  # p != q: strictly above the floor
    # "q 越均匀，熵越大；one-hot 目标的熵是 0"
    entropies = [
        torch.special.entr(torch.tensor(d)).sum().item()
        for d in (
            [1 / 3, 1 / 3, 1 / 3],
            [0.5, 0.3, 0.2],
            [0.7, 0.2, 0.1],
            [0.9, 0.05, 0.05],
            [1.0, 0, 0],
        )
    ]
    assert entropies == sorted(entropies, reverse=True) and entropies[-1] == 0.0
    # "它不对称": swapping p and q gives another number (the page's soft target and p)
    q, logits = torch.tensor([[0.7, 0.2, 0.1]]), run.namespace["logits"]
    p = F.softmax(logits, dim=1)
    kl_qp = F.kl_div(torch.log(p), q, reduction="batchmean")
    kl_pq = F.kl_div(torch.log(q), p, reduction="batchmean")
    assert round(kl_qp.item(), 4) == 0.1059 and round(kl_pq.item(), 4) == 0.0730
    # softmax(log q) = q; entr gives 0 at q = 0; batchmean = sum of the KLs / number of samples
    q = torch.tensor([[0.7, 0.2, 0.1]])
    assert torch.allclose(F.softmax(torch.log(q), dim=1), q)
    assert torch.special.entr(torch.tensor([1.0, 0.0])).sum().item() == 0.0
    log_p, q2 = F.log_softmax(torch.randn(2, 3), dim=1), F.softmax(torch.randn(2, 3), dim=1)
    per_sample = (q2 * (torch.log(q2) - log_p)).sum(dim=1)
    assert torch.allclose(F.kl_div(log_p, q2, reduction="batchmean"), per_sample.sum() / 2)


def test_entropy_floor_figure():
    run = run_snippet("softmax/cross_entropy_005.py")
    ns = run.namespace
    r, curves, floors = ns["r"], ns["curves"], ns["floors"]
    soft, hard = curves["q = (0.7, 0.3)"], curves["y = (1, 0)"]
    assert r[soft.argmin()].item() == pytest.approx(0.7)  # lowest at p = q
    assert floors["q = (0.7, 0.3)"] == pytest.approx(soft.min().item(), rel=1e-5)
    assert round(floors["q = (0.7, 0.3)"], 3) == 0.611 and floors["y = (1, 0)"] == 0.0
    assert (soft >= floors["q = (0.7, 0.3)"] - 1e-6).all()
    assert torch.allclose(hard, -torch.log(r)) and (hard.diff() < 0).all()  # -log r, down to 0
    assert r[ns["gap_at"]].item() == pytest.approx(0.15)
    assert soft[ns["gap_at"]].item() > floors["q = (0.7, 0.3)"] + 0.5  # the KL arrow
    assert "<title>交叉熵 H(q, p) 的下限是熵 H(q)</title>" in run.stdout


def test_one_hot_floor_is_only_approached():
    run = run_snippet("softmax/cross_entropy_006.py")
    lines = run.stdout.splitlines()
    losses = [float(line.rsplit("= ", 1)[1]) for line in lines]
    assert losses[0] == pytest.approx(math.log(3), rel=1e-5)
    assert all(a > b > 0 for a, b in zip(losses[:4], losses[1:4], strict=False))
    assert losses[4] == 0.0 and lines[4].endswith("交叉熵 = 0")  # float32 rounds it to 0
    exact = math.log1p(2 * math.exp(-20))  # the mathematical value at margin 20
    assert 4.05e-9 < exact < 4.15e-9  # "≈ 4.1e-9"
    assert "p[0] = 1.000000" in lines[4]
    # until then the gradient p - y still pushes the true class's logit up
    for margin in (5.0, 10.0):
        logits = torch.tensor([[margin, 0.0, 0.0]], requires_grad=True)
        F.cross_entropy(logits, torch.tensor([0])).backward()
        assert logits.grad[0, 0] < 0


def test_mse_gradient_vanishes_at_a_confident_wrong_prediction():
    run = run_snippet("softmax/cross_entropy_007.py")
    ns = run.namespace
    y = ns["y"]
    p = F.softmax(torch.tensor(ns["logits"]), dim=1)
    assert 5e-4 < p[0, 0].item() < 2e-3  # "约是 1e-3"
    ce_grad, grad_p, mse_grad = ns["ce_grad"], ns["mse_grad_p"], ns["mse_grad"]
    assert torch.allclose(ce_grad, p - y)
    assert ce_grad[0, 0].item() == pytest.approx(-1, abs=2e-3)  # "约为 −1"
    assert torch.allclose(grad_p, 2 / 3 * (p - y))  # F.mse_loss averages over K = 3
    assert round(grad_p[0, 0].item(), 2) == -0.67 and round(grad_p[0, 1].item(), 2) == 0.67
    J = ns["J"]
    assert torch.allclose(J, J.T)  # symmetric: J^T = J
    assert torch.allclose(mse_grad[0], J @ grad_p[0], atol=1e-7)  # the chain rule of the page
    assert round(J.abs().max().item(), 4) == 0.0018
    assert mse_grad.abs().max().item() < 2e-3  # "只剩 1e-3 量级"
    ratio = ns["ratio"].item()
    assert 500 < ratio < 1000 and run.stdout.splitlines()[-1] == "相差约 624 倍"  # "接近三个数量级"


def test_gradient_figure_matches_the_example_and_its_caption():
    run = run_snippet("softmax/cross_entropy_008.py")
    ns = run.namespace
    t, ce_true, mse_true = ns["t"], ns["ce_grad_true"], ns["mse_grad_true"]
    example = run_snippet("softmax/cross_entropy_007.py").namespace
    at_zero = int((t.abs()).argmin())
    assert ce_true[at_zero].item() == pytest.approx(example["ce_grad"][0, 0].abs().item(), rel=1e-4)
    assert mse_true[at_zero].item() == pytest.approx(
        example["mse_grad"][0, 0].abs().item(), rel=1e-3
    )
    wrong = t <= 0  # "t 远小于 7（错得很自信）"
    assert (ce_true[wrong] > 0.99).all()  # "接近 1"
    assert (ce_true[wrong] / mse_true[wrong] > 800).all()  # "近三个数量级乃至更多"
    # "起点越自信地错 ... 均方误差的梯度就越小": the MSE gradient grows with t up to t = 5
    assert (mse_true[t <= 5].diff() > 0).all()
    near = (t - 7).abs() < 0.5
    assert ((ce_true[near] / mse_true[near]) < 5).all()  # "只差几倍"
    ce, mse = ns["ce"].detach(), ns["mse"].detach()
    assert (ce.diff() < 0).all()  # grows as t falls
    assert mse.max().item() < 2 / 3  # bounded: at most (1 + 1) / 3
    assert "<title>自信地错了时：交叉熵的梯度大，均方误差的梯度小</title>" in run.stdout


def test_training_from_a_confident_wrong_start():
    run = run_snippet("softmax/cross_entropy_009.py")
    ns = run.namespace
    ce_run, mse_run = ns["runs"]["交叉熵"], ns["runs"]["均方误差"]
    steps = [s for s, _, _ in ce_run]
    assert steps == list(range(0, 201, 25)) and [s for s, _, _ in mse_run] == steps
    acc_ce = {s: a for s, _, a in ce_run}
    acc_mse = {s: a for s, _, a in mse_run}
    assert acc_ce[0] == acc_mse[0] == 0.0  # every sample starts on a wrong class
    assert sorted(ns["target"].unique().tolist()) == [0, 1, 2] and ns["x"].shape == (300, 2)
    # confidently wrong: the start gives the true class little probability
    x, W_true, target = ns["x"], ns["W_true"], ns["target"]
    p_start = F.softmax(x @ (-2.0 * W_true), dim=1)
    assert p_start[torch.arange(300), target].mean().item() < 0.1
    assert acc_ce[25] > 0.99  # "25 步时准确率已经超过 99%"
    assert all(acc_mse[s] == 0.0 for s in (0, 25, 50, 75))  # "前 75 步一直是 0%"
    assert round(acc_mse[100], 3) == 0.733 and acc_mse[100] < acc_ce[100]
    assert round(acc_mse[200], 3) == round(acc_ce[200], 3) == 0.997
    assert " 100 |" in run.stdout and "73.3%" in run.stdout and "99.7%" in run.stdout


def test_cross_entropy_page_shows_live_output_and_figures(built_site):
    html = page_html(built_site, "softmax/cross_entropy")
    assert html.count('<figure class="live-figure">') == 3
    assert "cross_entropy        : 0.935686" in html
    assert 'href="../softmax/#softmax--交叉熵简洁的组合梯度"' in html


# --- 动手练习（交叉熵页） ------------------------------------------------------------------------


def test_exercise_predict_equal_logits_give_log_c():
    run = run_snippet("softmax/cross_entropy_010.py")
    values = [float(line) for line in run.stdout.splitlines()]
    assert values == [pytest.approx(math.log(10), rel=1e-6)] * 2
    assert round(values[0], 4) == 2.3026
    # whatever the true class: the uniform distribution gives every class 1/10
    for target in (torch.tensor([0, 0, 0, 0]), torch.tensor([9, 8, 7, 6])):
        assert F.cross_entropy(torch.zeros(4, 10), target).item() == pytest.approx(values[0])


def test_exercise_debug_log_of_softmax_gives_nan_log_softmax_does_not():
    broken = run_snippet("softmax/cross_entropy_011.py")
    assert broken.stdout.splitlines() == ["log p  : tensor([[-inf, 0., -inf]])", "交叉熵 : nan"]
    assert F.softmax(broken.namespace["logits"], dim=1)[0, 0].item() == 0.0  # underflow
    exact = math.exp(-120) / (2 * math.exp(-120) + 1)
    assert 7.6e-53 < exact < 7.8e-53 and exact < 2.0**-149  # "约为 7.7e-53", below float32
    assert math.isnan(0.0 * -math.inf)  # the 0 × (−∞) entry
    # term by term: 1 × (−∞), 0 × log 1 = 0 (p rounds to 1), 0 × (−∞) = nan
    ns = broken.namespace
    assert F.softmax(ns["logits"], dim=1)[0, 1].item() == 1.0
    terms = (ns["y"] * ns["log_p"])[0]
    assert terms[0].item() == -math.inf and terms[1].item() == 0.0 and math.isnan(terms[2])
    fixed = run_snippet("softmax/cross_entropy_012.py")
    assert fixed.stdout.splitlines() == [
        "log p        : tensor([[-120.,    0., -120.]])",
        "交叉熵       : 120.0",
        "cross_entropy: 120.0",
    ]


def test_exercise_derive_soft_target_gradient():
    run = run_snippet("softmax/cross_entropy_013.py")
    a, p = run.namespace["a"], run.namespace["p"]
    for q in (torch.tensor([[0.5, 0.3, 0.2]]), torch.tensor([[1.0, 0.6, 0.4]])):
        (grad,) = torch.autograd.grad(F.cross_entropy(a, q), [a])
        assert torch.allclose(grad, q.sum() * p - q, atol=1e-6)
    # the second q discriminates: p - q (assuming Σq = 1) differs from the autograd gradient
    q2 = torch.tensor([[1.0, 0.6, 0.4]])
    (grad,) = torch.autograd.grad(F.cross_entropy(a, q2), [a])
    assert (grad - (p - q2)).abs().max().item() > 0.2
    # and a one-hot answer p - y would be wrong for the first q
    q1 = torch.tensor([[0.5, 0.3, 0.2]])
    assert (q1.sum() * p - q1 - (p - F.one_hot(torch.tensor([0]), 3))).abs().max().item() > 0.2
    lines = run.stdout.splitlines()
    assert len(lines) == 8 and lines[0].startswith("q = ") and lines[4].startswith("q = ")
    first = [line.split(":", 1)[1] for line in lines[1:4]]
    assert first[0] == first[1] == first[2]  # Σq = 1: three equal lines
    second = [line.split(":", 1)[1] for line in lines[5:8]]
    assert second[0] == second[1] != second[2]
    assert lines[0].endswith("Σq = 1.0") and lines[4].endswith("Σq = 2.0")

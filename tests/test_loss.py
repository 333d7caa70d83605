"""Claims of the 损失函数 page (docs/loss/mse.md), checked against real torch."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from conftest import ROOT, page_html, run_snippet


def _data():
    """The page's seeded data, rebuilt independently of the snippets."""
    torch.manual_seed(0)
    x = torch.arange(1.0, 7.0)
    y = 0.5 * x + 1 + 0.3 * torch.randn(6)
    return x, y


def test_errors_have_both_signs_and_squares_are_non_negative():
    run = run_snippet("loss/mse_001.py")
    x, y = _data()
    error = run.namespace["error"]
    assert torch.equal(run.namespace["y"], y)
    assert torch.allclose(run.namespace["pred"], 0.6 * x + 0.8)
    assert (error > 0).any() and (error < 0).any()  # 正负误差都有
    assert ((error**2) >= 0).all()
    assert abs(error.sum().item()) < (error**2).sum().item()  # 不平方就会互相抵消一部分
    assert "误差的平方    : tensor([0.3162" in run.stdout


def test_mse_figure_draws_the_printed_data():
    run = run_snippet("loss/mse_002.py")
    x, y = _data()
    svg = run.stdout
    assert svg.lstrip().startswith('<figure class="live-figure">')
    assert "<title>均方误差的几何意义" in svg
    assert torch.equal(run.namespace["y"], y)
    ax = run.namespace["ax"]
    squares = ax.patches
    assert len(squares) == 6
    # each square's side is |y - f(x)|, so its area is the squared error
    sides = torch.tensor([square.get_width() for square in squares])
    heights = torch.tensor([square.get_height() for square in squares])
    assert torch.allclose(sides, (y - (0.6 * x + 0.8)).abs())
    assert torch.allclose(sides, heights)


def test_mse_loss_is_the_mean_not_the_sum():
    run = run_snippet("loss/mse_003.py")
    ns = run.namespace
    pred, y, squared = ns["pred"], ns["y"], ns["squared"]
    mean, total = F.mse_loss(pred, y), F.mse_loss(pred, y, reduction="sum")
    assert torch.allclose(mean, squared.mean())
    assert torch.allclose(torch.nn.MSELoss()(pred, y), squared.mean())
    assert torch.allclose(total, squared.sum())
    assert not torch.allclose(mean, squared.sum())
    # the page: the sum is N = 6 times the mean
    assert torch.allclose(total, 6 * mean)
    assert "F.mse_loss(pred, y)                   : tensor(0.3259)" in run.stdout
    assert "squared.sum()                         : tensor(1.9555)" in run.stdout


def test_sum_loss_gradient_is_n_times_the_mse_gradient():
    """The page: the note's -2Σ is the gradient of its sum loss; the MSE one has 1/N."""
    x, y = _data()
    grads = {}
    for reduction in ("mean", "sum"):
        w = torch.tensor(0.6, requires_grad=True)
        b = torch.tensor(0.8, requires_grad=True)
        F.mse_loss(w * x + b, y, reduction=reduction).backward()
        grads[reduction] = torch.stack([w.grad, b.grad])
    error = y - (0.6 * x + 0.8)
    note_formula = torch.stack([-2 * (error * x).sum(), -2 * error.sum()])
    assert torch.allclose(grads["sum"], note_formula)
    assert torch.allclose(grads["sum"], 6 * grads["mean"])


def test_hand_gradient_matches_autograd():
    """The page computes the gradient by the formula only; autograd (next page) agrees."""
    run = run_snippet("loss/mse_004.py")
    ns = run.namespace
    x, y = _data()
    w = torch.tensor(0.6, requires_grad=True)
    b = torch.tensor(0.8, requires_grad=True)
    F.mse_loss(w * x + b, y).backward()
    assert torch.allclose(ns["grad_w"], w.grad)
    assert torch.allclose(ns["grad_b"], b.grad)
    assert not torch.allclose(ns["grad_w"], 6 * w.grad)  # 1/N matters
    assert ns["grad_w"] > 0  # the page: positive, so descent makes w smaller
    assert run.stdout.splitlines() == ["∂MSE/∂w = 3.345603", "∂MSE/∂b = 0.584591"]


def _descent(lr, steps):
    """Gradient descent with the page's hand formula; the losses along the way."""
    x, y = _data()
    w, b, losses = 0.6, 0.8, []
    for _ in range(steps):
        error = y - (w * x + b)
        losses.append((error**2).mean().item())
        w -= lr * (-2 / 6 * (error * x).sum()).item()
        b -= lr * (-2 / 6 * error.sum()).item()
    return losses


def test_gradient_descent_by_hand_lowers_the_loss():
    run = run_snippet("loss/mse_005.py")
    losses = [float(line.split("loss = ")[1].split()[0]) for line in run.stdout.splitlines()]
    assert len(losses) == 5
    assert all(later < earlier for earlier, later in zip(losses, losses[1:], strict=False))
    assert losses[0] == 0.3259  # starts at the MSE printed above
    assert run.namespace["lr"] == 0.02
    assert run.namespace["w"] < 0.6  # w moved against its positive gradient
    assert [round(v, 4) for v in _descent(0.02, 5)] == losses
    # the same steps as autograd's gradient would take
    x, y = _data()
    w = torch.tensor(0.6, requires_grad=True)
    b = torch.tensor(0.8, requires_grad=True)
    F.mse_loss(w * x + b, y).backward()
    assert abs((0.6 - 0.02 * w.grad.item()) - 0.5331) < 1e-4
    # shown code of the loss page uses no autograd (it comes before the autograd pages)
    snippets = sorted((ROOT / "snippets" / "loss").glob("mse_*.py"))
    assert len(snippets) == 9
    for path in snippets:
        code = path.read_text(encoding="utf-8")
        for word in ("requires_grad", "backward", ".grad", "autograd", "no_grad"):
            assert word not in code, (path.name, word)


def test_learning_rate_too_small_is_slow_too_large_diverges():
    """The page: a small learning rate lowers the loss slowly; a large one steps past the
    minimum and moves further and further away."""
    good, slow, large = _descent(0.02, 20), _descent(0.002, 20), _descent(0.1, 20)
    assert slow[-1] < slow[0] and slow[-1] > good[-1]
    assert large[1] > large[0] and large[-1] > 100 * large[0]


def test_loss_page_shows_live_output_and_figure(built_site):
    html = page_html(built_site, "loss/mse")
    assert 'id="损失函数的梯度连接误差与优化"' in html  # requires_grad.md links here
    assert "tensor(1.9555)" in html
    assert "∂MSE/∂w = 3.345603" in html
    # teach before use: the autograd check moved to the autograd page
    assert "两者一致" not in html
    assert html.count('<figure class="live-figure">') == 1
    assert "<title>均方误差的几何意义" in html
    assert html.count('class="admonition bug"') == 2
    # the corrected gradient formula (∂, not ∇) is rendered by KaTeX inside the abstract callout
    abstract = html.split('class="admonition abstract"')[1].split('class="admonition bug"')[0]
    assert 'class="katex-display"' in abstract
    assert r"\frac{\partial\, \text{loss}}{\partial \theta} = -2 \sum" in abstract
    assert r"\underbrace" in abstract and r"\nabla" not in abstract


# --- 动手练习 -------------------------------------------------------------------------------------


def test_exercise_mse_by_hand_equals_mse_loss():
    run = run_snippet("loss/mse_006.py")
    by_hand, pred, y = run.namespace["by_hand"], run.namespace["pred"], run.namespace["y"]
    assert by_hand.item() == F.mse_loss(pred, y).item()
    assert abs(by_hand.item() - 1.25 / 3) < 1e-6  # (0.25 + 0 + 1) / 3
    assert (y - pred).tolist() == [-0.5, 0.0, 1.0]  # the answer's errors
    # both lines print the float32 nearest to 1.25 / 3; the sum without 1/N would be 1.25
    assert torch.tensor(1.25 / 3).item() == 0.4166666567325592
    assert run.stdout.splitlines() == [
        "手算      : 0.4166666567325592",
        "F.mse_loss: 0.4166666567325592",
    ]
    assert ((y - pred) ** 2).sum().item() == 1.25


def test_exercise_mse_gradient_by_formula_and_by_finite_difference():
    run = run_snippet("loss/mse_007.py")
    y, pred = run.namespace["y"], run.namespace["pred"]
    assert torch.allclose(run.namespace["by_formula"], -2 * (y - pred) / 3)
    numeric = torch.tensor(run.namespace["numeric"])
    assert torch.allclose(numeric, run.namespace["by_formula"], atol=1e-4)
    # and autograd agrees (the page does not use it: it comes before autograd)
    p = pred.clone().requires_grad_()
    F.mse_loss(p, y).backward()
    assert torch.allclose(p.grad, run.namespace["by_formula"])
    assert run.stdout.splitlines() == [
        "公式    : tensor([ 0.3333,  0.0000, -0.6667])",
        "中心差分: [0.3333, 0.0, -0.6667]",
    ]
    # the answer's wrong derivations give other numbers: without 1/N (1, 0, -2), the sign flipped
    without_n = 2 * (pred - y)
    assert without_n.tolist() == [1.0, 0.0, -2.0]
    assert not torch.allclose(numeric, without_n, atol=1e-2)
    assert not torch.allclose(numeric, -run.namespace["by_formula"], atol=1e-2)


def test_exercise_learning_rate_too_large_diverges_and_the_fix():
    broken = run_snippet("loss/mse_008.py")
    assert broken.namespace["lr"] == 0.1
    rows = [line.split() for line in broken.stdout.splitlines()]
    losses = [float(r[5]) for r in rows]
    grads = [float(r[-1]) for r in rows]
    assert losses[0] == 0.3259 and all(b > a for a, b in zip(losses, losses[1:], strict=False))
    # the sign of dMSE/dw flips every step and its size grows: each step overshoots the minimum
    assert all(a * b < 0 for a, b in zip(grads, grads[1:], strict=False))
    assert all(abs(b) > abs(a) for a, b in zip(grads, grads[1:], strict=False))
    assert "第 0 步  loss =     0.3259  w =   0.6000  ∂MSE/∂w =    3.3456" in broken.stdout
    assert [round(v, 4) for v in _descent(0.1, 6)] == losses  # the page's own hand formula
    fixed = run_snippet("loss/mse_009.py")
    assert fixed.namespace["lr"] == 0.02
    losses = [float(line.split()[5]) for line in fixed.stdout.splitlines()]
    assert all(b < a for a, b in zip(losses, losses[1:], strict=False))
    assert [round(v, 4) for v in _descent(0.02, 6)] == losses


def test_loss_exercises_are_labelled():
    page = (ROOT / "docs" / "loss" / "mse.md").read_text(encoding="utf-8")
    exercises = page.split("## 动手练习")[1]
    for label in ("练习 1（预测）", "练习 2（推导）", "练习 3（调试）"):
        assert f"[!question] {label}" in exercises
    # 预测: the question shows the code in a plain fence, the folded answer prints its output
    assert '> ```python\n> --8<-- "snippets/loss/mse_006.py"' in exercises
    assert (
        '> > ```python exec="1" result="text"\n> > --8<-- "snippets/loss/mse_006.py"' in exercises
    )

"""Claims of the 自动求导 pages (docs/autograd/), checked against real torch."""

from __future__ import annotations

import torch
from conftest import page_html, run_snippet


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
    a = run.namespace["a"]
    assert run.namespace["c"].requires_grad is True
    # the erratum: "only if" fails for non-differentiable ops
    assert (a > 1.5).requires_grad is False
    assert a.argmax().requires_grad is False
    assert "a > 1.5          -> False" in run.stdout


def test_no_grad_switches_off_recording_not_the_flag():
    run = run_snippet("autograd/requires_grad_004.py")
    assert run.namespace["y"].requires_grad is False
    assert run.namespace["w"].requires_grad is True
    assert "(w * 2).requires_grad = True" in run.stdout


def test_x_grad_is_nine_nine():
    run = run_snippet("autograd/requires_grad_005.py")
    assert run.namespace["x"].grad.tolist() == [9.0, 9.0]
    assert run.stdout.strip() == "tensor([9., 9.])"
    # the page's derivation: d out / dx_i = 3 (x_i + 2)
    x = run.namespace["x"].detach()
    assert torch.equal(run.namespace["x"].grad, 3 * (x + 2))


def test_gradients_accumulate_until_zeroed():
    run = run_snippet("autograd/requires_grad_006.py")
    lines = run.stdout.splitlines()
    assert "tensor([9., 9.])" in lines[0]
    assert "tensor([18., 18.])" in lines[1]
    assert "tensor([27., 27.])" in lines[2]
    assert run.namespace["x"].grad.tolist() == [0.0, 0.0]


def test_requires_grad_page_shows_live_output(built_site):
    html = page_html(built_site, "autograd/requires_grad")
    assert "tensor([9., 9.])" in html
    assert "tensor([27., 27.])" in html

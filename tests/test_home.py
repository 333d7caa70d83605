"""Claims of the home page (docs/index.md)."""

from __future__ import annotations

import torch
from conftest import page_html, run_snippet


def test_home_snippet_is_live_torch():
    run = run_snippet("index_001.py")
    assert f"torch 版本: {torch.__version__}" in run.stdout
    assert run.namespace["x"].grad.tolist() == [2.0, 4.0, 6.0]  # dy/dx = 2x
    assert "dy/dx = tensor([2., 4., 6.])" in run.stdout


def test_home_page_shows_the_build_torch_version(built_site):
    html = page_html(built_site, ".")
    assert f"torch 版本: {torch.__version__}" in html
    assert "输出由 torch 2.13.0" in html  # provenance footer

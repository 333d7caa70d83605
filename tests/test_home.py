"""Claims of the home page (docs/index.md)."""

from __future__ import annotations

import re

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


def test_errata_index_lists_every_erratum_with_a_working_anchor(built_site):
    from conftest import ROOT

    from sitebuild.markdown import errata

    callouts = [
        line
        for page in (ROOT / "docs").rglob("*.md")
        if page != ROOT / "docs" / "index.md"
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("> [!bug] 勘误：")
    ]
    items = errata(ROOT / "docs")
    assert len(callouts) >= 8 and len(items) == len(callouts)
    home = page_html(built_site, ".")
    for link in re.findall(r"\]\(([^)]+)\)", "\n".join(items)):
        page, anchor = link.split("#")
        url = page.removesuffix(".md").removesuffix("index") + "/"
        url = url.replace("//", "/")
        assert f'href="{url}#{anchor}"' in home, f"the home page does not list {link}"
        assert f'id="{anchor}"' in page_html(built_site, url.rstrip("/")), link


def test_seed_lost_images_count_quoted_on_the_home_page():
    """The home page says the notes lost 17 pasted and 2 external images."""
    from conftest import ROOT

    seed = next((ROOT / "sources").glob("*.txt")).read_text(encoding="utf-8")
    assert seed.count("![[Pasted image") == 17
    assert len(re.findall(r"!\[[^\]]*\]\(https?://", seed)) == 2
    assert "17 张截图和 2 张外链图片" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")

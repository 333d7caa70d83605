"""Shared test helpers: run a snippet the way the site build does, and build the site once."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitebuild.execution import run

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"


@dataclass
class SnippetRun:
    stdout: str  # what the page shows: what the snippet printed
    namespace: dict
    warnings: list[str]  # not on the page; for tests that a snippet warns nothing


def run_snippet(relative_path: str) -> SnippetRun:
    """Run `snippets/<relative_path>` with the runner the site uses (sitebuild.execution.run:
    the same fresh torch state, the same capture), so a test sees exactly what its page shows."""
    path = SNIPPETS / relative_path
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        printed, namespace = run(path.read_text(encoding="utf-8"), str(path))
    return SnippetRun(printed, namespace, [str(w.message) for w in caught])


# `make test-fast` (the author's loop) runs what needs no site build (the search worker's unit
# tests do open Chromium, for a few seconds).
BUILDS_SITES = {"test_build_cache", "test_author_mistakes", "test_reproducible", "test_offline",
                "test_browser", "test_notebooks"}  # fmt: skip


def pytest_collection_modifyitems(items):
    for item in items:
        if "built_site" in item.fixturenames or item.module.__name__ in BUILDS_SITES:
            item.add_marker(pytest.mark.site)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once per test session, by ProperDocs (`make build`'s engine)."""
    site_dir = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"properdocs build --strict failed:\n{result.stderr}"
    return site_dir


def page_html(site: Path, page: str) -> str:
    """HTML of a built page; `page` is its docs path without `.md`."""
    return (site / page / "index.html").read_text(encoding="utf-8")


def widget_frames(html: str) -> list[dict]:
    """The frames of the steppers and explorers in `html` (sitekit.watch), each with its label,
    text and the SVG ids it marks, after checking that every marked id is in the same figure."""
    import re
    from html import unescape

    frames = []
    for figure in re.findall(r"<figure[^>]*data-watch.*?</figure>", html, flags=re.S):
        svg_ids = set(re.findall(r'<g id="([^"]+)"', figure))
        for attributes, body in re.findall(r"<(?:li|div) data-frame([^>]*)>(.*?)</(?:li|div)>",
                                           figure, flags=re.S):  # fmt: skip
            data = dict(re.findall(r'data-([\w-]+)="([^"]*)"', attributes))
            marked = (data.get("on", "") + " " + data.get("done", "")).split()
            missing = [i for i in marked if i not in svg_ids]
            assert not missing, f"frame {data.get('label')} marks ids not in its SVG: {missing}"
            text = unescape(re.sub(r"<[^>]+>", "", body))
            frames.append({**data, "text": text, "marked": marked})
    return frames


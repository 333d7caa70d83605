"""Shared test helpers: run a snippet the way the site build does, and build the site once."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import runpy
import subprocess
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitekit.torch_state import reset_torch_state

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"


@dataclass
class SnippetRun:
    stdout: str
    namespace: dict
    warnings: list[str]


def run_snippet(relative_path: str) -> SnippetRun:
    """Run `snippets/<relative_path>` as a top-level script, from the same fresh torch state
    a page starts with, and return what it printed and the variables it left behind."""
    reset_torch_state()
    buffer = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(buffer):
        warnings.simplefilter("always")
        namespace = runpy.run_path(str(SNIPPETS / relative_path), run_name="__main__")
    return SnippetRun(buffer.getvalue(), namespace, [str(w.message) for w in caught])


def load_hook(name: str):
    """hooks/<name>.py as a module (hooks are files MkDocs loads by path, not a package)."""
    spec = importlib.util.spec_from_file_location(f"{name}_hook", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once per test session with `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return site_dir


def page_html(site: Path, page: str) -> str:
    """HTML of a built page; `page` is its docs path without `.md`."""
    return (site / page / "index.html").read_text(encoding="utf-8")

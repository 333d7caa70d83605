"""MkDocs hook: where the outputs came from, and how long each page's code took.

- Every page's footer names the torch version its outputs were printed by and the commit the
  site was built from (`config.extra.provenance`, read by overrides/partials/copyright.html).
  Works without a git checkout: the commit then comes from $GITHUB_SHA or reads "unknown".
- SOURCE_DATE_EPOCH defaults to the commit's time, so the sitemap's dates, like every other
  byte of the site, are the same for two builds of one commit.
- Page timings (Markdown conversion, which runs the page's code blocks) vary from build to
  build, so they stay out of the site: printed at the end and written to build-report.txt.
"""

from __future__ import annotations

import logging
import os
import subprocess
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.provenance")

_started: dict[str, float] = {}
_timings: dict[str, float] = {}


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        torch_version = version("torch")
    except PackageNotFoundError:
        torch_version = "not installed"
    commit = _git(root, "rev-parse", "--short=12", "HEAD") or os.environ.get("GITHUB_SHA", "")[:12]
    config.extra["provenance"] = {"torch": torch_version, "commit": commit or "unknown"}
    if "SOURCE_DATE_EPOCH" not in os.environ:
        os.environ["SOURCE_DATE_EPOCH"] = _git(root, "log", "-1", "--format=%ct") or "0"
    _timings.clear()
    return config


def on_page_markdown(markdown, page, config, files):
    _started[page.file.src_uri] = time.perf_counter()
    return markdown


def on_page_content(html, page, config, files):
    _timings[page.file.src_uri] = time.perf_counter() - _started.pop(page.file.src_uri)
    return html


def on_post_build(config):
    rows = sorted(_timings.items(), key=lambda item: -item[1])
    lines = [f"{seconds:8.3f} s  {page}" for page, seconds in rows]
    lines.append(f"{sum(_timings.values()):8.3f} s  total ({len(rows)} pages)")
    report = "Time to render each page (its code blocks included):\n" + "\n".join(lines)
    log.info(report)
    Path(config.config_file_path).parent.joinpath("build-report.txt").write_text(
        report + "\n", encoding="utf-8"
    )

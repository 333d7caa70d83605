"""Shared by scripts/lighthouse.py and scripts/screenshots.py: build the site (strict) into a
git-ignored folder, or take an existing build; re-exports scripts/browser_support.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import browser_support

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["ROOT", "browser_support", "built_site"]


def built_site(site_dir: str | None) -> Path:
    """`site_dir` if given (an existing build), else a fresh strict build in .cache/browser-site."""
    if site_dir:
        return Path(site_dir).resolve()
    target = ROOT / ".cache" / "browser-site"
    print(f"building the site into {target.relative_to(ROOT)} …", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return target

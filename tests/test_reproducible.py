"""Two builds of the same commit are byte-identical: sitemap dates, SVG ids, search index order,
page HTML and the footer's provenance line included."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def _all_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_a_second_cold_build_is_byte_identical(built_site, tmp_path):
    """The second build runs every block again (an empty exec cache of its own), with the same
    engine as the first (ProperDocs names itself in the generator tag)."""
    second = tmp_path / "second"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(second)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "LIVE_CODE_CACHE_DIR": str(tmp_path / "cold-cache"),
        },
    )
    assert result.returncode == 0, result.stderr
    assert _all_files(built_site) == _all_files(second)
    different = [
        name
        for name in sorted(_all_files(built_site))
        if not filecmp.cmp(built_site / name, second / name, shallow=False)
    ]
    assert not different, f"files that differ between two builds: {different}"

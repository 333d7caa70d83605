"""Each mistake an author can make fails `mkdocs build --strict` with a message naming the page.

Every case builds a throw-away site (this repository's mkdocs.yml, hooks and assets, plus two
pages) in a temporary folder. A demonstrated error that torch stops raising is caught by the
topic tests instead (they assert each error is still raised with its message).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

CASES = {
    "broken internal link": (
        "See [there](nowhere.md).", "Doc file 'bad.md' contains a link 'nowhere.md'"
    ),
    "link to a missing heading": (
        "See [x](index.md#没有这个标题).", "Doc file 'bad.md' contains a link 'index.md#"
    ),
    "bad TeX": ("Math $\\frac{1}{$ here.", "bad.md: bad TeX"),
    "missing image": ("![示意图](missing.png)", "Doc file 'bad.md' contains a link 'missing.png'"),
    "Obsidian embed": ("![[Pasted image 1.png]]", "bad.md:3: Obsidian embed"),
    "wikilink to nothing": ("See [[不存在的笔记]].", "bad.md:3: wikilink"),
    "unknown callout type": ("> [!tipp] 标题\n> 内容", "bad.md:3: unknown callout type [!tipp]"),
    "$$ without a blank line": ("Text\n$$\nx^2\n$$", "bad.md:4: $$ needs a blank line"),
    "inline $$ in a sentence": ("Inline $$x^2$$ here.", "bad.md:3: inline $$"),
    "code block that raises": (
        '```python exec="1"\nraise ValueError("boom")\n```',
        "bad.md: code block 1 raised:\nTraceback (most recent call last):\n"
        '  File "<bad.md block 1>", line 1, in <module>',
    ),
    "snippet path that does not exist": (
        '```python exec="1"\n--8<-- "snippets/nope.py"\n```',
        "Error reading page 'bad.md': Snippet at path 'snippets/nope.py' could not be found",
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def site_template(tmp_path_factory) -> Path:
    """A minimal site that builds cleanly: the real config with a two-page nav."""
    base = tmp_path_factory.mktemp("author-site")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("# Page tree")] + "nav:\n  - index.md\n  - bad.md\n"
    (base / "mkdocs.yml").write_text(config, encoding="utf-8")
    for shared in ("overrides", "sitekit"):  # mkdocs.yml names both
        (base / shared).symlink_to(ROOT / shared)
    (base / "snippets").mkdir()
    (base / "docs").mkdir()
    for shared in ("assets", "stylesheets"):
        (base / "docs" / shared).symlink_to(ROOT / "docs" / shared)
    (base / "docs" / "index.md").write_text("# 首页\n\n## 有这个标题\n", encoding="utf-8")
    return base


def build(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site / "out")],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_a_clean_page_builds(site_template):
    (site_template / "docs" / "bad.md").write_text(
        "# 好页面\n\n见 [标题](index.md#有这个标题)，$x^2$。\n", encoding="utf-8"
    )
    result = build(site_template)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case", CASES)
def test_mistake_fails_the_build_and_names_the_page(site_template, case):
    body, expected = CASES[case]
    (site_template / "docs" / "bad.md").write_text(f"# 有问题的页面\n\n{body}\n", encoding="utf-8")
    result = build(site_template)
    assert result.returncode != 0, f"{case}: the strict build passed"
    assert expected in result.stderr, result.stderr

"""Every snippet runs, is on a page, exists where a page says, and is tested."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, SNIPPETS, run_snippet

ALL_SNIPPETS = sorted(
    p.relative_to(SNIPPETS).as_posix() for p in SNIPPETS.rglob("*.py") if not p.name.startswith("_")
)
INCLUDE = re.compile(r'--8<--\s+"snippets/([^"]+)"')


def included_by_pages() -> set[str]:
    found = set()
    for page in (ROOT / "docs").rglob("*.md"):
        found.update(INCLUDE.findall(page.read_text(encoding="utf-8")))
    return found


def test_there_are_snippets():
    assert len(ALL_SNIPPETS) > 10


@pytest.mark.parametrize("snippet", ALL_SNIPPETS)
def test_snippet_runs(snippet):
    run = run_snippet(snippet)
    assert run.stdout.strip(), f"{snippet} prints nothing, so its page would show nothing"


def test_every_snippet_is_on_a_page():
    orphans = set(ALL_SNIPPETS) - included_by_pages()
    assert not orphans, f"snippets no page includes: {sorted(orphans)}"


def test_every_included_snippet_exists():
    missing = {s for s in included_by_pages() if not (SNIPPETS / s).is_file()}
    assert not missing, f"pages include snippets that do not exist: {sorted(missing)}"


def test_every_snippet_is_named_by_a_topic_test():
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
    untested = [s for s in ALL_SNIPPETS if f'"{s}"' not in tests]
    assert not untested, f"snippets whose claims no topic test asserts: {untested}"


def test_snippet_file_names_follow_their_page():
    """snippets/<topic>/<page>_NNN.py belongs to docs/<topic>/<page>.md."""
    for snippet in ALL_SNIPPETS:
        topic_page = re.fullmatch(r"(.+)_\d{3}\.py", snippet)
        assert topic_page, f"{snippet} is not named <topic>/<page>_NNN.py"
        assert (ROOT / "docs" / f"{topic_page[1]}.md").is_file(), f"{snippet} has no page"

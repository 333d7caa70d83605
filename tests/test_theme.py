"""The theme overrides (overrides/, Material's custom_dir) that are copies of Material templates
say which original they came from, so that a Material upgrade which changes an original is
noticed here instead of the copy silently keeping the old markup or behaviour."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest
from conftest import ROOT

OVERRIDES = ROOT / "overrides"
MATERIAL = Path(material.__file__).resolve().parent / "templates"

# "Copied from Material 9.8.2 partials/palette.html (sha256 fb935107ae7d3d74)", in the header
PROVENANCE = re.compile(
    r"(?:Copied|Adapted) from Material (?P<version>\S+) (?P<original>\S+\.html)\s+"
    r"\(sha256 (?P<sha>[0-9a-f]{16,64})\)"
)
HEADER = re.compile(r"\A\s*\{#-?(.*?)-?#\}", re.DOTALL)


def _provenance(path: Path) -> re.Match | None:
    header = HEADER.match(path.read_text(encoding="utf-8"))
    return PROVENANCE.search(header.group(1)) if header else None


def _overrides() -> list[Path]:
    return sorted(p for p in OVERRIDES.rglob("*.html") if p.is_file())


def _copies() -> list[Path]:
    return [path for path in _overrides() if _provenance(path)]


def test_some_overrides_are_copies():
    """The scan below finds the copies (a changed header format would make it pass vacuously)."""
    names = {path.relative_to(OVERRIDES).as_posix() for path in _copies()}
    assert {"partials/palette.html", "partials/search.html"} <= names, names


@pytest.mark.parametrize("path", _copies(), ids=lambda path: path.relative_to(OVERRIDES).as_posix())
def test_copied_original_is_unchanged(path):
    found = _provenance(path)
    copy = path.relative_to(OVERRIDES.parent)
    original = MATERIAL / found["original"]
    assert original.is_file(), (
        f"{copy} names Material's {found['original']}, which the installed Material "
        f"({MATERIAL}) no longer has: find what replaced it and re-copy"
    )
    sha = hashlib.sha256(original.read_bytes()).hexdigest()
    assert sha.startswith(found["sha"]), (
        f"Material's {found['original']} changed since it was copied: diff it and re-copy "
        f"({copy} was copied from Material {found['version']}, sha256 {found['sha']}; "
        f"the installed original is sha256 {sha[:16]})"
    )


def test_partials_with_a_material_name_say_where_they_came_from():
    """An override with the name of a Material partial replaces that partial; if it says
    nothing of its original, no upgrade of Material would ever be checked against it."""
    missing = []
    for path in sorted((OVERRIDES / "partials").rglob("*.html")):
        relative = path.relative_to(OVERRIDES).as_posix()
        if not (MATERIAL / relative).is_file():
            continue  # the site's own partial, not a replacement
        found = _provenance(path)
        if not found or found["original"] != relative:
            missing.append(relative)
    assert not missing, (
        f"{missing} replace Material partials of the same name but their header has no "
        f'"Copied from Material <version> <partial> (sha256 <first 16 hex>)" line naming it'
    )

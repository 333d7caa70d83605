"""The engine-neutral half of the build: one Python-Markdown extension (`sitebuild.markdown`).

What must hold under any engine that reads `markdown_extensions` and runs markdown-exec's
fences (MkDocs, ProperDocs, and Zensical, which ignores plugins and hooks) lives here:
- python blocks run through sitebuild.execution (fresh torch state, cache, and a block that
  raises stops the build; the plugin tells it the page's name, other engines do not);
- `--8<--` inside a `>` callout expands with its prefix before pymdownx.snippets runs (an engine
  that converts callouts later would otherwise run the include line as code);
- `<!-- errata-index -->` on the home page becomes the list of every 勘误 callout;
- every `<pre><code>` can take keyboard focus (see _FocusableCode).
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from pymdownx.slugs import slugify

from sitebuild import execution
from sitebuild.scan import CALLOUT, page_blocks

ERRATA_MARKER = "<!-- errata-index -->"
_QUOTED_INCLUDE = re.compile(r'^(?P<prefix>(?:> ?)+)--8<--\s+"(?P<path>[^"]+)"\s*$')
_PREFIX = re.compile(r"[>\s]*")
_CODE_IN_PRE = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code(?![^>]*\btabindex=)")
_slug = slugify(case="lower")  # the toc extension's slugify (mkdocs.yml)


class _EachLine(Preprocessor):
    """Each line replaced by the lines `edit(folder, line)` returns."""

    def __init__(self, md, edit, folder: Path):
        super().__init__(md)
        self.edit, self.folder = edit, folder

    def run(self, lines: list[str]) -> list[str]:
        return [out for line in lines for out in self.edit(self.folder, line)]


def quoted_include(base: Path, line: str) -> list[str]:
    found = _QUOTED_INCLUDE.match(line)
    if not found:
        return [line]
    prefix = found["prefix"].removesuffix(" ") + " "
    text = (base / found["path"]).read_text(encoding="utf-8")  # missing: fails
    return [(prefix + part).rstrip() for part in text.rstrip("\n").split("\n")]


def errata(docs: Path) -> list[str]:
    """One Markdown list item per `> [!bug] 勘误：…` callout under `docs`, with the page title and
    section it sits in, linked (the page holding the index is left out)."""
    items = []
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        if ERRATA_MARKER in text:
            continue
        title = section = ""
        for block in page_blocks(text):
            if block.kind == "heading":
                title, section = (block.text, "") if block.level == 1 else (title, block.text)
            elif block.kind == "prose" and block.depth == 1:
                callout = CALLOUT.match(block.text.splitlines()[0])
                if callout and callout["kind"] == "bug" and callout["title"].startswith("勘误："):
                    anchor = f"#{_slug(section, '-')}" if section else ""
                    link = f"{page.relative_to(docs).as_posix()}{anchor}"
                    erratum = callout["title"].removeprefix("勘误：")
                    items.append(f"- [{title} · {section or title}]({link})：{erratum}")
    return items


def errata_index(docs: Path, line: str) -> list[str]:
    # keep the marker's indent: "> " in Obsidian, a tab once mkdocs-callouts converted it
    prefix = _PREFIX.match(line)[0]
    if line[len(prefix) :].strip() != ERRATA_MARKER:
        return [line]
    return [prefix + item for item in errata(docs)]


class _FocusableCode(Postprocessor):
    """A code block wider than its column scrolls sideways, and a keyboard reader must focus it
    to scroll (axe scrollable-region-focusable). Material adds tabindex only when it mounts a
    block, and with `content.lazy` that is when the block comes into view; so every block gets
    it in the HTML, and Material's mount removes it where the block does not scroll."""

    def run(self, text: str) -> str:
        return _CODE_IN_PRE.sub(r'\1<code tabindex="0"', text)


class SiteMarkdown(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "docs_dir": ["docs", "folder of the pages (the errata index scans it)"],
            "base_path": [".", "folder the --8<-- paths are relative to"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's API name)
        execution.install()
        base, docs = Path(self.getConfig("base_path")), Path(self.getConfig("docs_dir"))
        # both before pymdownx.snippets (32): they hand it plain Markdown lines
        md.preprocessors.register(_EachLine(md, quoted_include, base), "quoted_includes", 34)
        md.preprocessors.register(_EachLine(md, errata_index, docs), "errata_index", 33)
        # after the raw-HTML postprocessor (30), so markdown-exec's output blocks are in the text
        md.postprocessors.register(_FocusableCode(md), "focusable_code", 5)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's API name)
    return SiteMarkdown(**kwargs)

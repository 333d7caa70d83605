"""Python-Markdown extension: the home page's list of every erratum on the site.

A line `<!-- errata-index -->` (an HTML comment, so Obsidian shows nothing) becomes a Markdown
list with one item per `> [!bug] 勘误：…` callout in the pages under `docs_dir`: page title,
the section it sits in, and the erratum's title. It runs before the rest of the conversion, so
the links are ordinary `.md#anchor` links that MkDocs rewrites for every URL style (site,
file:// folder, PDF) and validates (`validation: anchors` + `--strict`).
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor
from pymdownx.slugs import slugify

MARKER = "<!-- errata-index -->"
_HEADING = re.compile(r"^(#{1,3}) (.+)$")
_ERRATUM = re.compile(r"^> \[!bug\] 勘误：(.+)$")
_PREFIX = re.compile(r"[>\s]*")
_slug = slugify(case="lower")  # the same slugify as the toc extension in mkdocs.yml


def errata(docs: Path) -> list[str]:
    """One Markdown list item per erratum callout, links relative to `docs` (the page that
    holds the index is left out: its own errata are right there)."""
    items = []
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        if MARKER in text:
            continue
        title, section, in_code = "", "", False
        for line in text.splitlines():
            if line.lstrip("> ").startswith("```"):
                in_code = not in_code  # a `# comment` inside a code block is no heading
            elif in_code:
                continue
            elif found := _HEADING.match(line):
                title, section = (found[2], "") if len(found[1]) == 1 else (title, found[2])
            elif found := _ERRATUM.match(line):
                anchor = f"#{_slug(section, '-')}" if section else ""
                link = f"{page.relative_to(docs).as_posix()}{anchor}"
                items.append(f"- [{title} · {section or title}]({link})：{found[1]}")
    return items


class _ErrataIndex(Preprocessor):
    def __init__(self, md, docs: Path):
        super().__init__(md)
        self.docs = docs

    def run(self, lines: list[str]) -> list[str]:
        result = []
        for line in lines:
            # keep the marker's indent: "> " in Obsidian, a tab once mkdocs-callouts converted it
            prefix = _PREFIX.match(line)[0]
            if line[len(prefix) :].strip() == MARKER:
                result.extend(prefix + item for item in errata(self.docs))
            else:
                result.append(line)
        return result


class ErrataIndexExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"docs_dir": ["docs", "folder of the pages to scan"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's API name)
        # before pymdownx.snippets (32) and the block parser: plain Markdown lines go in
        md.preprocessors.register(_ErrataIndex(md, Path(self.getConfig("docs_dir"))), "errata", 35)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's API name)
    return ErrataIndexExtension(**kwargs)

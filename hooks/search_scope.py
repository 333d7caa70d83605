"""MkDocs hook: keep the search index to what readers search for.

Left out: the snippets' source and printed outputs (the prose names every API it teaches;
tensor dumps are noise), figures (their SVG labels), TeX sources (readers do not search for
`\\frac`, and previews would show raw TeX), and the notebook pages, which repeat their
chapters' text. Those blocks are set aside (an HTML comment holds their place) before the search
plugin reads the page and put back right after, rather than marked `data-search-exclude`: the
plugin's HTML parser would still walk every tag of them, and the figures' SVG and the
highlighted code are most of a page's tags (0.5 s of a 3 s build). The 常见错误 pages quote
each error message in prose, so pasting an error still finds its entry (tests/test_mistakes.py
reads the index to prove it).

The index is rewritten as UTF-8 once the search plugin wrote it: Material escapes every Chinese
character and every word break jieba inserts (U+200B) as a six-byte \\uXXXX, so the same index
is 200 KB instead of 116 (34 KB compressed instead of 30). overrides/main.html then holds its
download until the reader reaches for search.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

# None of these blocks nests an element of its own tag (Pygments output, one KaTeX source, one
# figure), so the first closing tag ends the block.
_LEFT_OUT = re.compile(
    r'<(?P<tag>div|span|figure) class="'
    r'(?:language-text highlight|language-python highlight|arithmatex|live-figure)">'
    r".*?</(?P=tag)>",
    re.DOTALL,
)
_PLACE = re.compile(r"<!--search-scope:(\d+)-->")
_set_aside: dict[str, list[str]] = {}


def on_page_content(html: str, page, config, files) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
        return html
    blocks: list[str] = []

    def set_aside(match: re.Match) -> str:
        blocks.append(match[0])
        return f"<!--search-scope:{len(blocks) - 1}-->"

    _set_aside[page.file.src_uri] = blocks
    return _LEFT_OUT.sub(set_aside, html)


@event_priority(-100)  # after the search plugin's on_page_context has indexed the page
def on_page_context(context, page, config, nav):
    blocks = _set_aside.pop(page.file.src_uri, None)
    if blocks:
        page.content = _PLACE.sub(lambda match: blocks[int(match[1])], page.content)
    return context


def on_post_build(config) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        index.write_text(text, encoding="utf-8")

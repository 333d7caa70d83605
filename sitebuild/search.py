"""What goes into the search index, and what it costs to build.

Left out of the index: the snippets' source and printed outputs (the prose names every API it
teaches; tensor dumps are noise), figures (their SVG labels), TeX sources (readers do not search
for `\\frac`) and the notebook pages, which repeat their chapters' text. Those blocks are set
aside (an HTML comment holds their place) before the search plugin reads the page and put back
in the finished page, rather than marked `data-search-exclude`: the plugin's HTML parser would
still walk every tag of them, and the figures' SVG and highlighted code are most of a page's
tags. The 常见错误 pages quote each error message in prose, so a pasted error still finds its
entry (tests/test_mistakes.py).

The index is rewritten as UTF-8 once the search plugin wrote it: Material escapes every Chinese
character and jieba's word breaks (U+200B) as six-byte \\uXXXX (200 KB instead of 116).

Chinese segmentation: Material's search plugin segments with jieba, whose full dictionary
(349 046 words) takes 0.6-1.2 s to load per build. Here the plugin gets the words of jieba's own
dictionary with a frequency of at least MIN_FREQ (about 36 000, every single character kept),
written once to .cache/jieba/ from the installed jieba; every technical term still starts on a
word boundary (tests/test_build_cache.py). SEARCH_DICT=full keeps the full dictionary.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

MIN_FREQ = 100
# None of these blocks nests an element of its own tag (Pygments output, one KaTeX source, one
# figure), so the first closing tag ends the block.
_LEFT_OUT = re.compile(
    r'<(?P<tag>div|span|figure) class="'
    r'(?:language-text highlight|language-python highlight|arithmatex|live-figure)">'
    r".*?</(?P=tag)>",
    re.DOTALL,
)
_PLACE = re.compile(r"<!--search-scope:(\d+)-->")


class SearchScope:
    def __init__(self):
        self.set_aside: dict[str, list[str]] = {}

    def leave_out(self, html: str, page) -> str:
        if page.file.src_uri.endswith(".ipynb"):
            page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
            return html
        blocks = self.set_aside[page.file.src_uri] = []

        def set_aside(match: re.Match) -> str:
            blocks.append(match[0])
            return f"<!--search-scope:{len(blocks) - 1}-->"

        return _LEFT_OUT.sub(set_aside, html)

    def put_back(self, output: str, page) -> str:
        blocks = self.set_aside.pop(page.file.src_uri, None)
        return _PLACE.sub(lambda match: blocks[int(match[1])], output) if blocks else output


def index_as_utf8(site_dir: str) -> None:
    index = Path(site_dir) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        index.write_text(text, encoding="utf-8")


def compact_dictionary(full: Path, target: Path, min_freq: int = MIN_FREQ) -> Path:
    """Write the words of jieba's dictionary `full` with frequency >= min_freq to `target`
    (only when `full` changed: jieba rebuilds its model cache whenever the file is newer)."""
    source = full.read_bytes()
    stamp = f"{hashlib.sha256(source).hexdigest()} {min_freq}\n"
    stamp_file = target.with_suffix(".stamp")
    if target.is_file() and stamp_file.is_file() and stamp_file.read_text() == stamp:
        return target
    kept = []
    for line in source.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and (int(parts[1]) >= min_freq or len(parts[0]) == 1):
            kept.append(line)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text("\n".join(kept) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    stamp_file.write_text(stamp)
    return target


def use_compact_dictionary(config, cache: Path) -> None:
    """Give Material's search plugin the compact dictionary, before its on_config loads one."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if os.environ.get("SEARCH_DICT", "compact") == "full" or search is None:
        return
    if not hasattr(search.config, "jieba_dict") or search.config.jieba_dict:
        return  # not Material's search, or a dictionary was chosen in mkdocs.yml
    try:
        import jieba

        compact = compact_dictionary(Path(jieba.__file__).parent / "dict.txt", cache / "dict.txt")
    except (ImportError, OSError):
        return
    jieba.dt.tmp_dir = str(cache)
    search.config.jieba_dict = str(compact)

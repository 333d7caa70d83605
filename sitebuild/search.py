"""Search: the site's own worker behind Material's search UI, and what goes into the index.

Material's search plugin writes the index and its bundle draws the dialog and results; the
worker that answers is ours (search_worker.js, README "Search"), started from the `search` URL
of each page's `__config`, which we point at our copy. That URL and the worker protocol are all
we rely on: the build fails here if the URL is not where Material 9.8.2 puts it, and
tests/test_search.py checks the protocol against Material's source.

Left out of the index: code and printed outputs (the prose names every API), figures, TeX, the
notebook pages (they repeat their chapters), each 动手练习's body (the heading stays), the home
page's folded 勘误一览 and tables whose every row links elsewhere (each target is indexed whole).
They are set aside (a comment holds their place) before the search plugin parses the page, not
marked `data-search-exclude`: its parser would still walk all their tags. The index is then
rewritten as UTF-8 plain text (Material escapes each Chinese character; the markup, and the
spaces its removal leaves beside Chinese, were a tenth of it): at most 60 KB gzip.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

WORKER_SOURCE = Path(__file__).with_name("search_worker.js")
WORKER_URI = "assets/javascripts/search-worker.js"
MATERIAL_WORKER = re.compile(r"^(?P<base>.*)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
# None of these blocks nests an element of its own tag (Pygments output, one KaTeX source, one
# figure), so the first closing tag ends the block.
_LEFT_OUT = re.compile(
    r'<(?P<tag>div|span|figure) class="'
    r'(?:language-text highlight|language-python highlight|arithmatex|live-figure)">'
    r".*?</(?P=tag)>",
    re.DOTALL,
)
# A stepper's or explorer's figure and frames (sitekit.watch) go too, but for the opening tag:
# overrides/main.html loads the script on pages whose content holds it.
_WATCH = re.compile(r'(<figure class="live-figure watch" data-watch>)(.*?</figure>)', re.DOTALL)
_PLACE = re.compile(r"<!--search-scope:(\d+)-->")
_EXERCISES = re.compile(
    r'(?P<heading><h2 id="动手练习">.*?</h2>)(?P<body>.*?)(?=<h[12][ >]|\Z)', re.DOTALL
)
# No <details> holds another, so the first closing tag ends the list.
_FOLDED = re.compile(
    r'<details class="[\w -]+">\s*<summary>勘误一览[^<]*</summary>.*?</details>', re.DOTALL
)
_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)


class SearchScope:
    def __init__(self):
        self.set_aside: dict[str, list[str]] = {}

    def leave_out(self, html: str, page) -> str:
        if page.file.src_uri.endswith(".ipynb"):
            page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
            return html
        blocks = self.set_aside[page.file.src_uri] = []

        def set_aside(block: str) -> str:
            blocks.append(block)
            return f"<!--search-scope:{len(blocks) - 1}-->"

        def exercises(match: re.Match) -> str:  # the heading stays
            return match["heading"] + set_aside(match["body"])

        def contents(match: re.Match) -> str:
            rows = _ROW.findall(match[0])[1:]  # the header row links nowhere
            linked = rows and all("<a " in row for row in rows)
            return set_aside(match[0]) if linked else match[0]

        # Largest first: put_back restores each block once, so no block may hold a placeholder.
        html = _EXERCISES.sub(exercises, html)
        html = _FOLDED.sub(lambda match: set_aside(match[0]), html)
        html = _WATCH.sub(lambda match: match[1] + set_aside(match[2]), html)
        html = _TABLE.sub(contents, html)
        return _LEFT_OUT.sub(lambda match: set_aside(match[0]), html)

    def put_back(self, output: str, page) -> str:
        blocks = self.set_aside.pop(page.file.src_uri, None)
        return _PLACE.sub(lambda match: blocks[int(match[1])], output) if blocks else output


# Inline markup goes without a trace (the site writes `把<code>x</code>存进`); block markup
# leaves a space, and a space beside Chinese or its punctuation goes (the worker splits Chinese
# from Latin by itself). Entities stay: `&lt;` is not mistaken for a tag by the worker.
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|del|em|i|ins|kbd|mark|span|strong|sub|sup)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_BESIDE_CHINESE = re.compile(
    r"(?<=[\u2018-\u201d\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) "
    r"| (?=[\u2018-\u201d\u3000-\u303f\u3400-\u9fff\uff00-\uffef])"
)


def plain_text(html: str, compact: bool = True) -> str:
    """`html` as text; `compact`: without the spaces beside Chinese (a heading keeps them)."""
    text = " ".join(_TAG.sub(" ", _INLINE_TAG.sub("", html)).split())
    return _BESIDE_CHINESE.sub("", text) if compact else text


def index_as_utf8(site_dir: str) -> None:
    """The index as UTF-8 plain text (module docstring)."""
    index = Path(site_dir) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        for doc in data["docs"]:
            doc["title"], doc["text"] = plain_text(doc["title"], False), plain_text(doc["text"])
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        index.write_text(text, encoding="utf-8")


def add_worker(files, config):
    files.append(File.generated(config, WORKER_URI, abs_src_path=str(WORKER_SOURCE)))
    return files


def point_at_worker(html: str) -> str:
    """`html` with the search worker URL of Material's __config replaced by ours (same base)."""

    def replace(match: re.Match) -> str:
        data = json.loads(match[2])
        found = MATERIAL_WORKER.match(str(data.get("search", "")))
        if not found:
            raise PluginError(
                f"sitebuild/search.py: Material's __config has no worker URL where 9.8.2 put it "
                f"({data.get('search')!r}); check Material's search worker protocol"
            )
        data["search"] = found["base"] + WORKER_URI
        return match[1] + str(htmlsafe_json_dumps(data)) + match[3]

    html, count = _CONFIG.subn(replace, html)
    if count != 1:
        raise PluginError(f"sitebuild/search.py: expected one __config script, found {count}")
    return html

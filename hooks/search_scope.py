"""MkDocs hook: keep the search index to what readers search for.

Material downloads the whole search index on a page's first view, so its size is part of every
page's weight. Left out (Material's `data-search-exclude` attribute, removed from the page again
by the search plugin): the snippets' source and printed outputs (the prose names every API it
teaches; tensor dumps are noise), figures (their SVG labels), TeX sources (readers do not
search for `\\frac`, and previews would show raw TeX), and the notebook pages, which repeat
their chapters' text. The 常见错误 pages quote each error message in prose, so pasting an error
still finds its entry (tests/test_mistakes.py reads the index to prove it).
"""

from __future__ import annotations

import re

_EXCLUDED = re.compile(
    r'<(?P<tag>div|span|figure)(?P<attrs> class="'
    r'(?:language-text highlight|language-python highlight|arithmatex|live-figure)")'
)


def on_page_content(html: str, page, config, files) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
        return html
    return _EXCLUDED.sub(r'<\g<tag>\g<attrs> data-search-exclude="true"', html)

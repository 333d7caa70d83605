"""MkDocs hook: render the page's TeX with KaTeX at build time.

pymdownx.arithmatex (generic mode) leaves `\\(…\\)` and `\\[…\\]` in marked spans and divs.
Here each one becomes KaTeX HTML + MathML (PyKaTeX runs KaTeX itself, no Node needed), so
readers get math without JavaScript and without any other host; the stylesheet and woff2
fonts are served from docs/assets/katex/. Bad TeX is logged as an error naming the page,
which fails `mkdocs build --strict`. Rendering happens after the search plugin indexed the
page, so the index holds the TeX source, not KaTeX's glyph soup.
"""

from __future__ import annotations

import html
import logging
import re

import pykatex

log = logging.getLogger("mkdocs.hooks.katex_math")

_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">'
    r"(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])"
    r"</(?P=tag)>",
    re.DOTALL,
)


def render_math_html(page_html: str, where: str) -> str:
    def render(match: re.Match) -> str:
        display = match["display"] is not None
        tex = html.unescape(match["display"] if display else match["inline"])
        try:
            return pykatex.renderToString(tex, displayMode=display, strict="error")
        except pykatex.ParseError as error:
            log.error("%s: bad TeX %r: %s", where, tex.strip(), error)
            return match[0]

    return _MATH.sub(render, page_html)


def on_post_page(output: str, page, config) -> str:
    return render_math_html(output, page.file.src_uri)

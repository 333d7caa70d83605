"""What keeps a page's first view light (task "browser"): KaTeX fonts cut to the site's glyphs,
lean figure SVG, a compact search index. The browser side (what a page actually requests) is
in tests/test_browser.py."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from browser_support import site_pages as page_paths
from conftest import ROOT, page_html
from fontTools.ttLib import TTFont

VENDORED_FONTS = ROOT / "docs" / "assets" / "katex" / "fonts"
FIGURE = re.compile(r'<figure class="live-figure">.*?</figure>', re.DOTALL)


def site_pages(site: Path) -> dict[str, str]:
    """HTML of every page of the built site, by URL path."""
    return {path: page_html(site, path) for path in page_paths(site)}


class _MathText(HTMLParser):
    """Collects the text inside `.katex-html` (the drawn half of KaTeX's output, not MathML)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.chars: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif "katex-html" in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.chars.update(data)


def math_chars(pages: dict[str, str]) -> set[str]:
    parser = _MathText()
    for text in pages.values():
        parser.feed(text)
    return parser.chars


def codepoints(font_file: Path) -> set[int]:
    return set(TTFont(font_file).getBestCmap())


def test_katex_fonts_are_cut_to_the_glyphs_the_math_shows(built_site):
    pages = site_pages(built_site)
    chars = {ord(c) for c in math_chars(pages)}
    assert len(chars) > 40  # letters, digits, operators, Greek, sums…
    preload = re.compile(r'fonts/(KaTeX_[\w-]+\.woff2)" as="font"')
    preloaded = set(preload.findall("".join(pages.values())))
    assert {"KaTeX_Main-Regular.woff2", "KaTeX_Math-Italic.woff2"} <= preloaded
    served_total = vendored_total = 0
    for name in sorted(preloaded):
        vendored = VENDORED_FONTS / name
        served = built_site / "assets" / "katex" / "fonts" / name
        needed = codepoints(vendored) & chars
        assert needed <= codepoints(served), f"{served.name} lost glyphs the math shows"
        assert served.stat().st_size < vendored.stat().st_size, served.name
        served_total += served.stat().st_size
        vendored_total += vendored.stat().st_size
    assert served_total < vendored_total / 2


def test_every_math_page_preloads_its_base_math_fonts(built_site):
    for name, text in site_pages(built_site).items():
        if 'class="katex"' in text:
            assert 'KaTeX_Main-Regular.woff2" as="font"' in text, name


def test_figures_are_lean(built_site):
    figures = [f for text in site_pages(built_site).values() for f in FIGURE.findall(text)]
    assert len(figures) >= 10
    for figure in figures:
        title = re.search(r"<title>([^<]*)</title>", figure)[1]
        assert 'id="axes_1"' not in figure and 'id="figure_1"' not in figure, title  # scoured
        assert "\n " not in figure, title  # no indentation
        assert not re.search(r"\d\.\d{3}", figure), title  # coordinates rounded
        assert len(gzip.compress(figure.encode())) < 6_000, title


def test_search_index_is_utf8(built_site):
    raw = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "激活函数" in raw and "\\u6fc0" not in raw  # 激, not its six-byte escape
    assert json.loads(raw)["docs"]

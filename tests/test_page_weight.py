"""What keeps a page's first view light (task "browser"): math as MathML with one math font cut
to the site's glyphs, lean figure SVG, a compact search index. The browser side (what a page
actually requests) is in tests/test_browser.py."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

# browser_support lives in scripts/ (the scripts use it and must run without tests/)
from browser_support import site_pages as page_paths  # noqa: E402
from conftest import ROOT, page_html
from fontTools.ttLib import TTFont

MATH_FONT = "assets/fonts/notes-math.woff2"
FIGURE = re.compile(r'<figure class="live-figure">.*?</figure>', re.DOTALL)


def site_pages(site: Path) -> dict[str, str]:
    """HTML of every page of the built site, by URL path."""
    return {path: page_html(site, path) for path in page_paths(site)}


def italic(letter: str) -> str:
    """The Mathematical Italic form a browser draws a one-letter <mi> with (x -> 𝑥, θ -> 𝜃)."""
    name = unicodedata.name(letter)
    for script, case in (("LATIN", "CAPITAL"), ("LATIN", "SMALL"),
                         ("GREEK", "CAPITAL"), ("GREEK", "SMALL")):
        if name.startswith(f"{script} {case} LETTER "):
            try:
                return unicodedata.lookup(f"MATHEMATICAL ITALIC {case} {name.split()[-1]}")
            except KeyError:  # italic h predates the block: PLANCK CONSTANT
                return "\u210e" if letter == "h" else letter
    return letter


class _DrawnMath(HTMLParser):
    """Collects what the <math> elements draw: their text but not the TeX annotation, with
    each one-letter <mi> as its italic form."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, bool]] = []
        self.chars: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if tag == "math" or self.open:
            self.open.append((tag, tag == "mi" and not attrs))

    def handle_endtag(self, tag):
        if self.open:
            self.open.pop()

    def handle_data(self, data):
        if not self.open or any(tag == "annotation" for tag, _ in self.open):
            return
        plain_mi = self.open[-1][1]
        self.chars.update(italic(data) if plain_mi and len(data) == 1 else data)


def math_chars(pages: dict[str, str]) -> set[str]:
    parser = _DrawnMath()
    for text in pages.values():
        parser.feed(text)
    return parser.chars - set(" \n")


def codepoints(font_file: Path) -> set[int]:
    return set(TTFont(font_file).getBestCmap())


def test_math_is_mathml_only(built_site):
    """KaTeX's HTML rendering (thousands of spans per page) is gone; every formula is MathML
    with its TeX kept as an annotation."""
    pages = site_pages(built_site)
    formulas = sum(text.count('class="katex"') for text in pages.values())
    assert formulas > 100
    for path, text in pages.items():
        assert "katex-html" not in text, path
        assert text.count('class="katex"') == text.count("<math "), path
        assert text.count("<math ") == text.count('<annotation encoding="application/x-tex">')


def test_math_font_is_cut_to_the_glyphs_the_math_shows(built_site):
    chars = {ord(c) for c in math_chars(site_pages(built_site))}
    assert len(chars) > 60  # letters, their italics, digits, operators, Greek, sums…
    assert ord("𝑥") in chars and ord("𝜃") in chars and ord("∑") in chars
    vendored, served = ROOT / "docs" / MATH_FONT, built_site / MATH_FONT
    needed = codepoints(vendored) & chars
    latin_and_math = {c for c in chars if not unicodedata.name(chr(c)).startswith("CJK")}
    assert needed == latin_and_math  # Chinese in \\text{…} comes from the reader's fonts
    assert needed <= codepoints(served), "the subset lost glyphs the math shows"
    assert served.stat().st_size < vendored.stat().st_size / 5
    math = TTFont(served)["MATH"].table  # what stretches brackets and places scripts is kept
    constructions = math.MathVariants.VertGlyphCoverage.glyphs
    assert TTFont(served).getBestCmap()[ord("(")] in constructions


def test_every_math_page_preloads_the_math_font(built_site):
    for name, text in site_pages(built_site).items():
        preloads = text.count('notes-math.woff2" as="font"')
        assert preloads == (1 if "<math " in text else 0), name


def test_figures_are_lean(built_site):
    figures = [f for text in site_pages(built_site).values() for f in FIGURE.findall(text)]
    assert len(figures) >= 10
    for figure in figures:
        title = re.search(r"<title>([^<]*)</title>", figure)[1]
        assert 'id="axes_1"' not in figure and 'id="figure_1"' not in figure, title  # scoured
        assert "\n " not in figure, title  # no indentation
        svg = re.search(r"<svg.*</svg>", figure, re.DOTALL)[0]  # the caption may quote 0.611
        tags = "".join(re.findall(r"<[^>]+>", svg))  # text may print 0.0020 (a label)
        assert not re.search(r"\d\.\d{3}", tags), title  # coordinates rounded
        assert len(gzip.compress(figure.encode())) < 6_000, title
        # an inline SVG's <style> would apply to the whole page and restyle it as it is parsed
        assert "<style" not in figure, title
        # matplotlib's rule as a root attribute instead (scour drops linecap="butt", the default)
        assert re.match(r'<figure[^>]*>\s*<svg [^>]*stroke-linejoin="round"', figure), title


def test_a_figure_style_sheet_other_than_matplotlibs_is_refused():
    from sitekit.figures import _style_to_attributes

    with pytest.raises(ValueError, match="style sheet"):
        _style_to_attributes('<svg x="1"><defs><style>text{fill:red}</style></defs></svg>')


def test_no_script_holds_up_the_first_paint(built_site):
    """Material's bundle is an inert tag that overrides/main.html starts after the first paint;
    no page has a parser-blocking external script (the steppers' script is deferred)."""
    for name, text in site_pages(built_site).items():
        scripts = re.findall(r"<script\b[^>]*\ssrc=[^>]*>", text)
        assert [s for s in scripts if not re.search(r"\sdefer[\s>]", s)] == [], name
        inert = r'<script type="text/x-after-first-paint" data-src="[^"]*/bundle\.'
        assert re.search(inert, text), name


def test_every_code_block_can_take_focus_before_material_sets_it_up(built_site):
    """content.lazy: Material sets a code block up (and makes a scrolling one focusable) only
    when it comes into view, so the HTML makes every block focusable (sitebuild/markdown.py)."""
    blocks = 0
    for name, text in site_pages(built_site).items():
        for code in re.findall(r"<pre\b[^>]*>(?:<span></span>)?(<code[^>]*>)", text):
            blocks += 1
            assert 'tabindex="0"' in code, (name, code)
    assert blocks > 100


def test_search_index_is_utf8(built_site):
    raw = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "激活函数" in raw and "\\u6fc0" not in raw  # 激, not its six-byte escape
    assert json.loads(raw)["docs"]


def test_search_index_is_at_most_60_kb_gzipped(built_site):
    """Issue #17: the index a reader downloads on first reaching for search (sitebuild/search.py
    says what is left out to keep it so)."""
    raw = (built_site / "search" / "search_index.json").read_bytes()
    assert len(gzip.compress(raw)) <= 60 * 1024, len(gzip.compress(raw))


def test_search_index_is_plain_text(built_site):
    """No markup in the index (the worker matches and previews plain text)."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tagged = [
        d["location"] for d in docs["docs"] if re.search(r"<[a-z/][^>]*>", d["title"] + d["text"])
    ]
    assert not tagged, tagged

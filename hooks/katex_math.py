"""MkDocs hook: render the page's TeX with KaTeX at build time, and serve only the glyphs it uses.

pymdownx.arithmatex (generic mode) leaves `\\(…\\)` and `\\[…\\]` in marked spans and divs.
Here each one becomes KaTeX HTML + MathML (PyKaTeX runs KaTeX itself, no Node needed), so
readers get math without JavaScript and without any other host; the stylesheet and woff2
fonts are served from docs/assets/katex/. Bad TeX is logged as an error naming the page,
which fails `mkdocs build --strict`. Rendering happens after the search plugin indexed the
page, so the index holds the TeX source, not KaTeX's glyph soup.

Page weight (task "browser": a first view <= 150 KB, no layout shift):
- After the build, each KaTeX font some page draws with is cut down to the characters the site's
  math shows (fontTools; hinting dropped, which phones' high-density screens ignore): Main and
  Math go from 26 and 16 KB to about 7 each. Fonts no page uses stay as vendored (no page
  requests them), and so do the originals in docs/. Subsets are cached in .cache/katex-fonts/,
  keyed on the font and the characters, so a warm build does no font work.
- Each page preloads the fonts its math uses, so they arrive with the render-blocking CSS and
  the math does not jump when they swap in (softmax/softmax/ shifted by CLS 0.12 without this).
  Not in the offline edition (Material's offline plugin): a file:// page has no latency to hide
  and Chromium refuses a font preload (a CORS request) from file://.
"""

from __future__ import annotations

import hashlib
import html
import io
import logging
import posixpath
import re
from pathlib import Path

import pykatex

log = logging.getLogger("mkdocs.hooks.katex_math")

_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">'
    r"(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])"
    r"</(?P=tag)>",
    re.DOTALL,
)
_TEXT = re.compile(r">([^<]+)<")
_CLASSES = re.compile(r'class="([^"]+)"')

FONTS_DIR = "assets/katex/fonts"
# Which font a KaTeX class asks for, from the font-family rules of katex.min.css (KaTeX 0.16.22):
# a rule applies when one element carries all its classes. KaTeX_Main-Regular is the base font.
FONT_RULES: list[tuple[frozenset[str], str]] = [
    (frozenset(classes.split()), font)
    for classes, font in [
        ("mathnormal", "KaTeX_Math-Italic"),
        ("mathit", "KaTeX_Main-Italic"),
        ("mathbf", "KaTeX_Main-Bold"),
        ("textbf", "KaTeX_Main-Bold"),
        ("boldsymbol", "KaTeX_Math-BoldItalic"),
        ("amsrm", "KaTeX_AMS-Regular"),
        ("mathbb", "KaTeX_AMS-Regular"),
        ("mathcal", "KaTeX_Caligraphic-Regular"),
        ("mathfrak", "KaTeX_Fraktur-Regular"),
        ("mathscr", "KaTeX_Script-Regular"),
        ("mathsf", "KaTeX_SansSerif-Regular"),
        ("textsf", "KaTeX_SansSerif-Regular"),
        ("mathtt", "KaTeX_Typewriter-Regular"),
        ("texttt", "KaTeX_Typewriter-Regular"),
        ("delimsizing size1", "KaTeX_Size1-Regular"),
        ("delim-size1", "KaTeX_Size1-Regular"),
        ("small-op", "KaTeX_Size1-Regular"),
        ("delimsizing size2", "KaTeX_Size2-Regular"),
        ("large-op", "KaTeX_Size2-Regular"),
        ("delimsizing size3", "KaTeX_Size3-Regular"),
        ("delimsizing size4", "KaTeX_Size4-Regular"),
        ("delim-size4", "KaTeX_Size4-Regular"),
    ]
]
# Equation numbers come from CSS counters: keep their glyphs even if no page shows one yet.
ALWAYS_KEPT = "()0123456789"
SUBSET_VERSION = "1"  # bump when the subsetting options below change

_site_chars: set[str] = set()
_site_fonts: set[str] = set()


def _katex_html(rendered: str) -> str:
    """The visible half of KaTeX's output (the MathML half is for screen readers, not drawn)."""
    return rendered[rendered.find('class="katex-html"') :]


def render_math_html(page_html: str, where: str, rendered: list[str] | None = None) -> str:
    def render(match: re.Match) -> str:
        display = match["display"] is not None
        tex = html.unescape(match["display"] if display else match["inline"])
        try:
            out = pykatex.renderToString(tex, displayMode=display, strict="error")
        except pykatex.ParseError as error:
            log.error("%s: bad TeX %r: %s", where, tex.strip(), error)
            return match[0]
        if rendered is not None:
            rendered.append(_katex_html(out))
        return out

    return _MATH.sub(render, page_html)


def fonts_used(rendered: list[str]) -> list[str]:
    """The font files (without .woff2) the math in `rendered` draws with."""
    fonts = {"KaTeX_Main-Regular"} if rendered else set()
    for piece in rendered:
        for classes in _CLASSES.findall(piece):
            names = set(classes.split())
            fonts.update(font for needed, font in FONT_RULES if needed <= names)
    return sorted(fonts)


def on_post_page(output: str, page, config) -> str:
    rendered: list[str] = []
    output = render_math_html(output, page.file.src_uri, rendered)
    for piece in rendered:
        _site_chars.update(html.unescape("".join(_TEXT.findall(piece))))
    fonts = fonts_used(rendered)
    _site_fonts.update(fonts)
    if fonts and "material/offline" not in config.plugins:
        base = posixpath.relpath(FONTS_DIR, posixpath.dirname(page.file.dest_uri) or ".")
        links = "".join(
            f'<link rel="preload" href="{base}/{font}.woff2" as="font" type="font/woff2"'
            " crossorigin>"
            for font in fonts
        )
        output = output.replace("</head>", links + "</head>", 1)
    return output


def subset_font(data: bytes, chars: str) -> bytes:
    """`data` (a woff2 font) cut down to the glyphs of `chars`; same input, same bytes."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.name_IDs = [1, 2]  # family and style names are all the browser needs
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(char) for char in chars])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def on_pre_build(config) -> None:
    _site_chars.clear()
    _site_fonts.clear()


def on_post_build(config) -> None:
    fonts = Path(config.site_dir) / FONTS_DIR
    if not fonts.is_dir():
        return
    chars = "".join(sorted(_site_chars | set(ALWAYS_KEPT)))
    cache = Path(config.config_file_path).resolve().parent / ".cache" / "katex-fonts"
    cache.mkdir(parents=True, exist_ok=True)
    before = after = 0
    for path in sorted(fonts / f"{name}.woff2" for name in _site_fonts):
        data = path.read_bytes()
        key = hashlib.sha256(data + chars.encode() + SUBSET_VERSION.encode()).hexdigest()[:32]
        cached = cache / f"{path.stem}.{key}.woff2"
        if not cached.exists():
            partial = cached.with_suffix(".part")
            partial.write_bytes(subset_font(data, chars))
            partial.replace(cached)  # atomic: a killed build leaves no half-written subset
        subset = cached.read_bytes()
        path.write_bytes(subset)
        before, after = before + len(data), after + len(subset)
    log.info(
        "KaTeX: %d fonts cut to the %d characters the math shows, %d KB -> %d KB",
        len(_site_fonts), len(chars), before // 1024, after // 1024,
    )

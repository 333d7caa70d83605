"""TeX as MathML, rendered at build, and one math font cut to the glyphs it uses.

pymdownx.arithmatex (generic) leaves `\\(…\\)` and `\\[…\\]` in marked spans and divs; KaTeX
(PyKaTeX, no Node) turns each into MathML, which browsers lay out natively: math without
JavaScript or another host, read by screen readers. Bad TeX is an error naming the page. It runs
after the search plugin indexed the page. MathML only, not KaTeX's HTML: that drew a formula as
dozens of spans (2 500 of loss/mse/'s 3 700 elements), most of a phone's main-thread time.

MathML needs an OpenType math font: docs/assets/fonts/notes-math.woff2 is Latin Modern Math,
renamed as its licence asks. After the build it is cut to the characters the site's math shows
plus what its MATH table needs to stretch them (390 -> about 17 KB, cached in .cache/math-font/),
and each page with math preloads it so the math does not jump (not from file://, where Chromium
refuses a font preload). DEVELOPMENT.md has the measurements.
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

log = logging.getLogger("mkdocs.plugins.sitebuild.math")

_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">'
    r"(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])"
    r"</(?P=tag)>",
    re.DOTALL,
)
_ANNOTATION = re.compile(r"<annotation\b.*?</annotation>", re.DOTALL)
_TEXT = re.compile(r">([^<]+)<")
_SINGLE_MI = re.compile(r"<mi>([^<])</mi>")
# A superscript that is nothing but primes: f', f''.
_PRIME_SUPERSCRIPT = re.compile(
    r'(?:<mo mathvariant="normal" lspace="0em" rspace="0em">′</mo>'
    r'|<mrow>(?:<mo mathvariant="normal">′</mo>)+</mrow>)</msup>'
)
_MSUP_TAG = re.compile(r"<(/?)msup>")
# A sign right after an operator, relation, opening bracket or comma: `x = -20`, `[-10, 10]`.
_SIGN_AFTER_OPERATOR = re.compile(r"(<mo\b[^>]*>(?:[^<)\]}|∥⟩])</mo>)<mo>([−+±])</mo>")

MATH_FONT = "assets/fonts/notes-math.woff2"
# Equation numbers come from CSS counters: keep their glyphs even if no page shows one yet.
ALWAYS_KEPT = "()0123456789"
SUBSET_VERSION = "3"  # bump when the subsetting options below change

def render_math_html(page_html: str, where: str, rendered: list[str] | None = None) -> str:
    def render(match: re.Match) -> str:
        display = match["display"] is not None
        tex = html.unescape(match["display"] if display else match["inline"])
        try:
            out = pykatex.renderToString(tex, displayMode=display, output="mathml", strict="error")
        except pykatex.ParseError as error:
            log.error("%s: bad TeX %r: %s", where, tex.strip(), error)
            return match[0]
        out = unary_signs(primes_inline(out))
        if rendered is not None:
            rendered.append(out)
        # KaTeX's own HTML output wraps display math so; the CSS (and the print view) key on it
        return f'<span class="katex-display">{out}</span>' if display else out

    return _MATH.sub(render, page_html)


def primes_inline(mathml: str) -> str:
    """`σ'` as σ followed by ′, not σ with ′ as a superscript. KaTeX's MathML says <msup>, but
    the prime character of an OpenType math font is already drawn raised: as a superscript it
    goes up a second time and shrinks to a tick (TeX raises its own big prime glyph instead)."""
    while match := _PRIME_SUPERSCRIPT.search(mathml):
        depth, start = 0, match.start()
        for tag in reversed(list(_MSUP_TAG.finditer(mathml, 0, start))):
            depth += 1 if tag[1] else -1
            if depth < 0:  # the <msup> this superscript closes
                start = tag.start()
                break
        prime = match[0].removesuffix("</msup>")
        inner = mathml[start + len("<msup>") : match.start()]
        mathml = f"{mathml[:start]}<mrow>{inner}{prime}</mrow>{mathml[match.end():]}"
    return mathml


def unary_signs(mathml: str) -> str:
    """Mark a sign that follows an operator as a prefix. TeX spaces the minus of `x = -20` as a
    sign; MathML gives an <mo> in the middle of a row the spacing of a binary minus
    (`x = − 20`) unless it says form="prefix", and KaTeX does not say it."""
    return _SIGN_AFTER_OPERATOR.sub(r'\1<mo form="prefix">\2</mo>', mathml)


def math_italic(char: str) -> str:
    """The Mathematical Italic code point a browser draws a one-letter <mi> with (MathML Core's
    `text-transform: math-auto`): x -> U+1D465, θ -> U+1D703. Other characters stay as they are."""
    code = ord(char)
    if char == "h":
        return "\u210e"  # the italic h was in Unicode before the block: the block has a hole
    for first, last, italic in ((0x41, 0x5A, 0x1D434), (0x61, 0x7A, 0x1D44E),
                                (0x391, 0x3A9, 0x1D6E2), (0x3B1, 0x3C9, 0x1D6FC)):
        if first <= code <= last:
            return chr(italic + code - first)
    others = {"ı": 0x1D6A4, "ȷ": 0x1D6A5, "∇": 0x1D6FB, "∂": 0x1D715, "ϵ": 0x1D716,
              "ϑ": 0x1D717, "ϰ": 0x1D718, "ϕ": 0x1D719, "ϱ": 0x1D71A, "ϖ": 0x1D71B}
    return chr(others[char]) if char in others else char


def drawn_chars(rendered: list[str]) -> set[str]:
    """The characters the MathML in `rendered` shows (its TeX annotation is not drawn),
    one-letter identifiers as the italic letters the browser swaps in for them."""
    chars: set[str] = set()
    for piece in rendered:
        mathml = _ANNOTATION.sub("", piece)
        chars.update(char for text in _TEXT.findall(mathml) for char in html.unescape(text))
        chars.update(math_italic(html.unescape(letter)) for letter in _SINGLE_MI.findall(mathml))
    return chars


def subset_font(data: bytes, chars: str) -> bytes:
    """`data` (a woff2 font) cut down to the glyphs of `chars`, with the size variants and
    pieces its MATH table stretches them with; same input, same bytes."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    # family and style names are all the browser needs
    options = subset.Options(flavor="woff2", hinting=False, name_IDs=[1, 2])
    # fontTools' default features, plus dotless i/j under accents and flattened accents over
    # capitals. Not ssty (script-size glyph shapes): twice the bytes for a difference only
    # Firefox draws; KaTeX's HTML scaled the ordinary glyphs too.
    options.layout_features += ["dtls", "flac"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(char) for char in chars])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


class MathRenderer:
    """One build's math: each page's TeX rendered, then the font cut to what was drawn."""

    def __init__(self):
        self.chars: set[str] = set()
        self.pages: list[str] = []

    def render_page(self, output: str, page, preload_font: bool) -> str:
        rendered: list[str] = []
        output = render_math_html(output, page.file.src_uri, rendered)
        if not rendered:
            return output
        self.chars.update(drawn_chars(rendered))
        self.pages.append(page.file.src_uri)
        if preload_font:
            href = posixpath.relpath(MATH_FONT, posixpath.dirname(page.file.dest_uri) or ".")
            link = f'<link rel="preload" href="{href}" as="font" type="font/woff2" crossorigin>'
            output = output.replace("</head>", link + "</head>", 1)
        return output

    def cut_font(self, site_dir: str, cache: Path) -> None:
        path = Path(site_dir) / MATH_FONT
        if not self.pages or not path.is_file():
            return
        chars = "".join(sorted((self.chars | set(ALWAYS_KEPT)) - set(" \n\t")))
        cache.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
        key = hashlib.sha256(data + chars.encode() + SUBSET_VERSION.encode()).hexdigest()[:32]
        cached = cache / f"{path.stem}.{key}.woff2"
        if not cached.exists():
            partial = cached.with_suffix(".part")
            partial.write_bytes(subset_font(data, chars))
            partial.replace(cached)  # atomic: a killed build leaves no half-written subset
        subset = cached.read_bytes()
        path.write_bytes(subset)
        log.info("math font: cut to the %d characters the math of %d pages shows, %d KB -> %d KB",
                 len(chars), len(self.pages), len(data) // 1024, len(subset) // 1024)

"""The site's one figure style: small, deterministic, theme-aware inline SVG from matplotlib.

A figure snippet draws with `figure()` and ends with `print(to_svg(fig, title=..., caption=...))`
inside a ```` ```python exec="1" html="1" ```` block. What `to_svg` guarantees:

- Text, axes and ticks use `INK`, which becomes `currentColor`, so the figure follows the light and
  dark schemes; series use `COLORS`, readable on both backgrounds.
- Text stays text (`svg.fonttype: none`). Labels are math, numbers and code names only: no CJK
  font is needed at build (`to_svg` refuses a CJK label matplotlib would measure wrongly); the
  Chinese goes into the title (the SVG's accessible name) and the caption.
- Same bytes on every build: fixed hash salt, no date or creator metadata, coordinates rounded.
- Lean (every figure is part of its page's first view): curves simplified to what shows at its
  size; scour drops empty groups, unused ids, comments, defaults and digits past four (−⅓).
- Scales to the column width (viewBox, no fixed size), so it reads on a 375 px phone.
- No `<style>` element. Inline SVG shares the page's style sheets, so matplotlib's
  `<style>*{stroke-linejoin: round; stroke-linecap: butt}</style>` would style every element of
  the page, and each one the parser meets restyles the whole page (seven times on the activation
  page). The two properties become attributes of the root `<svg>`, which its shapes inherit
  (scour then drops linecap's, the default).
"""

from __future__ import annotations

import html
import io
import re

import matplotlib
from scour import scour

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

INK = "#010203"  # placeholder colour, replaced by currentColor in the SVG
# blue, orange, green, pink, violet: each readable on the light and the dark background
COLORS = ["#3f6fd8", "#e8710a", "#1a9e77", "#c2185b", "#7e57c2"]

STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "live-code-notes",
    "font.family": "sans-serif",
    "font.size": 10,
    **dict.fromkeys(["axes.edgecolor", "axes.labelcolor", "axes.titlecolor", "text.color"], INK),
    **dict.fromkeys(["grid.color", "xtick.color", "ytick.color"], INK),
    "axes.prop_cycle": matplotlib.cycler(color=COLORS),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.15,
    "legend.frameon": False,
    "lines.linewidth": 2,
    **dict.fromkeys(["figure.facecolor", "axes.facecolor", "savefig.facecolor"], "none"),
    "savefig.transparent": True,
    # drop curve points that move the line by less than half a pixel (default 1/9): lighter paths
    "path.simplify_threshold": 0.5,
}

_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_LONG_NUMBER = re.compile(r"(\d+\.\d{2})\d+")
_TAG = re.compile(r"<[^>]+>")
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
_UNIVERSAL_RULE = re.compile(r"\s*\*\s*\{([^}]*)\}\s*")
# matplotlib's ids are salted hashes of what they name, so they are kept as they are: scour's
# short ids (a, b, …) would clash between the inline SVGs of one page, while a matplotlib id
# that repeats names the same definition (a tick marker) everywhere it appears.
# Comments go too: matplotlib's <!-- $\tanh'(x)$ --> would look like TeX.
_SCOUR = scour.parse_args(
    "--enable-id-stripping --enable-comment-stripping --set-precision=4 --create-groups"
    " --strip-xml-prolog --remove-metadata --indent=none --no-line-breaks --quiet"
    " --protect-ids-prefix=watch-".split()  # ids a stepper or explorer marks (sitekit/watch.py)
)


# Applied on import: matplotlib reads rcParams when each artist (legend, text, line) is created.
matplotlib.rcParams.update(STYLE)


def figure(width: float = 5.0, height: float = 3.0, **subplots_kwargs):
    """A new figure and axes in the site style (inches; 5 wide stays legible on a phone)."""
    fig, axes = plt.subplots(figsize=(width, height), **subplots_kwargs)
    fig.set_layout_engine("constrained")
    return fig, axes


def _check_labels(fig) -> None:
    for text in fig.findobj(matplotlib.text.Text):
        if _CJK.search(text.get_text()):
            raise ValueError(
                f"figure label {text.get_text()!r} contains CJK characters: put Chinese into "
                "the title or caption, keep labels to math, numbers and code names"
            )


def _style_to_attributes(svg: str) -> str:
    """matplotlib's one universal rule as root attributes; any other style sheet is refused, as
    it would leak into the page."""
    declarations = []
    for sheet in _STYLE.findall(svg):
        rule = _UNIVERSAL_RULE.fullmatch(sheet)
        if not rule:
            raise ValueError(f"figure SVG has a style sheet the page would share: {sheet!r}")
        declarations += [d.split(":") for d in rule[1].split(";") if d.strip()]
    svg = _STYLE.sub("", svg)
    attributes = "".join(f' {name.strip()}="{value.strip()}"' for name, value in declarations)
    return svg.replace("<svg ", f"<svg{attributes} ", 1)


def to_svg(fig, *, title: str, caption: str | None = None) -> str:
    """Render `fig` as an inline SVG inside <figure>; `title` is its accessible name."""
    figcaption = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return f'<figure class="live-figure">\n{svg_element(fig, title=title)}\n{figcaption}</figure>'


def svg_element(fig, *, title: str) -> str:
    """`fig` as the bare inline <svg> element that to_svg puts into its <figure>."""
    _check_labels(fig)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = scour.scourString(_style_to_attributes(buffer.getvalue()), _SCOUR)
    svg = svg[svg.index("<svg") :]  # after scour's XML prolog and doctype
    svg = re.sub(r'\s(width|height)="[^"]*pt"', "", svg, count=2)
    svg = svg.replace(INK, "currentColor")
    svg = _TAG.sub(lambda tag: _LONG_NUMBER.sub(r"\1", tag[0]), svg)  # coordinates, not text
    label = html.escape(title)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" class="live-figure__svg" ', 1)
    svg = re.sub(r"(<svg[^>]*>)", rf"\1<title>{label}</title>", svg, count=1)
    # markdown-exec passes html="1" output through Markdown's raw-HTML stash: keep it one block
    return re.sub(r"\n\s*\n", "\n", svg).strip()

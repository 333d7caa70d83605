"""Steppers and explorers: a figure plus frames of values that torch computed while the site built.

A snippet computes every frame with torch and prints `widget(...)` in a
```` ```python exec="1" html="1" ```` block; docs/javascripts/watch.js (loaded only on pages that
have one) shows one frame at a time. Without JavaScript, in print and in the notebooks, every
frame shows, numbered: the same steps, nothing lost. JavaScript does no arithmetic.

- `Frame.label` is what the status line and the screen reader say first ("第 3/7 步", "x = 0.5");
  `Frame.body` is HTML.
- `Frame.on` / `Frame.done`: ids of SVG elements (made with `ids(title)`, set as matplotlib
  `gid`) that this frame draws as current or as done; an id containing "-reveal-" is hidden
  unless a frame marks it (a gradient written next to its node, a marker on a curve).
- Controls: `step_buttons()` (previous/next, arrow keys) or `slider()` / `choice()`, which pick
  the frame whose `Frame.keys` match their values.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field

from sitekit.figures import svg_element


@dataclass
class Frame:
    label: str
    body: str
    on: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    start: bool = False  # the frame shown first (default: the first one)


def ids(title: str) -> str:
    """A prefix for the ids of one figure, unique on its page: "watch-" + a hash of the title."""
    return "watch-" + hashlib.sha256(title.encode()).hexdigest()[:8]


def step_buttons(hint: str = "") -> str:
    """Previous / next, the status between them, and a `hint` on how to use them (controls show
    only with JavaScript, so the hint does too)."""
    return (
        '<button type="button" class="md-button" data-move="-1">上一步</button>'
        '<span class="watch__status"></span>'
        '<button type="button" class="md-button md-button--primary" data-move="1">下一步</button>'
        + (f'<span class="watch__hint">{html.escape(hint)}</span>' if hint else "")
    )


def slider(key: str, label: str, values: list[str], start: int = 0) -> str:
    """A range input over positions 0..len(values)-1 (frames carry keys[key] = str(position))."""
    return (
        f'<label>{html.escape(label)} <input type="range" data-key="{key}" min="0" '
        f'max="{len(values) - 1}" step="1" value="{start}"></label>'
        '<span class="watch__status"></span>'
    )


def choice(key: str, label: str, options: dict[str, str]) -> str:
    """A select; `options` maps the value frames carry in keys[key] to the text shown."""
    items = "".join(f'<option value="{v}">{html.escape(t)}</option>' for v, t in options.items())
    return f'<label>{html.escape(label)} <select data-key="{key}">{items}</select></label>'


def _frame(frame: Frame, tag: str) -> str:
    attributes = {"data-label": frame.label, "data-on": " ".join(frame.on),
                  "data-done": " ".join(frame.done)}  # fmt: skip
    attributes.update({f"data-{k}": v for k, v in frame.keys.items()})
    text = "".join(f' {k}="{html.escape(v)}"' for k, v in attributes.items() if v)
    start = " data-start" if frame.start else ""
    return f"<{tag} data-frame{start}{text}>{frame.body}</{tag}>"


def widget(fig, frames: list[Frame], controls: str, *, title: str, caption: str,
           numbered: bool = True) -> str:  # fmt: skip
    """The figure (`fig`, drawn with sitekit.figures), its controls and frames, as one HTML block.
    `numbered`: the frames are steps (an <ol>), else a list of alternatives (<div>s)."""
    outer, inner = ('ol start="0"', "li") if numbered else ("div", "div")  # 0: before step 1
    body = "".join(_frame(frame, inner) for frame in frames)
    svg = svg_element(fig, title=title)
    start = next((frame for frame in frames if frame.start), frames[0])
    for state, marked in (("on", start.on), ("done", start.done)):  # what shows without JS
        for gid in marked:
            svg = svg.replace(f'<g id="{gid}"', f'<g id="{gid}" class="is-{state}"', 1)
    return (
        f'<figure class="live-figure watch" data-watch>\n{svg}\n'
        f'<div class="watch__controls" hidden>{controls}</div>'
        f'<{outer} class="watch__frames">{body}</{outer.split()[0]}>'
        '<div class="watch__live" aria-live="polite"></div>'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    ).replace("\n\n", "\n")

"""The two explorers of the activation chapter in a real browser (sitekit.watch,
docs/javascripts/watch.js): moving their controls shows the frame the build computed for that
x or that network, with its numbers, and turns on that frame's markers in the figure and no
others; with JavaScript off every frame is there and the controls are not."""

from __future__ import annotations

import pytest
from conftest import widget_frames
from test_browser import browser, contexts, open_page, site_url  # noqa: F401 (fixtures)

ACTIVATION = "activation/relu_family/"  # slider "x": f(x) and f′(x) of seven functions
VANISHING = "activation/experiments/"  # select "act" and slider "depth": per-layer norms

STATE = """figure => {
  const frames = [...figure.querySelectorAll('[data-frame]')];
  const shown = frames.filter(f => f.getClientRects().length);
  const visible = e => getComputedStyle(e).visibility !== 'hidden' && e.getClientRects().length;
  const reveals = [...figure.querySelectorAll('svg [id*="-reveal-"]')];
  return {
    shown: shown.map(f => frames.indexOf(f)),
    text: shown.map(f => f.textContent).join(''),
    status: figure.querySelector('.watch__status').textContent,
    live: figure.querySelector('.watch__live').textContent,
    revealed: reveals.filter(visible).map(e => e.id).sort(),
    hidden: reveals.filter(e => !visible(e)).length,
    controls: figure.querySelector('.watch__controls').getClientRects().length,
  };
}"""

# What a reader's drag does to a range input: a new value, then an input event.
SLIDE = """(input, value) => {
  input.value = String(value);
  input.dispatchEvent(new Event('input', {bubbles: true}));
}"""


def _words(text: str) -> str:
    return " ".join(text.split())


def _frames(built_site, path):
    return widget_frames((built_site / path / "index.html").read_text(encoding="utf-8"))


def _assert_shows(state, frames, index, reveals):
    frame = frames[index]
    assert state["shown"] == [index], frame["label"]
    assert _words(state["text"]) == _words(frame["text"]), frame["label"]
    assert state["status"] == frame["label"]
    assert state["revealed"] == sorted(frame["marked"]), frame["label"]  # its markers, only
    assert state["hidden"] == reveals - len(frame["marked"])


@pytest.mark.parametrize("scheme, viewport", [("light", "desktop"), ("dark", "phone")])
def test_activation_explorer_follows_its_slider(
    contexts,  # noqa: F811
    site_url,  # noqa: F811
    built_site,
    scheme,
    viewport,
):
    frames = _frames(built_site, ACTIVATION)
    reveals = sum(len(f["marked"]) for f in frames)
    page = open_page(contexts(scheme, viewport), site_url + ACTIVATION)
    figure = page.locator("figure[data-watch]")
    figure.scroll_into_view_if_needed()
    slider = figure.locator('input[type="range"][data-key="x"]')
    state = figure.evaluate(STATE)
    start = int(slider.input_value())
    assert state["controls"] == 1 and frames[start]["label"] == "x = 1"
    _assert_shows(state, frames, start, reveals)
    assert state["live"] == ""  # nothing read out before the reader moves anything
    for position in range(len(frames)):
        slider.evaluate(SLIDE, position)
        state = figure.evaluate(STATE)
        _assert_shows(state, frames, position, reveals)
        assert frames[position]["x"] == str(position)
        if position != start:
            assert state["live"].startswith(frames[position]["label"] + "：")
    # the keyboard moves the slider too (the browser's own input events)
    slider.focus()
    page.keyboard.press("Home")
    _assert_shows(figure.evaluate(STATE), frames, 0, reveals)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    _assert_shows(figure.evaluate(STATE), frames, 2, reveals)
    page.close()


@pytest.mark.parametrize("scheme, viewport", [("light", "desktop"), ("dark", "phone")])
def test_vanishing_gradient_explorer_follows_its_select_and_slider(
    contexts,  # noqa: F811
    site_url,  # noqa: F811
    built_site,
    scheme,
    viewport,
):
    frames = _frames(built_site, VANISHING)
    reveals = sum(len(f["marked"]) for f in frames)
    index = {(f["act"], f["depth"]): i for i, f in enumerate(frames)}
    page = open_page(contexts(scheme, viewport), site_url + VANISHING)
    figure = page.locator("figure[data-watch]")
    figure.scroll_into_view_if_needed()
    select = figure.locator('select[data-key="act"]')
    slider = figure.locator('input[type="range"][data-key="depth"]')
    state = figure.evaluate(STATE)
    assert state["controls"] == 1
    start = index[select.input_value(), slider.input_value()]
    assert frames[start]["label"] == "sigmoid（gain 1），15 个隐藏层"
    _assert_shows(state, frames, start, reveals)
    options = select.evaluate("s => [...s.options].map(o => o.value)")
    depths = int(slider.get_attribute("max")) + 1
    assert len(index) == len(frames) == len(options) * depths  # one frame per choice
    for act in options:
        select.select_option(act)
        _assert_shows(figure.evaluate(STATE), frames, index[act, slider.input_value()], reveals)
        for position in range(depths):
            slider.evaluate(SLIDE, position)
            state = figure.evaluate(STATE)
            _assert_shows(state, frames, index[act, str(position)], reveals)
            assert state["live"].startswith(frames[index[act, str(position)]]["label"] + "：")
    page.close()


@pytest.mark.parametrize("path", [ACTIVATION, VANISHING])
def test_without_javascript_every_frame_of_an_explorer_is_listed(
    contexts,  # noqa: F811
    site_url,  # noqa: F811
    built_site,
    path,
):
    frames = _frames(built_site, path)
    page = open_page(contexts("light", javascript=False), site_url + path, javascript=False)
    state = page.locator("figure[data-watch]").evaluate(
        """figure => ({
      frames: [...figure.querySelectorAll('[data-frame]')].map(f => f.textContent),
      shown: [...figure.querySelectorAll('[data-frame]')].filter(f => f.getClientRects().length)
        .length,
      controls: figure.querySelector('.watch__controls').getClientRects().length,
      svg: figure.querySelector('svg').getBoundingClientRect().height,
    })"""
    )
    page.close()
    assert len(state["frames"]) == len(frames) > 10
    assert state["shown"] == len(frames) and state["controls"] == 0 and state["svg"] > 100
    for shown, frame in zip(state["frames"], frames, strict=True):
        assert _words(shown) == _words(frame["text"])  # each frame says which x / network

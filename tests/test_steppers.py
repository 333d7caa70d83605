"""The graph steppers in a real browser (sitekit/stepper.py, docs/javascripts/watch.js): each one
steps to its end with the buttons and the arrow keys, shows the numbers its frames hold, marks
the node it is at, reads each step out; with JavaScript off every step is there, numbered."""

from __future__ import annotations

import pytest
from conftest import widget_frames
from test_browser import browser, contexts, open_page, site_url  # noqa: F401 (fixtures)

STEPPERS = {  # page -> what its last step shows
    "autograd/requires_grad/": "现在是 tensor([9., 9.])",
    "autograd/retain_graph/": "Trying to backward through the graph a second time",
    "softmax/softmax/": "现在是 tensor([ 0.8446,  0.1349, -0.9795])",
}

SHOWN = """figure => {
  const frames = [...figure.querySelectorAll('[data-frame]')];
  const shown = frames.filter(f => f.getClientRects().length);
  return {
    shown: shown.map(f => frames.indexOf(f)),
    text: shown.map(f => f.textContent).join(''),
    status: figure.querySelector('.watch__status').textContent,
    live: figure.querySelector('.watch__live').textContent,
    on: [...figure.querySelectorAll('svg .is-on')].map(e => e.id).sort(),
    done: [...figure.querySelectorAll('svg .is-done')].map(e => e.id).sort(),
    next: figure.querySelector('[data-move="1"]').getAttribute('aria-disabled'),
  };
}"""


GRADS = """figure => ({shown: [...figure.querySelectorAll('svg [id*="-reveal-"]')]
  .filter(e => getComputedStyle(e).visibility === 'visible').map(e => e.id).sort()})"""


@pytest.mark.parametrize("path", list(STEPPERS))
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_stepper_steps_to_the_end(contexts, site_url, built_site, path, viewport):  # noqa: F811
    frames = widget_frames((built_site / path / "index.html").read_text(encoding="utf-8"))
    scheme = "dark" if viewport == "phone" else "light"
    page = open_page(contexts(scheme, viewport), site_url + path)
    figure = page.locator("figure[data-watch]").first
    figure.scroll_into_view_if_needed()
    state = figure.evaluate(SHOWN)
    assert state["shown"] == [0] and state["status"] == "前向" and state["live"] == ""
    for number in range(1, len(frames)):
        figure.locator('[data-move="1"]').click()
        state = figure.evaluate(SHOWN)
        frame = frames[number]
        assert state["shown"] == [number], f"step {number}"
        assert state["status"] == frame["label"] == f"第 {number}/{len(frames) - 1} 步"
        assert " ".join(state["text"].split()) == " ".join(frame["text"].split())
        assert state["live"].startswith(frame["label"] + "：")  # read out to a screen reader
        assert state["on"] == sorted(frame["on"].split())
        assert state["done"] == sorted(frame.get("done", "").split())
        assert figure.locator("svg .is-on").first.is_visible()
        # the gradients reached so far are written on the graph, the others not yet
        grads = figure.evaluate(GRADS)
        assert grads["shown"] == sorted(i for i in frame["marked"] if "-reveal-" in i)
    assert STEPPERS[path] in state["text"]
    assert state["next"] == "true"  # at the end "next" says it is disabled, and stays there
    figure.locator('[data-move="1"]').click(force=True)  # Playwright waits for aria-disabled
    assert figure.evaluate(SHOWN)["shown"] == [len(frames) - 1]
    # the keyboard: Home, arrows and End on the focused buttons
    figure.locator('[data-move="-1"]').focus()
    page.keyboard.press("Home")
    assert figure.evaluate(SHOWN)["shown"] == [0]
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    assert figure.evaluate(SHOWN)["shown"] == [1]
    page.keyboard.press("End")
    assert figure.evaluate(SHOWN)["shown"] == [len(frames) - 1]
    page.close()


@pytest.mark.parametrize("path", list(STEPPERS))
def test_without_javascript_every_step_is_listed(contexts, site_url, path):  # noqa: F811
    page = open_page(contexts("light", javascript=False), site_url + path, javascript=False)
    figure = page.locator("figure[data-watch]").first
    state = figure.evaluate(
        """figure => ({
      frames: figure.querySelectorAll('[data-frame]').length,
      shown: [...figure.querySelectorAll('[data-frame]')]
        .filter(f => f.getClientRects().length).length,
      numbered: getComputedStyle(figure.querySelector('.watch__frames')).listStyleType,
      controls: figure.querySelector('.watch__controls').getClientRects().length,
    })"""
    )
    assert state["frames"] > 5 and state["shown"] == state["frames"]
    assert state["numbered"] == "decimal" and state["controls"] == 0
    page.close()

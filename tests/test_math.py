"""The math step (sitebuild/math.py): TeX becomes MathML that browsers lay out the way TeX would.
What the built pages weigh is in tests/test_page_weight.py; how they look in a browser, in
tests/test_browser.py."""

from __future__ import annotations

import re

import pytest

from sitebuild import math as katex_math


def mathml(tex: str, display: bool = False) -> str:
    tag = "div" if display else "span"
    wrapped = f"\\[{tex}\\]" if display else f"\\({tex}\\)"
    out = katex_math.render_math_html(f'<{tag} class="arithmatex">{wrapped}</{tag}>', "test")
    return out.split("<semantics>", 1)[1].split("<annotation", 1)[0]


def test_inline_and_display_math_are_mathml_with_their_tex():
    inline = katex_math.render_math_html(r'<span class="arithmatex">\(x^2\)</span>', "t")
    assert inline.startswith('<span class="katex"><math ') and "katex-html" not in inline
    assert '<annotation encoding="application/x-tex">x^2</annotation>' in inline
    display = katex_math.render_math_html(r'<div class="arithmatex">\[x\]</div>', "t")
    assert display.startswith('<span class="katex-display"><span class="katex"><math ')
    assert 'display="block"' in display


@pytest.mark.parametrize(
    ("tex", "prefix_signs"),
    [("x = -20", 1), ("[-10, 10]", 1), (r"\sigma(-100)", 1), ("a - b", 0), ("(a) - b", 0)],
)
def test_a_sign_after_an_operator_is_a_prefix(tex, prefix_signs):
    assert mathml(tex).count('<mo form="prefix">') == prefix_signs


@pytest.mark.parametrize("tex", [r"\sigma'(x)", r"\tanh'(x)", r"f''(x^{2})"])
def test_a_prime_is_not_a_superscript(tex):
    out = mathml(tex)
    assert "′" in out
    assert not re.search(r"′</mo>(</mrow>)?</msup>", out)
    assert "<msup><mi>x</mi><mn>2</mn></msup>" in out or "x^" not in tex  # real powers stay


def test_one_letter_identifiers_are_drawn_as_math_italic():
    assert katex_math.math_italic("x") == "𝑥"
    assert katex_math.math_italic("h") == "ℎ"
    assert katex_math.math_italic("θ") == "𝜃"
    assert katex_math.math_italic("1") == "1"
    formula = r'<span class="arithmatex">\(\theta + \mathrm{d}\)</span>'
    chars = katex_math.drawn_chars([katex_math.render_math_html(formula, "t")])
    assert {"θ", "𝜃", "+", "d"} <= chars and "\\" not in chars  # the TeX annotation is not drawn


def test_bad_tex_fails_the_build_with_the_page_named(caplog):
    bad = r'<span class="arithmatex">\(\frac{1}\)</span>'
    out = katex_math.render_math_html(bad, "loss/mse.md")
    assert "arithmatex" in out  # left as it was
    assert any("loss/mse.md: bad TeX" in r.getMessage() for r in caplog.records)
    assert any(r.levelname == "ERROR" for r in caplog.records)

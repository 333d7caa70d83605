"""The reader's experience, proven in a real browser (Debian's Chromium driven by Playwright).

The built site (`built_site`) is served on 127.0.0.1 by a threaded http.server; Chromium runs
headless with no network of its own (scripts/browser_support.py). Every page of the site is checked,
in light and dark scheme: clean load, rendered math, visible figures, no sideways scrolling on a
phone, no axe-core violation. Site-wide: search, the palette toggle, JavaScript off, deep links
to Chinese headings. The pages are whatever the build produced (every index.html but search/ and
assets/), so a new page, generated ones included, is covered without touching this file; each
test visits them all and reports every failing page at once.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# browser_support lives in scripts/ (the scripts use it and must run without tests/)
from browser_support import (  # noqa: E402
    DESKTOP,
    PHONE,
    SCHEMES,
    axe_script,
    launch,
    serve,
    site_pages,
)
from playwright.sync_api import sync_playwright

MATERIAL_SCHEME = {"light": "default", "dark": "slate"}
CJK = re.compile(r"[\u3400-\u9fff]")

# What a reader types, and the page that must come first.
SEARCHES = {
    "激活函数": "activation/functions/",
    "梯度消失": "activation/experiments/",
    "链式法则": "loss/mse/",
    "交叉熵": "softmax/cross_entropy/",
    "计算图": "autograd/retain_graph/",
    "retain_graph": "autograd/retain_graph/",
}


# --------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def pages(built_site):
    return site_pages(built_site)


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per (scheme, viewport), made on first use and reused."""
    made = {}

    def get(scheme="light", viewport="desktop", javascript=True):
        key = (scheme, viewport, javascript)
        if key not in made:
            made[key] = browser.new_context(
                viewport=DESKTOP if viewport == "desktop" else PHONE,
                color_scheme=scheme,
                java_script_enabled=javascript,
                reduced_motion="reduce",
            )
            made[key].add_init_script(STARTUP_WATCH)
        return made[key]

    yield get
    for context in made.values():
        context.close()


def open_page(context, url, *, wait_until="load", javascript=True):
    """A new page at `url`, with Material started (its bundle loads after the first paint,
    overrides/main.html) unless JavaScript is off."""
    page = context.new_page()
    page.goto(url, wait_until=wait_until)
    if javascript:
        page.wait_for_function("window.materialStarted === true")
    return page


# ------------------------------------------------------------------------------ JS helpers
OPEN_FOLDS = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"

# Visible text outside code that still looks like TeX: a control word, \( \) \[ \], or a $.
RAW_TEX = r"""() => {
  const skip = "pre, code, script, style, noscript, annotation, .md-search";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!el || el.closest(skip) || !el.getClientRects().length) continue;
    if (/\\[A-Za-z]+|\\[()[\]]|\$/.test(node.textContent)) found.push(node.textContent.trim());
  }
  const unrendered = [...document.querySelectorAll(".arithmatex")]
    .filter(el => !el.querySelector(".katex")).map(el => el.textContent.trim());
  return found.concat(unrendered).map(t => t.slice(0, 80));
}"""

FIGURES = """() => [...document.querySelectorAll(
    "article figure, article img, article svg.live-figure__svg")].map(el => {
  const box = el.getBoundingClientRect(), style = getComputedStyle(el);
  return {what: el.tagName.toLowerCase() + (el.className && el.className.baseVal !== undefined
            ? "." + el.className.baseVal : el.className ? "." + el.className : ""),
          label: (el.getAttribute("alt") || el.textContent || "").trim().slice(0, 40),
          width: box.width, height: box.height,
          shown: style.visibility !== "hidden" && style.display !== "none"
                 && Number(style.opacity) > 0};
})"""

SIDEWAYS = """() => {
  const out = [];
  window.scrollTo(10000, window.scrollY);
  const sideways = window.scrollX;
  window.scrollTo(0, window.scrollY);
  if (sideways > 0) {
    out.push(`the page itself scrolls ${sideways}px sideways`);
    const width = document.documentElement.clientWidth, clips = /auto|scroll|hidden|clip/;
    const culprits = [...document.querySelectorAll("body *")].filter(el => {
      const right = el.getBoundingClientRect().right;
      if (right <= width + 1 || !el.getClientRects().length) return false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
        if (clips.test(getComputedStyle(up).overflowX)) return false;
      return true;
    });
    for (const el of culprits.slice(0, 3))
      out.push(`  too wide: ${el.tagName.toLowerCase()}.${el.className.baseVal ?? el.className}`
               + ` (right edge ${Math.round(el.getBoundingClientRect().right)}px): `
               + el.textContent.trim().slice(0, 50));
  }
  for (const el of document.querySelectorAll("body *")) {
    if (!el.clientWidth || !el.checkVisibility({visibilityProperty: true})) continue;
    const ox = getComputedStyle(el).overflowX;
    const pre = el.querySelector("pre");  // a box that holds nothing but one code block
    const codeBox = pre && el.innerText.trim() === pre.innerText.trim();
    if ((ox === "auto" || ox === "scroll") && el.scrollWidth > el.clientWidth + 1
        && !el.closest("pre, .highlight, .highlighttable") && !codeBox) {
      out.push(`${el.tagName.toLowerCase()}.${el.className} (${el.scrollWidth}px in `
               + `${el.clientWidth}px): ${el.textContent.trim().slice(0, 50)}`);
    }
  }
  return out;
}"""

# Web fonts the page drew with, and the font files it preloads (sitebuild/math.py)
FONTS = """() => ({
  loaded: [...document.fonts].filter(f => f.status === "loaded").map(f => f.family),
  preloaded: [...document.querySelectorAll("link[rel=preload][as=font]")]
    .map(l => new URL(l.href).pathname.split("/").pop()),
})"""

# Installed in every page before its own scripts (contexts fixture): when Material's bundle
# ran, and every change, once the parser has reached <main>, to what restyles the whole page
# when it changes: an attribute of <html> or <body>, a style sheet link, a <meta> or <style>
# added. (The palette script in the header may set <body>'s scheme: there is no article yet.)
STARTUP_WATCH = """(() => {
  const record = window.startupRecord = {bundleAt: null, restyling: []};
  let documentSubject;
  Object.defineProperty(window, "document$", {configurable: true,
    get: () => documentSubject,
    set: (value) => { documentSubject = value; record.bundleAt = performance.now(); }});
  new MutationObserver((mutations) => {
    if (!document.querySelector("main")) return;
    for (const m of mutations) {
      const el = m.target, now = m.attributeName && el.getAttribute(m.attributeName);
      if (m.type === "attributes" && now !== m.oldValue
          && (el === document.documentElement || el === document.body || el.matches("link, meta")))
        record.restyling.push(`<${el.localName}> ${m.attributeName}: ${m.oldValue} -> ${now}`);
      for (const node of m.addedNodes || [])
        if (node.nodeType === 1 && node.matches("link, meta, style"))
          record.restyling.push(`added ${node.outerHTML.slice(0, 80)}`);
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, attributeOldValue: true});
})()"""

STARTUP = """() => ({
  ...window.startupRecord,
  firstPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
  parsed: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
})"""

AXE_RUN = """() => axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v =>
  `${v.id} (${v.impact}): ${v.help} — ` + v.nodes.slice(0, 3).map(n => n.target.join(" "))
  .join(" | ")))"""


# ---------------------------------------------------------------------------------- tests
def test_the_site_has_pages(pages):
    assert "" in pages and len(pages) >= 2


@pytest.fixture(scope="module")
def axe_source():
    return axe_script()


@pytest.fixture(scope="module")
def visit(contexts, site_url, axe_source):
    """Open a page once per (scheme, viewport) and record everything the per-page tests look
    at; the tests below each assert one part of it."""
    cache = {}

    def get(scheme, path, viewport="desktop"):
        key = (scheme, path, viewport)
        if key in cache:
            return cache[key]
        page = contexts(scheme, viewport).new_page()
        problems = []
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
        page.on(
            "response",
            lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"),
        )

        def check_host(request):
            parts = urlsplit(request.url)
            if parts.scheme not in ("data", "blob") and parts.hostname != "127.0.0.1":
                problems.append(f"other host: {request.url}")

        page.on("request", check_host)
        requested = []
        page.on("request", lambda r: requested.append(urlsplit(r.url).path))
        page.goto(site_url + path, wait_until="networkidle")
        page.wait_for_function("window.materialStarted === true")
        page.wait_for_timeout(200)  # Material's own timers (asyncScheduler) after its start
        result = {
            "startup": page.evaluate(STARTUP),
            "problems": problems,
            "requested": requested,
            "scheme": page.evaluate("document.body.getAttribute('data-md-color-scheme')"),
        }
        page.evaluate(OPEN_FOLDS)  # what is in a folded callout counts once unfolded
        if viewport == "phone":
            result["sideways"] = page.evaluate(SIDEWAYS)
        else:
            result["raw_tex"] = page.evaluate(RAW_TEX)
            result["figures"] = page.evaluate(FIGURES)
            result["fonts"] = page.evaluate(FONTS)
            page.evaluate(axe_source)
            result["axe"] = page.evaluate(AXE_RUN)
        page.close()
        cache[key] = result
        return result

    return get


def _not_visible(figures):
    return [f for f in figures if not (f["shown"] and f["width"] > 0 and f["height"] > 0)]


def _failing(pages, check):
    """{page: what is wrong} for every page where `check(page)` returns something."""
    return {path or "/": wrong for path in pages if (wrong := check(path))}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_pages_load_cleanly(visit, pages, scheme):
    """No console error, no page error, no failed request, nothing from another host; the
    requested colour scheme is the one shown."""

    def check(path):
        result = visit(scheme, path)
        wrong = list(result["problems"])
        if result["scheme"] != MATERIAL_SCHEME[scheme]:
            wrong.append(f"colour scheme shown: {result['scheme']}")
        return wrong

    assert _failing(pages, check) == {}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_math_rendered_and_figures_visible(visit, pages, scheme):
    """No raw TeX (a control word, \\( \\[ or $) in the visible text outside code, every formula
    rendered (MathML from KaTeX); every figure and image shown with a non-zero size."""

    def check(path):
        result = visit(scheme, path)
        return [f"raw TeX: {t}" for t in result["raw_tex"]] + [
            f"figure not visible: {f}" for f in _not_visible(result["figures"])
        ]

    assert _failing(pages, check) == {}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_phone_nothing_but_code_scrolls_sideways(visit, pages, scheme):
    """At 375 px wide, neither the page nor any box but a code block scrolls sideways."""

    def check(path):
        result = visit(scheme, path, "phone")
        return result["problems"] + result["sideways"]

    assert _failing(pages, check) == {}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_reports_no_violation(visit, pages, scheme):
    """axe-core with all its default rules (none disabled), folded callouts opened."""
    assert _failing(pages, lambda path: visit(scheme, path)["axe"]) == {}


FONT_FILES = {"notes-math.woff2": "Notes Math"}  # file -> family, as document.fonts names it


def test_first_view_loads_what_it_shows_and_no_more(visit, pages):
    """The search index waits until the reader reaches for search (overrides/main.html); the
    fonts a page preloads are exactly the faces it draws with, so the math does not shift
    when a late font swaps in, and no preloaded byte is wasted."""

    def check(path):
        result = visit("light", path)
        wrong = [f"requested before any search: {url}"
                 for url in result["requested"] if url.endswith("search_index.json")]
        loaded = sorted(result["fonts"]["loaded"])
        preloaded = sorted(FONT_FILES.get(name, name) for name in result["fonts"]["preloaded"])
        if loaded != preloaded:
            wrong.append(f"fonts drawn {loaded} != fonts preloaded {preloaded}")
        return wrong

    assert _failing(pages, check) == {}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_material_starts_after_the_first_paint_and_restyles_nothing(visit, pages, scheme):
    """Material's bundle runs once the page is parsed and painted (overrides/main.html), and its
    start-up changes nothing that restyles the whole page: no attribute of <html> or <body>
    (its palette component, its focus-visible polyfill), no style sheet link (instant
    navigation), no <meta> or <style>. On a long page each of these cost a phone a full
    restyle."""

    def check(path):
        startup = visit(scheme, path)["startup"]
        wrong = list(startup["restyling"])
        ran, painted, parsed = startup["bundleAt"], startup["firstPaint"], startup["parsed"]
        if ran is None or painted is None or ran <= max(painted, parsed):
            wrong.append(f"bundle ran at {ran} ms; first paint {painted} ms, parsed {parsed} ms")
        return wrong

    assert _failing(pages, check) == {}


def test_code_blocks_get_their_copy_button_as_they_come_into_view(contexts, site_url):
    """content.lazy: Material sets each code block up when it comes into view, not all of them
    at start-up; the last shown block (not in a closed fold) of the longest page has its copy
    button once scrolled to."""
    page = open_page(contexts("light", "phone"), site_url + "activation/functions/")
    buttons = page.locator("article pre > nav.md-code__nav button.md-code__button")
    blocks = page.locator("article pre > code").count()
    at_start = buttons.count()
    page.mouse.wheel(0, 200_000)  # a wheel scroll, as a reader's: Material watches it
    last = page.locator("article pre:visible").last.locator("nav.md-code__nav button")
    last.wait_for(state="attached", timeout=5_000)
    page.close()
    assert at_start < blocks / 2, (at_start, blocks)


@pytest.mark.parametrize("term", list(SEARCHES))
def test_search_lists_the_right_page_first(contexts, site_url, term):
    page = open_page(contexts("light"), site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(term)
    box.press("End")  # Material's search listens to key events, not to fill()
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    first.wait_for(state="attached", timeout=15_000)  # the index loaded on focus
    href = first.get_attribute("href")
    page.close()
    assert urlsplit(href).path.removeprefix("/").endswith(SEARCHES[term]) or (
        SEARCHES[term] == "" and urlsplit(href).path in ("", "/")
    ), href


def _scheme(page):
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def _click_toggle(page):
    page.locator("form[data-palette] label.md-header__button:visible").click()


def test_palette_toggle_works_and_survives_navigation(browser, site_url, pages):
    """Auto (system light) -> light -> dark by the header toggle; dark then stays through a
    click on a navigation link, a direct load and a new tab."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page = open_page(context, site_url)
    assert _scheme(page) == "default"
    _click_toggle(page)  # auto -> light
    assert _scheme(page) == "default"
    _click_toggle(page)  # light -> dark
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    other = next(p for p in pages if p)
    page.locator(f"nav.md-nav--primary a[href$='{other}']").first.click()
    page.wait_for_url("**/" + other)
    assert _scheme(page) == "slate"  # a link followed
    page.goto(site_url + pages[-1])
    assert _scheme(page) == "slate"  # full load
    second = open_page(context, site_url + other)
    assert _scheme(second) == "slate"  # another tab of the same browser
    _click_toggle(second)  # dark -> auto: back to the system's light
    page.wait_for_timeout(50)
    assert _scheme(second) == "default"
    context.close()


# Every block of text, formula and figure in the article that is not in a closed fold or an
# unselected tab.
UNSHOWN_CONTENT = """() => [...document.querySelectorAll(
    "article :is(h1, h2, h3, h4, p, li, td, pre, figure, img, .katex)")]
  .filter(el => !el.closest("details:not([open]) > :not(summary), .tabbed-block:not(:first-child)"))
  .filter(el => !el.getClientRects().length || !el.checkVisibility({visibilityProperty: true}))
  .map(el => el.tagName.toLowerCase() + ": " + el.textContent.trim().slice(0, 60))"""


def test_without_javascript_text_math_and_figures_are_there(contexts, site_url, built_site, pages):
    """With JavaScript off each page shows every text block, formula and figure that its built
    HTML has, and no raw TeX."""
    context = contexts("light", javascript=False)

    def check(path):
        page = open_page(context, site_url + path, javascript=False)
        counts = page.evaluate(
            "[document.querySelectorAll('article p, article li').length,"
            " document.querySelectorAll('article .katex').length,"
            " document.querySelectorAll('article figure').length]"
        )
        unshown = page.evaluate(UNSHOWN_CONTENT)
        raw_tex = page.evaluate(RAW_TEX)
        figures = page.evaluate(FIGURES)
        page.close()
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("</article>", 1)[0]
        wrong = [f"not shown: {u}" for u in unshown] + [f"raw TeX: {t}" for t in raw_tex]
        wrong += [f"figure not visible: {f}" for f in _not_visible(figures)]
        if counts[0] == 0:
            wrong.append("no text")
        built = (article.count('class="katex"'), article.count("<figure"))
        if counts[1] != built[0]:
            wrong.append(f"{counts[1]} formulas shown, {built[0]} built")
        if counts[2] != built[1]:
            wrong.append(f"{counts[2]} figures shown, {built[1]} built")
        return wrong

    assert _failing(pages, check) == {}


def _deep_link_target(site: Path, path: str) -> str | None:
    """The last heading id on a page, preferring Chinese ones (…/#交叉熵 style)."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[-1].split("</article>", 1)[0]
    ids = re.findall(r'<h[2-6][^>]*\bid="([^"]+)"', article)
    chinese = [i for i in ids if CJK.search(i)]
    return (chinese or ids or [None])[-1]


def test_some_headings_have_chinese_anchors(built_site, pages):
    assert any(CJK.search(_deep_link_target(built_site, p) or "") for p in pages)


def test_deep_link_to_a_heading_scrolls_to_it(contexts, site_url, built_site, pages):
    """`…/page/#交叉熵`-style links: for each page, its last (preferably Chinese) sub-heading ends
    up in view, below the sticky header, and the page has scrolled to get there."""
    context = contexts("light")

    def check(path):
        anchor = _deep_link_target(built_site, path)
        if anchor is None:
            return []
        page = open_page(context, f"{site_url}{path}#{anchor}")
        page.wait_for_timeout(300)
        where = page.evaluate(
            """(id) => {
              const h = document.getElementById(id), header = document.querySelector(".md-header");
              const top = h.getBoundingClientRect().top;
              return {top, header: header.getBoundingClientRect().bottom,
                      viewport: window.innerHeight, offset: top + scrollY, scrolled: scrollY};
            }""",
            anchor,
        )
        page.close()
        in_view = where["header"] - 2 <= where["top"] < where["viewport"] - 20
        scrolled = where["scrolled"] > 0 or where["offset"] <= where["viewport"]
        return [] if in_view and scrolled else [f"#{anchor}: {where}"]

    assert _failing(pages, check) == {}

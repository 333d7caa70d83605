"""Search answers what learners type (sitebuild/search.py and search_worker.js, README "Search").

The query set (tests/search_queries.yml) is real learners' words: pasted errors, Chinese
questions, Chinese mixed with code, each with the section that must come first, or "none"
where the site has no answer. Every query is typed into the real search box of the built site
in Chromium; the same run over the offline edition from file:// is in tests/test_offline.py.
Run this file as a script to print the hit table for a built site:
    .venv/bin/python tests/test_search.py /tmp/site [--offline]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from browser_support import launch, serve
from conftest import ROOT
from playwright.sync_api import sync_playwright

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
THRESHOLDS = {"error": 0.90, "question": 0.85, "mixed": 0.85}
NOTHING_TITLE = "没有找到足够相关的内容"

# Resets what Material's result list shows, so the next result can be told from the last one.
_CLEAR = """() => {
  document.querySelector('.md-search-result__list').innerHTML = '';
  document.querySelector('.md-search-result__meta').textContent = '';
}"""
# Material's meta line reads "键入以开始搜索" (its placeholder) until a result list is drawn.
_FIRST = """() => {
  const meta = document.querySelector('.md-search-result__meta').textContent.trim();
  const config = JSON.parse(document.getElementById('__config').textContent);
  if (!meta || meta === config.translations['search.result.placeholder']) return null;
  const link = document.querySelector('.md-search-result__item a.md-search-result__link');
  return {meta, href: link ? link.getAttribute('href') : null,
          title: link ? link.querySelector('h1, h2').textContent : null,
          count: document.querySelectorAll('.md-search-result__item').length};
}"""


def expected_target(expect: str, offline: bool) -> str:
    """'mistakes/autograd/#x' as the site links it; offline pages are 'mistakes/autograd.html'."""
    path, _, fragment = expect.partition("#")
    if offline:
        index = path in ("", "mistakes/")
        path = path + "index.html" if index else path.rstrip("/") + ".html"
    return path + ("#" + fragment if fragment else "")


def first_hits(start_url: str, queries: list[dict]) -> list[dict]:
    """Types each query into the search box of one page, as a reader would, and returns the
    first result (href without ?h=, heading) and the number of result groups."""
    results = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(start_url)
        page.wait_for_function("window.materialStarted === true")
        box = page.locator("input.md-search__input")
        box.click()
        for query in queries:
            page.evaluate(_CLEAR)
            box.fill(query["query"])
            box.press("End")  # Material's search listens to key events, not to fill()
            handle = page.wait_for_function(_FIRST, timeout=15_000)
            found = handle.json_value()
            href = found["href"] or ""
            parts = urlsplit(href)
            results.append({**query, **found, "target": unquote(parts.path) + (
                "#" + unquote(parts.fragment) if parts.fragment else "")})
        browser.close()
    return results


def verdict(results: list[dict], offline: bool = False) -> tuple[dict, list[str]]:
    """Hit rate per kind and the misses, described."""
    rates, misses = {}, []
    for kind in THRESHOLDS:
        rows = [r for r in results if r["kind"] == kind and r["expect"] != "none"]
        hits = [r for r in rows if _is_hit(r, offline)]
        rates[kind] = (len(hits), len(rows))
        misses += [f"[{kind}] {r['query'][:70]!r}: expected {r['expect']}, got {r['target']} "
                   f"({r['title']!r}, {r['meta']})" for r in rows if r not in hits]
    nothing = [r for r in results if r["expect"] == "none"]
    rates["none"] = (sum(NOTHING_TITLE in (r["title"] or "") for r in nothing), len(nothing))
    misses += [f"[none] {r['query'][:70]!r}: got {r['target']} ({r['title']!r})"
               for r in nothing if NOTHING_TITLE not in (r["title"] or "")]
    return rates, misses


def _is_hit(row: dict, offline: bool) -> bool:
    """The first result is the expected section, or one of the `also` sections: where the site
    answers a question in two places (a lesson and a 常见错误 entry), either is the answer."""
    target = row["target"]
    for expect in [row["expect"], *row.get("also", [])]:
        want = expected_target(expect, offline)
        if target.lstrip("./").endswith(want) or re.sub(r"^(\.\./)+", "", target) == want:
            return True
    return False


def assert_answers(results: list[dict], offline: bool = False) -> None:
    rates, misses = verdict(results, offline)
    print("\nsearch hit rates:", json.dumps(rates), "\n" + "\n".join(misses))
    for kind, (hits, total) in rates.items():
        need = THRESHOLDS.get(kind, 1.0)
        assert total and hits / total >= need, f"{kind}: {hits}/{total} < {need:.0%}\n" + "\n".join(
            misses
        )
    empty = [r["query"] for r in results if r["expect"] != "none" and (
        not r["count"] or NOTHING_TITLE in (r["title"] or ""))]
    assert not empty, f"no result where the site has the answer: {empty}"


# ------------------------------------------------------------------------------ the query set
def test_query_set_is_well_formed(built_site):
    """At least 60 queries, each with its source and an expected section the site has."""
    assert len(QUERIES) >= 60
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for query in QUERIES:
        assert query["kind"] in THRESHOLDS, query
        assert query["source"].startswith("http"), query
        for expect in [query["expect"], *query.get("also", [])]:
            assert expect == "none" or expect in locations, query
    kinds = {q["kind"] for q in QUERIES if q["expect"] == "none"}
    assert len([q for q in QUERIES if q["expect"] == "none"]) >= 3, kinds


def test_search_answers_learners_on_the_site(built_site):
    with serve(built_site) as url:
        assert_answers(first_hits(url, QUERIES))


# ------------------------------------------------------------- Material's side of the contract
def _material_source(bundle: str, name: str) -> str:
    """A TypeScript file of Material as shipped in its source map (sourcesContent)."""
    folder = ROOT / ".venv" / "lib"
    assets = "site-packages/material/templates/assets/javascripts"
    maps = list(folder.glob(f"python3*/{assets}/{bundle}"))
    if not maps:
        import material

        maps = list(Path(material.__file__).parent.glob(f"templates/assets/javascripts/{bundle}"))
    data = json.loads(maps[0].read_text(encoding="utf-8"))
    pairs = zip(data["sources"], data["sourcesContent"], strict=True)
    return next(c for s, c in pairs if s.endswith(name))


def test_materials_worker_protocol_is_the_one_the_worker_speaks():
    """The worker answers SETUP=0 with READY=1 and QUERY=2 with RESULT=3 and groups
    documents the way Material's result list reads them. If an upgrade of Material changes
    any of this, this test says so before a reader does."""
    message = _material_source("bundle.*.min.js.map", "search/worker/message/index.ts")
    gap = r",\s*/\*.*\*/\s*"
    assert re.search(f"SETUP{gap}READY{gap}QUERY{gap}RESULT", message)
    result = _material_source("bundle.*.min.js.map", "templates/search/index.tsx")
    # the group's article: the first document without "#", else the last one
    assert 'return !l.includes("#")' in result and "docs.splice(parent, 1)" in result
    assert "const threshold = result[0].score" in result
    worker = (ROOT / "sitebuild" / "search_worker.js").read_text(encoding="utf-8")
    assert "message.type === 0" in worker and "postMessage({ type: 1 })" in worker
    assert "message.type === 2" in worker and "postMessage({ type: 3, data: data })" in worker
    setup = _material_source("bundle.*.min.js.map", "integrations/search/worker/_/index.ts")
    assert "type: SearchMessageType.SETUP" in setup and "options: {" in setup


def test_every_page_starts_our_worker(built_site):
    """The plugin points every page's __config at the site's worker, and the file is there."""
    assert (built_site / "assets" / "javascripts" / "search-worker.js").is_file()
    for html in [*built_site.rglob("index.html"), built_site / "404.html"]:
        text = html.read_text(encoding="utf-8")
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', text)
        if config:
            worker = json.loads(config[1])["search"]
            assert worker.endswith("assets/javascripts/search-worker.js"), html


# --------------------------------------------------------------------- the tokenizer, in Chromium
TOKENIZER_CASES = {
    # Latin glued to Chinese splits at the boundary; question words are cut out
    "什么是API": ["api"],
    "detach和data的区别": ["detach", "data"],
    "autograd.grad和backward的区别": ["autograd.grad", "autograd", "grad", "backward"],
    # a Chinese run ending the query keeps its last bigram
    "为什么需要激活函数": ["激活", "活函", "函数"],
    # code tokens whole and in parts; curly quotes and full-width forms normalised
    "optimizer.zero_grad()": ["optimizer.zero_grad", "optimizer", "zero_grad", "zero", "grad"],
    "requires_grad=True": ["requires_grad=true", "requires_grad", "requires", "grad", "true"],
    "Can’t call numpy（）": ["can't", "can", "t", "call", "numpy"],
    "RuntimeError: grad_fn": ["grad_fn", "grad", "fn"],
}


@pytest.fixture(scope="module")
def worker_page():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.set_content("<html><body></body></html>")
        worker = (ROOT / "sitebuild" / "search_worker.js").read_text(encoding="utf-8")
        page.add_script_tag(content=worker)
        yield page
        browser.close()


@pytest.mark.parametrize("text", list(TOKENIZER_CASES))
def test_query_tokens(worker_page, text):
    terms = worker_page.evaluate("t => tokenize(t, true).map(x => x.term)", text)
    assert terms == TOKENIZER_CASES[text]


def test_index_tokens_keep_every_bigram_and_character(worker_page):
    terms = worker_page.evaluate("t => tokenize(t, false).map(x => x.term)", "什么是熵")
    assert terms == ["什么", "么是", "是熵", "什", "么", "是", "熵"]


def test_weak_matches_say_so_and_point_to_mistakes_and_glossary(worker_page):
    docs = [
        {"location": "mistakes/", "title": "常见错误", "text": "每条报错一个条目"},
        {"location": "glossary/", "title": "术语表", "text": "张量"},
        {"location": "a/", "title": "激活函数", "text": "Sigmoid 与 ReLU 的梯度"},
        {"location": "a/#relu", "title": "ReLU", "text": "ReLU 在 0 处的导数"},
    ]
    found = worker_page.evaluate(
        """docs => { setup({docs, options: {suggest: true}});
                   return [search('ReLU的导数'), search('transformer注意力机制')]; }""",
        docs,
    )
    answer, nothing = found
    assert answer["items"][0][-1]["location"] == "a/#relu"  # the best section shows big
    assert [group[0]["location"] for group in nothing["items"]] == ["mistakes/", "glossary/"]
    assert NOTHING_TITLE in nothing["items"][0][0]["title"]


def test_results_are_escaped_marked_once_and_keep_content_words(worker_page):
    """Material inserts a result's title and text as HTML: the worker escapes them, marks each
    match once, and a one-character question word that is part of a heading's word (和 in 求和)
    stays in the query."""
    docs = [
        {"location": "a/", "title": "比较", "text": "x &lt; 0 与 a&lt;b &lt;script&gt;"},
        {"location": "a/#sum", "title": "沿类别求和", "text": "梯度求和的结果"},
    ]
    found = worker_page.evaluate(
        """docs => { setup({docs, options: {}});
                   return [search('比较 x < script'), search('梯度求和'), search('？')]; }""",
        docs,
    )
    script, total, blank = found
    shown = script["items"][0][-1]
    assert "<script>" not in shown["text"] and "&lt;<mark>script</mark>&gt;" in shown["text"]
    assert list(shown["terms"]) == ["比较", "x", "script"]  # "<" is no search term
    assert total["items"][0][-1]["location"] == "a/#sum"
    assert "<mark><mark>" not in total["items"][0][-1]["title"]
    assert blank == {"items": []}


if __name__ == "__main__":
    site = Path(sys.argv[1]).resolve()
    offline = "--offline" in sys.argv
    if offline:
        rows = first_hits((site / "index.html").as_uri(), QUERIES)
    else:
        with serve(site) as url:
            rows = first_hits(url, QUERIES)
    rates, misses = verdict(rows, offline)
    print(json.dumps(rates), *misses, sep="\n")

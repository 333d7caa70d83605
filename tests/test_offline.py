"""The offline edition (scripts/offline.py, `make offline`): a folder that works from file://,
its zip, and one PDF printed by Chromium, all from the same live build, byte-identical twice."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml

# browser_support lives in scripts/ (the scripts use it and must run without tests/)
from browser_support import launch  # noqa: E402
from conftest import ROOT
from playwright.sync_api import sync_playwright
from pypdf import PdfReader

FOLDER = "nn-notes-offline"


def _make(out: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "scripts/offline.py", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    return _make(tmp_path_factory.mktemp("offline"))


@pytest.fixture(scope="module")
def pdf_text(dist) -> str:
    reader = PdfReader(dist / "downloads" / "nn-notes.pdf")
    return "\n".join(page.extract_text() for page in reader.pages)


def _chapters() -> list[str]:
    """Top-level nav titles of mkdocs.yml (the chapters)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader)["nav"]
    titles = [next(iter(item)) for item in nav if isinstance(item, dict)]
    return [title for title in titles if title != "首页"]  # the home page prints as its h1


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ------------------------------------------------------------------------------- the folder
def test_folder_opens_from_file_urls_without_a_failed_request(dist):
    folder = dist / FOLDER
    pages = sorted(p for p in folder.rglob("*.html") if "assets" not in p.parts)
    assert len(pages) >= 10
    failed, errors = [], []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.on(
            "requestfailed",
            lambda r: (
                None
                if r.url.endswith("favicon.png") and r.failure == "net::ERR_ABORTED"  # next goto
                else failed.append(f"{page.url}: {r.url} {r.failure}")
            ),
        )
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        page.on(
            "console",
            lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None,
        )
        for html_file in pages:
            page.goto(html_file.as_uri(), wait_until="networkidle")
            assert page.locator("article .katex, article h1").count() > 0
        # navigation: a click on a nav link opens the page's .html file
        page.goto((folder / "index.html").as_uri(), wait_until="networkidle")
        page.click("a.md-nav__link[href$='loss/mse.html']")
        page.wait_for_load_state("load")
        assert page.url.endswith("/loss/mse.html")
        assert page.locator("article .katex math").count() > 0  # math rendered as MathML
        assert page.evaluate("""document.fonts.check('16px "Notes Math"')""")
        # light/dark: the palette toggle cycles auto -> light -> dark from file:// as well
        seen = {page.evaluate("document.body.dataset.mdColorScheme")}
        for _ in range(2):
            page.locator("form[data-palette] label:visible").first.click()
            seen.add(page.evaluate("document.body.dataset.mdColorScheme"))
        assert seen == {"default", "slate"}, seen
        browser.close()
    assert not failed, failed
    assert not errors, errors


def test_search_works_from_file_urls(dist):
    folder = dist / FOLDER
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto((folder / "autograd" / "requires_grad.html").as_uri(), wait_until="load")
        page.fill("input.md-search__input", "计算图")
        page.press("input.md-search__input", "End")
        first = page.locator(".md-search-result__item a").first
        first.wait_for(timeout=15000)
        assert page.locator(".md-search-result__item").count() > 0
        first.click()
        page.wait_for_load_state("load")
        assert page.url.startswith("file://") and ".html" in page.url
        browser.close()


def test_search_answers_learners_from_file_urls(dist):
    """The query set of tests/test_search.py, typed into the offline folder's search box."""
    from test_search import QUERIES, assert_answers, first_hits

    start = (dist / FOLDER / "index.html").as_uri()
    assert_answers(first_hits(start, QUERIES), offline=True)


def test_the_folder_has_no_server_only_files_and_no_remote_script(dist):
    folder = dist / FOLDER
    assert (folder / "search" / "search_index.js").is_file()
    for gone in ("404.html", "sitemap.xml", "search/search_index.json"):
        assert not (folder / gone).exists()
    for html_file in folder.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and 'src="http' not in text, html_file
        assert "navigation.instant" not in text, html_file


def test_zip_holds_exactly_the_folder_with_fixed_times(dist):
    folder = dist / FOLDER
    with zipfile.ZipFile(dist / "downloads" / "nn-notes-offline.zip") as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        assert names == sorted(names)
        expected = sorted(
            f"{FOLDER}/{p.relative_to(folder).as_posix()}" for p in folder.rglob("*") if p.is_file()
        )
        assert names == expected
        assert len({info.date_time for info in infos}) == 1
        assert {info.external_attr >> 16 for info in infos} == {0o100644}
        index = archive.read(f"{FOLDER}/index.html")
    assert index == (folder / "index.html").read_bytes()


# ---------------------------------------------------------------------------------- the PDF
def test_pdf_has_every_chapter_title(pdf_text):
    squashed = _squash(pdf_text)
    chapters = _chapters()
    assert len(chapters) >= 6
    for title in chapters:
        assert _squash(title) in squashed, title


def test_pdf_chinese_text_is_searchable(pdf_text):
    """The ToUnicode fix: 用 and 长 extract as themselves, not as Kangxi radicals (⽤ ⻓)."""
    assert "用" in pdf_text and "\u2f64" not in pdf_text
    radicals = [c for c in pdf_text if unicodedata.name(c, "").startswith("KANGXI RADICAL")]
    assert len(set(radicals)) <= 3, sorted(set(radicals))  # ⼈⼔⼾ remain, see the report


def test_pdf_cover_names_torch_version_and_commit(dist, pdf_text):
    from importlib.metadata import version

    first = PdfReader(dist / "downloads" / "nn-notes.pdf").pages[0].extract_text()
    assert version("torch") in first
    # as the build finds it: the checkout's commit, else $GITHUB_SHA; a source
    # tarball has neither, and then the cover must say so rather than name a wrong commit
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = ""
    commit = commit or os.environ.get("GITHUB_SHA", "")[:12] or "unknown"
    assert "构建自提交" + commit in _squash(first), first  # scripts/offline.py's cover facts


def test_pdf_holds_live_outputs(dist, pdf_text):
    """Output blocks of the built pages (what PyTorch printed) are in the PDF's text."""
    from bs4 import BeautifulSoup

    squashed = _squash(pdf_text)
    samples = []
    for name in ("index.html", "autograd/requires_grad.html", "loss/mse.html"):
        soup = BeautifulSoup((dist / FOLDER / name).read_text(encoding="utf-8"), "html.parser")
        outputs = [block.get_text() for block in soup.select("div.language-text pre")]
        assert outputs, name
        samples += [line for line in outputs[0].splitlines() if line.strip()][:2]
    assert any("tensor(" in sample for sample in samples)
    for sample in samples:
        assert _squash(sample) in squashed, sample


def test_pdf_has_contents_outline_page_numbers_and_embedded_fonts(dist, pdf_text):
    reader = PdfReader(dist / "downloads" / "nn-notes.pdf")
    assert len(reader.pages) > 20
    top = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert "目录" in top and len(top) >= len(_chapters()) + 2, top  # cover, contents, chapters
    assert f"1 / {len(reader.pages)}" in reader.pages[0].extract_text()
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont", "")))
    assert any(re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei", name) for name in fonts), fonts
    info = reader.metadata
    assert info["/CreationDate"] == info["/ModDate"]


# ------------------------------------------------------------------------------ determinism
def test_a_second_build_gives_identical_zip_and_pdf(dist, tmp_path):
    second = _make(tmp_path)
    for name in ("nn-notes.pdf", "nn-notes-offline.zip"):
        assert (dist / "downloads" / name).read_bytes() == (
            second / "downloads" / name
        ).read_bytes(), name


def test_steppers_step_from_file_urls_and_print_every_step(dist, pdf_text):
    """From file:// the stepper steps to its end; the PDF (a print, where every frame shows)
    holds every step of every stepper."""
    from conftest import widget_frames

    pages = ("autograd/requires_grad.html", "autograd/retain_graph.html", "softmax/softmax.html")
    squashed = _squash(pdf_text)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 375, "height": 812})
        for name in pages:
            frames = widget_frames((dist / FOLDER / name).read_text(encoding="utf-8"))
            assert len(frames) > 5, name
            for frame in frames:  # its first sentence (a whole frame may cross a page break)
                assert _squash(frame["text"]).split("。")[0] in squashed, (name, frame["label"])
            page.goto((dist / FOLDER / name).as_uri(), wait_until="load")
            figure = page.locator("figure[data-watch]").first
            for _ in frames[1:]:
                figure.locator('[data-move="1"]').click()
            status = figure.locator(".watch__status").inner_text()
            assert status == frames[-1]["label"], name
        browser.close()

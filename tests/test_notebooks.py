"""The chapter notebooks (sitebuild/notebooks.py, rendered by mkdocs-jupyter).

Each notebook runs top to bottom on a fresh kernel (nbclient), and its fresh outputs are the
outputs the site shows; it holds every code example of its chapter in page order, byte for
byte (no drift from the snippets); generation is deterministic (stable ids, byte-identical);
the committed copy Colab opens is up to date; the notebook pages stay light, load nothing
from other hosts, render math with the site's KaTeX and fold the exercises' solutions.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT, run_snippet
from nbclient import NotebookClient

from sitebuild import execution
from sitebuild import notebooks as hook
from sitebuild.scan import page_blocks

SLUGS = ["activation", "loss", "autograd", "softmax", "mistakes", "api"]


@pytest.fixture(scope="module")
def config():
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


def generate(config) -> dict[str, str]:
    """slug -> notebook JSON, generated as the build does."""
    docs, output_of = Path(config.docs_dir), lambda code: execution.cached_output(code)[0]
    return {
        slug: hook.notebook(slug, title, paths, docs, output_of)
        for slug, title, paths in hook.chapters(config.nav)
    }


@pytest.fixture(scope="module")
def generated(config) -> dict[str, str]:
    return generate(config)


def site_notebook(site: Path, slug: str) -> str:
    return (site / "notebooks" / slug / f"{slug}.ipynb").read_text(encoding="utf-8")


def chapter_pages(config, slug: str) -> list[Path]:
    (chapter,) = [c for c in hook.chapters(config.nav) if c[0] == slug]
    return [Path(config.docs_dir) / path for path in chapter[2]]


def lines_of(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines())


def stdout_of(cell) -> str:
    return lines_of(
        "".join("".join(o["text"]) for o in cell.get("outputs", []) if o["output_type"] == "stream")
    )


def test_every_chapter_has_a_notebook(config):
    assert [slug for slug, _, _ in hook.chapters(config.nav)] == SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_notebook_runs_on_a_fresh_kernel_and_outputs_match(slug, built_site, tmp_path):
    shown = nbformat.reads(site_notebook(built_site, slug), as_version=4)
    nbformat.validate(shown)
    fresh = nbformat.reads(site_notebook(built_site, slug), as_version=4)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    # a fresh kernel in an empty folder: the notebook needs nothing from this repository;
    # allow_errors=False: any cell that raises fails, and none is tagged raises-exception
    NotebookClient(
        fresh,
        timeout=300,
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    assert not any("raises-exception" in c.metadata.get("tags", []) for c in shown.cells)
    pairs = [(a, b) for a, b in zip(shown.cells, fresh.cells, strict=True) if a.cell_type == "code"]
    assert pairs
    for before, after in pairs:
        assert before.id == after.id
        expected = stdout_of(before)
        if "solution" in before.metadata.get("tags", []):
            assert not before.outputs, f"{before.id}: a solution's output shows before it runs"
            topic, page = before.id.split("-", 1)
            expected = lines_of(run_snippet(f"{topic}/{page}.py").stdout)  # what the page shows
        assert stdout_of(after) == expected, before.id
        assert all(o["output_type"] == "stream" for o in after.outputs), before.id


def test_notebooks_run_like_plain_python():
    assert "pre_run_cell" not in Path(hook.__file__).read_text(encoding="utf-8")
    assert "get_ipython" not in hook.SETUP


@pytest.mark.parametrize("slug", SLUGS)
def test_notebook_holds_every_example_of_its_chapter_in_order(slug, config, built_site):
    expected, figures = [], []
    for page in chapter_pages(config, slug):
        for block in page_blocks(page.read_text(encoding="utf-8")):  # the one Markdown reader
            if block.kind == "exec":
                (figures if block.figure else expected).extend(block.snippets)
    notebook = json.loads(site_notebook(built_site, slug))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    from_snippets = [
        c for c in code if c["id"] not in {f"{slug}-setup"} and not c["id"].endswith("-try")
    ]
    assert [c["id"] for c in from_snippets] == [hook._stem(p) for p in expected]
    for cell, path in zip(from_snippets, expected, strict=True):
        assert "".join(cell["source"]) == (ROOT / path).read_text(encoding="utf-8")
    notes = [c["id"] for c in notebook["cells"] if c["id"].endswith("-figure")]
    assert notes == [f"{hook._stem(p)}-figure" for p in figures]  # each figure gets a note
    solutions = [c for c in code if "solution" in c["metadata"].get("tags", [])]
    pages = chapter_pages(config, slug)
    questions = sum(page.read_text(encoding="utf-8").count("> [!question]") for page in pages)
    assert len(solutions) == questions >= 2  # each 动手练习 question, its solution folded
    assert all(c["metadata"]["jupyter"]["source_hidden"] for c in solutions)


def test_generation_is_deterministic_and_matches_the_build(config, generated, built_site):
    again = generate(config)
    assert again == generated  # byte-identical, so cell ids are stable too
    for slug, text in generated.items():
        assert site_notebook(built_site, slug) == text
        ids = [c["id"] for c in json.loads(text)["cells"]]
        assert len(ids) == len(set(ids))


def test_the_build_refreshes_the_committed_notebooks_for_colab(generated, built_site):
    for slug, text in generated.items():
        committed = ROOT / "notebooks" / f"{slug}.ipynb"
        assert committed.read_text(encoding="utf-8") == text, (
            f"{committed} is stale: a build (mkdocs build or serve) rewrites it; commit it"
        )


def page_sizes(site: Path) -> tuple[dict[str, int], dict[str, int]]:
    notebooks, pages = {}, {}
    for path in site.rglob("index.html"):
        rel = path.parent.relative_to(site).as_posix()
        if rel in {".", "404"} or rel.startswith("assets"):
            continue
        (notebooks if rel.startswith("notebooks/") else pages)[rel] = path.stat().st_size
    return notebooks, pages


def test_notebook_pages_weigh_like_normal_pages(built_site, config):
    notebooks, pages = page_sizes(built_site)
    assert sorted(notebooks) == [f"notebooks/{slug}" for slug in sorted(SLUGS)]
    # a notebook page holds its chapter's code and outputs, so it weighs about what the
    # chapter's pages weigh together (measured: 0.5-0.9 of it); mkdocs-jupyter's own styles
    # and scripts alone were ~650 KB a page
    for slug in SLUGS:
        chapter = [p.relative_to(Path(config.docs_dir)) for p in chapter_pages(config, slug)]
        together = sum(pages[p.with_suffix("").as_posix().removesuffix("/index")] for p in chapter)
        assert notebooks[f"notebooks/{slug}"] < together, slug
    for slug in SLUGS:
        text = (built_site / "notebooks" / slug / "index.html").read_text(encoding="utf-8")
        assert "<style" not in text
        assert "jp-Notebook" in text


@pytest.mark.parametrize("slug", SLUGS)
def test_notebook_page_loads_nothing_from_other_hosts(slug, built_site):
    text = (built_site / "notebooks" / slug / "index.html").read_text(encoding="utf-8")
    loads = re.findall(r'<(?:script|img|link|iframe)\b[^>]*?(?:src|href)="([^"]+)"', text)
    assert loads and not [url for url in loads if re.match(r"(https?:)?//", url)]
    assert "mathjax" not in text.lower() and "require.js" not in text
    links = re.findall(r'<a\b[^>]*href="(https?://[^"]+)"', text)
    assert all(u.startswith("https://colab.research.google.com/github/") for u in links)


def test_notebook_page_has_download_math_folded_solutions_and_toc(built_site):
    text = (built_site / "notebooks" / "loss" / "index.html").read_text(encoding="utf-8")
    assert '<a href="loss.ipynb" download' in text
    assert (built_site / "notebooks" / "loss" / "loss.ipynb").exists()
    assert 'class="katex"' in text and "$$" not in text
    questions = (ROOT / "docs" / "loss" / "mse.md").read_text(encoding="utf-8").count("[!question]")
    assert text.count('<details class="success notebook-solution"><summary>参考答案') == questions
    assert '<h2 id="深入理解均方误差mean-squared-error-mse">' in text
    assert 'href="#深入理解均方误差mean-squared-error-mse"' in text  # the TOC follows


def test_colab_link_comes_from_the_one_setting():
    class Page:
        class file:  # noqa: N801
            src_uri = "notebooks/loss.ipynb"

        title = "损失函数"
        meta: dict = {}

    class Config:
        extra = {"repository": "someone/notes"}

    page = Page()
    hook.notebook_page(page, Config())
    assert page.colab_url == (
        "https://colab.research.google.com/github/someone/notes/blob/main/notebooks/loss.ipynb"
    )
    Config.extra = {"repository": ""}
    hook.notebook_page(page, Config())
    assert page.colab_url is None  # no repository set: no link rather than a broken one


def test_a_stepper_lists_every_step_in_the_notebook(generated):
    """The notebook cannot run sitekit's stepper: its note lists every step the page steps
    through, with the numbers torch printed at build."""
    notebook = json.loads(generated["autograd"])
    (cell,) = [c for c in notebook["cells"] if c["id"] == "autograd-requires_grad_006-figure"]
    text = "".join(cell["source"])
    steps = re.findall(r"<li><strong>(.*?)</strong>", text)
    assert steps == ["前向"] + [f"第 {k}/5 步" for k in range(1, 6)]
    assert "现在是 <code>tensor([9., 9.])</code>" in text and "data-" not in text

"""MkDocs hook: one runnable Jupyter notebook per chapter, generated from the chapter's pages.

Single source of truth: the snippets. A chapter's notebook is derived at build time from its
pages, in nav order: the headings that lead to a code example and the paragraph right before
it become a markdown cell, each `--8<-- "snippets/…"` include becomes a code cell holding the
snippet's text, byte for byte. The 动手练习 section at the end of a chapter becomes exercise
cells: the question, an empty cell for the learner, and the solution (tagged `solution`, input
folded in JupyterLab, folded into a <details> on the site, no stored output: the learner sees
it by running the cell). The first code cell is a visible setup; there is no per-cell hook, so
the notebook runs like a plain script. Figures (`html="1"` blocks) stay
out of the notebook (they need this repository's sitekit); a note names the figure instead.

Outputs are the pages' outputs: each code cell's stream output (solutions aside) comes from
sitekit.exec_cache.cached_output, the same key, runner and fresh torch state as the page
block. A notebook is written when MkDocs is about to read it, after the chapter's pages, so on
a cold build each snippet has run once for its page by then (or in sitekit.prefill's worker)
and here it is a cache hit; on a warm build nothing runs. mkdocs-jupyter then renders the
notebook with execute: false: no kernel, no second torch import. tests/test_notebooks.py runs
every notebook on a fresh kernel (nbclient) and compares its outputs with these.

Which chapters: the nav section whose entries are `notebooks/<slug>.ipynb`; the chapter of
`<slug>` is every nav page under `docs/<slug>/`, its title the top-level nav title holding them.
Notebooks are added to the build in on_files as files under `.cache/notebooks/` (git-ignored;
mkdocs-jupyter reads `abs_src_path`), with a higher event priority than mkdocs-jupyter so that
its on_files picks them up, and written there (only when they change) in on_pre_page, again
before mkdocs-jupyter's, which keys its own cache on the file's text. Colab opens
notebooks from GitHub only, so a copy is committed under `notebooks/` for the Colab link;
`python hooks/notebooks.py` rewrites it and a test fails when it differs from a generation.

On the notebook pages (on_page_content) the markup mkdocs-jupyter inlines is trimmed: its
~600 KB of <style>, its <script>s (MathJax, clipboard, require.js from CDNs), the per-cell
copy widget and tag toolbar; `$…$`/`$$…$$` in markdown cells become arithmatex spans for
hooks/katex_math.py. Cells are styled by docs/stylesheets/notebooks.css.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import sys
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

TORCH = version("torch").split("+")[0]  # the torch that printed the outputs, e.g. 2.13.0

log = logging.getLogger("mkdocs.hooks.notebooks")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = "notebooks"  # src_uri folder in the site, and the committed copy in the repo
EXERCISES = "动手练习"
LEARNER_CELL = "# 在这里写你的答案，运行后再展开下面的参考答案对照\n"
SETUP = """\
# 与网站相同的起点：网页上的每段代码都从这个状态开始运行。下面的代码格按顺序共享状态，
# 和普通的 Python 脚本一样；用到随机数的代码格都会自己调用 torch.manual_seed，
# 所以从上到下依次运行，就能得到和网页上一样的输出。
import torch

torch.manual_seed(0)
torch.set_num_threads(1)  # 单线程：每台机器打印相同的数字
"""

_FENCE = re.compile(r"^(?P<quote>(?:> ?)*)(?P<fence>`{3,})(?P<info>.*)$")
_INCLUDE = re.compile(r'--8<--\s+"(?P<path>snippets/[^"]+\.py)"')
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*$")
_CALLOUT = re.compile(r"^\[!(?P<kind>\w+)\][-+]?\s*(?P<title>.*)$")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)\)")
_MARK = re.compile(r"==(?P<text>[^=\n]+)==")
_SVG_TITLE = re.compile(r"<title[^>]*>(?P<title>.*?)</title>", re.DOTALL)


# ---------------------------------------------------------------------------------------------
# Pages -> blocks


@dataclass
class Block:
    kind: str  # heading | exec | prose
    text: str = ""  # heading text, or prose with quote prefixes removed
    level: int = 0
    depth: int = 0  # callout nesting
    snippets: list[str] = field(default_factory=list)
    figure: bool = False
    shown: bool = False  # the page shows the block's source (source="…")


def _unquote(line: str) -> tuple[int, str]:
    depth = 0
    while line.startswith(">"):
        depth += 1
        line = line[1:]
        if line.startswith(" "):
            line = line[1:]
    return depth, line


def page_blocks(markdown: str) -> list[Block]:
    """A page's headings, exec blocks and prose paragraphs, in order."""
    if markdown.startswith("---\n"):
        markdown = markdown[markdown.index("\n---", 3) + 4 :]
    lines = markdown.splitlines()
    blocks: list[Block] = []
    paragraph: list[str] = []
    para_depth = 0

    def flush() -> None:
        if paragraph:
            blocks.append(Block("prose", "\n".join(paragraph), depth=para_depth))
            paragraph.clear()

    i = 0
    while i < len(lines):
        depth, line = _unquote(lines[i])
        fence = _FENCE.match(lines[i])
        if fence:
            flush()
            body, j = [], i + 1
            closing = fence["fence"]
            while j < len(lines) and _unquote(lines[j])[1].strip() != closing:
                body.append(_unquote(lines[j])[1])
                j += 1
            info = fence["info"]
            if 'exec="1"' in info:
                snippets = [m["path"] for m in map(_INCLUDE.search, body) if m]
                blocks.append(
                    Block(
                        "exec",
                        depth=depth,
                        snippets=snippets,
                        figure='html="1"' in info,
                        shown="source=" in info,
                    )
                )
            else:  # a code block shown as text: part of the prose
                paragraph.extend([closing + info, *body, closing])
                para_depth = depth
                flush()
            i = j + 1
            continue
        heading = _HEADING.match(line) if depth == 0 else None
        if heading:
            flush()
            blocks.append(Block("heading", heading["text"], level=len(heading["hashes"])))
        elif not line.strip():
            flush()
        else:
            if paragraph and depth != para_depth:
                flush()
            paragraph.append(line)
            para_depth = depth
        i += 1
    flush()
    return blocks


def prose_markdown(text: str) -> str:
    """Site Markdown -> notebook Markdown: callout titles bold, links plain, ==mark== bold."""
    out = []
    for line in text.splitlines():
        callout = _CALLOUT.match(line)
        if callout:
            line = f"**{callout['title']}**" if callout["title"] else ""
        out.append(line)
    text = "\n".join(out).strip()
    text = _LINK.sub(lambda m: m["text"], text)
    text = _INCLUDE.sub(lambda m: (ROOT / m["path"]).read_text(encoding="utf-8").rstrip(), text)
    return _MARK.sub(lambda m: f"**{m['text']}**", text)


# ---------------------------------------------------------------------------------------------
# Blocks -> cells


@dataclass
class Cell:
    cell_type: str
    id: str
    source: str
    snippet: str | None = None
    tags: list[str] = field(default_factory=list)


def _stem(path: str) -> str:
    return path.removeprefix("snippets/").removesuffix(".py").replace("/", "-")


def chapter_cells(slug: str, title: str, pages: list[tuple[str, str]], output_of) -> list[Cell]:
    """Cells of a chapter's notebook; pages are the pages' Markdown in nav order.
    output_of(code) gives a figure's printed SVG (for its title in the note)."""
    cells = [
        Cell(
            "markdown",
            f"{slug}-title",
            f"# {title} · 动手笔记本\n\n"
            f"本笔记本收录“{title}”一章的全部代码，顺序与网页相同，每段代码前是网页上的简短说明。"
            f"从上到下依次运行即可复现网页上的每一个输出（网页上的输出由 PyTorch {TORCH} 在 CPU 上"
            "打印；别的版本个别数字的末位可能不同）。章末的“动手练习”先自己写，再展开参考答案。",
        ),
        Cell("code", f"{slug}-setup", SETUP),
    ]
    shift = 1 if len(pages) > 1 else 0
    for markdown in pages:
        stack: list[list] = []  # [level, text, emitted]
        prose: str | None = None
        exercise: str | None = None
        in_exercises = False
        for block in page_blocks(markdown):
            if block.kind == "heading":
                if block.level == 1 and not shift:
                    continue
                while stack and stack[-1][0] >= block.level:
                    stack.pop()
                stack.append([block.level, block.text, False])
                in_exercises = block.level == 2 and block.text == EXERCISES
                prose = None
                continue
            if block.kind == "prose":
                if in_exercises and _CALLOUT.match(block.text.splitlines()[0] or ""):
                    head = _CALLOUT.match(block.text.splitlines()[0])
                    if head["kind"] == "question":
                        body = "\n".join(block.text.splitlines()[1:])
                        exercise = f"### {head['title']}\n\n{prose_markdown(body)}"
                        continue
                if in_exercises and exercise and block.depth == 1:  # the question's body
                    exercise += "\n\n" + prose_markdown(block.text)
                elif block.depth <= 1 or not in_exercises:
                    prose = prose_markdown(block.text)
                continue
            # an exec block
            parts = [
                f"{'#' * min(6, level + shift)} {text}" for level, text, done in stack if not done
            ]
            for entry in stack:
                entry[2] = True
            for path in block.snippets:
                stem = _stem(path)
                code = (ROOT / path).read_text(encoding="utf-8")
                if block.figure:
                    found = _SVG_TITLE.search(output_of(code))
                    name = html.unescape(found["title"]) if found else "图"
                    note = (
                        f"> 📈 这里网页上有一张图：**{name}**（由构建网站时运行的 `{path}` 绘制，"
                        "它用到本仓库的 `sitekit` 绘图模块，所以不放进笔记本；请在网页上查看）。"
                    )
                    cells.append(Cell("markdown", f"{stem}-figure", "\n\n".join([*parts, note])))
                    parts = []
                    continue
                if in_exercises and exercise is not None:
                    if exercise:  # the question, once
                        cells.append(
                            Cell("markdown", f"{stem}-question", "\n\n".join([*parts, exercise]))
                        )
                        exercise, parts = "", []
                    if block.depth < 2:  # code the question shows (a broken snippet to debug)
                        cells.append(Cell("code", stem, code, snippet=path))
                        continue
                    cells.append(Cell("code", f"{stem}-try", LEARNER_CELL))
                    cells.append(Cell("code", stem, code, snippet=path, tags=["solution"]))
                    exercise = None
                    continue
                if prose:
                    parts.append(prose)
                if parts:
                    cells.append(Cell("markdown", f"{stem}-md", "\n\n".join(parts)))
                cells.append(Cell("code", stem, code, snippet=path))
                parts, prose = [], None
            prose = None
    return cells


def notebook_json(cells: list[Cell], output_of) -> str:
    """nbformat 4.5 JSON (stable ids, sorted keys) with each code cell's printed output."""
    nb_cells = []
    count = 0
    for cell in cells:
        item: dict = {
            "cell_type": cell.cell_type,
            "id": cell.id,
            "metadata": {},
            "source": cell.source.splitlines(keepends=True),
        }
        if cell.tags:
            item["metadata"]["tags"] = cell.tags
        if "solution" in cell.tags:
            item["metadata"]["jupyter"] = {"source_hidden": True}
        if cell.cell_type == "code":
            count += 1
            item["execution_count"] = count
            shown = cell.snippet and "solution" not in cell.tags  # a solution shows on running
            text = output_of(cell.source) if shown else ""
            item["outputs"] = (
                [{"name": "stdout", "output_type": "stream", "text": text.splitlines(True)}]
                if text
                else []
            )
        nb_cells.append(item)
    notebook = {
        "cells": nb_cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# ---------------------------------------------------------------------------------------------
# Chapters from the nav


def _walk(nav, title=None):
    """(top-level title, path) for every page of the nav."""
    for item in nav or []:
        if isinstance(item, str):
            yield title, item
        elif isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, str):
                    yield title or key, value
                else:
                    yield from _walk(value, title or key)


def chapters(nav) -> list[tuple[str, str, list[str]]]:
    """(slug, chapter title, page paths) of each notebook listed in the nav."""
    pages = list(_walk(nav))
    found = []
    for _, path in pages:
        if path.startswith(f"{NOTEBOOK_DIR}/") and path.endswith(".ipynb"):
            slug = path[len(NOTEBOOK_DIR) + 1 : -len(".ipynb")]
            members = [(top, p) for top, p in pages if p.startswith(f"{slug}/")]
            if members:
                found.append((slug, members[0][0], [p for _, p in members]))
    return found


@dataclass
class Stats:
    notebooks: int = 0
    cells: int = 0
    ran: int = 0


stats = Stats()


def _output_of(code: str) -> str:
    if ROOT.as_posix() not in sys.path:
        sys.path.insert(0, ROOT.as_posix())
    from sitekit.exec_cache import cached_output

    output, ran = cached_output(code)
    stats.cells += 1
    stats.ran += ran
    return output


def notebook(slug: str, title: str, paths: list[str], docs_dir: Path) -> str:
    """The notebook JSON of one chapter (paths: its pages, in nav order)."""
    pages = [(docs_dir / path).read_text(encoding="utf-8") for path in paths]
    cells = chapter_cells(slug, title, pages, _output_of)
    return notebook_json(cells, _output_of)


def generate(nav, docs_dir: Path) -> dict[str, str]:
    """slug -> notebook JSON for every chapter notebook in the nav."""
    return {slug: notebook(slug, title, paths, docs_dir) for slug, title, paths in chapters(nav)}


# ---------------------------------------------------------------------------------------------
# MkDocs events: the notebooks are added as files in on_files and written just before MkDocs
# reads each one (on_pre_page). MkDocs reads them last, after the chapters' pages, so on a cold
# build the pages have run their blocks (sitekit.prefill's worker alongside) and every output
# the notebook needs is in the exec cache; written in on_files instead, the blocks would run
# there, before any page work could overlap with them.

_pending: dict[str, tuple[str, str, list[str]]] = {}  # src_uri -> chapter, until it is written


def _cache_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent / ".cache" / "notebooks"


@event_priority(50)  # before mkdocs-jupyter's on_files, which wraps the .ipynb files it finds
def on_files(files, config):
    global stats
    stats = Stats()
    _pending.clear()
    src_dir = _cache_root(config)
    for slug, title, paths in chapters(config.nav):
        src_uri = f"{NOTEBOOK_DIR}/{slug}.ipynb"
        _pending[src_uri] = (slug, title, paths)
        files.append(File(src_uri, str(src_dir), config.site_dir, config.use_directory_urls))
    return files


@event_priority(50)  # before mkdocs-jupyter's on_pre_page, which keys its cache on the file's text
def on_pre_page(page, config, files):
    chapter = _pending.pop(page.file.src_uri, None)
    if chapter is None:
        return page
    text = notebook(*chapter, Path(config.docs_dir))
    target = Path(page.file.abs_src_path)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    stats.notebooks += 1
    if not _pending:
        log.info(
            "notebooks: %d generated, %d outputs (%d run now, the rest from the exec cache)",
            stats.notebooks,
            stats.cells,
            stats.ran,
        )
    return page


def is_notebook(page) -> bool:
    src = page.file.src_uri
    return src.startswith(f"{NOTEBOOK_DIR}/") and src.endswith(".ipynb")


_STYLE = re.compile(r"<style\b[^>]*>.*?</style>\s*", re.DOTALL)
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>\s*", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->\s*", re.DOTALL)
_CLIPBOARD = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*', re.DOTALL
)
_CLIPBOARD_TEXT = re.compile(r'<div class="clipboard-copy-txt"[^>]*>.*?</div>\s*', re.DOTALL)
_TOOLBAR = '<div class="celltoolbar">'
_MD_CELL = re.compile(
    r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput[^"]*"[^>]*>)'
    r"(.*?)(</div>)",
    re.DOTALL,
)
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$")
_SOLUTION = re.compile(r'<div class="jp-Cell [^"]*\bcelltag_solution\b[^"]*">')
_DIV = re.compile(r"<div\b|</div>")
_H = re.compile(
    r'<h(?P<level>[1-6]) id="[^"]*">(?P<inner>.*?)'
    r'<a class="anchor-link" href="[^"]*">¶</a></h(?P=level)>',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


def _math(fragment: str) -> str:
    # math only in text: <code> and <pre> stay untouched
    parts = re.split(r"(<code\b.*?</code>|<pre\b.*?</pre>)", fragment, flags=re.DOTALL)
    for n in range(0, len(parts), 2):
        text = _DISPLAY_MATH.sub(lambda m: f'<div class="arithmatex">\\[{m[1]}\\]</div>', parts[n])
        parts[n] = _INLINE_MATH.sub(lambda m: f'<span class="arithmatex">\\({m[1]}\\)</span>', text)
    return "".join(parts)


def _div_end(content: str, start: int) -> int:
    """Index just past the </div> closing the <div> that opens at `start`."""
    depth = 0
    for match in _DIV.finditer(content, start):
        depth += 1 if match[0] == "<div" else -1
        if depth == 0:
            return match.end()
    return len(content)


def _fold_solutions(content: str) -> str:
    """Wrap each cell tagged `solution` in a closed <details> (the site's foldable callout)."""
    out, last = [], 0
    for match in _SOLUTION.finditer(content):
        if match.start() < last:
            continue  # the inner div of an outer solution cell already folded
        end = _div_end(content, match.start())
        out.append(content[last : match.start()])
        out.append(
            '<details class="success notebook-solution"><summary>参考答案</summary>\n'
            + content[match.start() : end]
            + "\n</details>"
        )
        last = end
    out.append(content[last:])
    return "".join(out)


def _headings(content: str, page) -> str:
    """Heading ids by the site's slugify (mkdocs-jupyter's drops Chinese), and a TOC to match."""
    from mkdocs.structure.toc import get_toc
    from pymdownx.slugs import slugify

    slug = slugify(case="lower")
    seen: dict[str, int] = {}
    tokens: list[dict] = []

    def anchor(match: re.Match) -> str:
        name = html.unescape(_TAG.sub("", match["inner"])).strip()
        base = slug(name, "-") or "section"
        count = seen.get(base, 0)
        seen[base] = count + 1
        ident = base if not count else f"{base}_{count}"
        tokens.append(
            {"level": int(match["level"]), "id": ident, "name": html.escape(name), "children": []}
        )
        level = match["level"]
        return (
            f'<h{level} id="{ident}">{match["inner"]}'
            f'<a class="headerlink" href="#{ident}" title="Permanent link">¶</a></h{level}>'
        )

    content = _H.sub(anchor, content)
    nested: list[dict] = []
    stack: list[dict] = []
    for token in tokens:
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else nested).append(token)
        stack.append(token)
    page.toc = get_toc(nested)
    return content


def clean_notebook_html(content: str, page=None) -> str:
    for pattern in (_STYLE, _SCRIPT, _COMMENT, _CLIPBOARD, _CLIPBOARD_TEXT):
        content = pattern.sub("", content)
    while (start := content.find(_TOOLBAR)) >= 0:  # the cell's tags, shown as a toolbar
        content = content[:start] + content[_div_end(content, start) :]
    content = _MD_CELL.sub(lambda m: m[1] + _math(m[2]) + m[3], content)
    # a cell that scrolls sideways must be reachable by keyboard (axe scrollable-region-focusable)
    content = content.replace("<pre>", '<pre tabindex="0">')
    if page is not None:
        content = _headings(content, page)
    return _fold_solutions(content)


def on_page_content(content, page, config, files):
    if not is_notebook(page):
        return content
    return clean_notebook_html(content, page)


def on_page_context(context, page, config, nav):
    if is_notebook(page):
        repository = (config.extra or {}).get("repository") or ""
        page.meta.setdefault(
            "description", f"“{page.title}”一章的可运行 Jupyter 笔记本：代码、输出与动手练习。"
        )
        page.colab_url = (
            f"https://colab.research.google.com/github/{repository}/blob/main/"
            f"{NOTEBOOK_DIR}/{Path(page.file.src_uri).name}"
            if repository.count("/") == 1
            else None
        )
        page.ipynb_name = Path(page.file.src_uri).name
    return context


# ---------------------------------------------------------------------------------------------
# Command line: rewrite the committed copies (the ones Colab opens) from a fresh generation


def main() -> int:
    from mkdocs.config import load_config

    os.environ.setdefault("MKDOCS_CONFIG_DIR", ROOT.as_posix())
    os.chdir(ROOT)
    config = load_config(str(ROOT / "mkdocs.yml"))
    target = ROOT / NOTEBOOK_DIR
    target.mkdir(exist_ok=True)
    for slug, text in generate(config.nav, Path(config.docs_dir)).items():
        (target / f"{slug}.ipynb").write_text(text, encoding="utf-8")
        print(f"{NOTEBOOK_DIR}/{slug}.ipynb")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One runnable Jupyter notebook per chapter, generated from the chapter's pages.

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
sitebuild.execution.cached_output, the same key, runner and fresh torch state as the page
block, so mkdocs-jupyter renders with execute: false (no kernel, no second torch import).
tests/test_notebooks.py runs every notebook on a fresh kernel and compares its outputs.

Which chapters: the nav section whose entries are `notebooks/<slug>.ipynb`; the chapter of
`<slug>` is every nav page under `docs/<slug>/`, its title the top-level nav title holding them.

On the notebook pages the markup mkdocs-jupyter inlines is trimmed: its ~600 KB of <style>, its
<script>s (MathJax, clipboard, require.js from CDNs), the per-cell copy widget and tag toolbar;
`$…$`/`$$…$$` in markdown cells become arithmatex spans for sitebuild.math. Cells are styled by
docs/stylesheets/notebooks.css.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import nbformat
from mkdocs.structure.files import File

from sitebuild import execution
from sitebuild.scan import CALLOUT, INCLUDE, page_blocks

TORCH = version("torch").split("+")[0]  # the torch that printed the outputs, e.g. 2.13.0

log = logging.getLogger("mkdocs.plugins.sitebuild.notebooks")

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

_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)\)")
_MARK = re.compile(r"==(?P<text>[^=\n]+)==")
_SVG_TITLE = re.compile(r"<title[^>]*>(?P<title>.*?)</title>", re.DOTALL)


# ---------------------------------------------------------------------------------------------
# Pages -> blocks


def prose_markdown(text: str) -> str:
    """Site Markdown -> notebook Markdown: callout titles bold, links plain, ==mark== bold."""
    out = []
    for line in text.splitlines():
        callout = CALLOUT.match(line)
        if callout:
            line = f"**{callout['title']}**" if callout["title"] else ""
        out.append(line)
    text = "\n".join(out).strip()
    text = _LINK.sub(lambda m: m["text"], text)
    text = INCLUDE.sub(lambda m: (ROOT / m["path"]).read_text(encoding="utf-8").rstrip(), text)
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
                if in_exercises and CALLOUT.match(block.text.splitlines()[0] or ""):
                    head = CALLOUT.match(block.text.splitlines()[0])
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
    """The notebook (nbformat 4.5, stable ids) with each code cell's printed output."""
    notebook = nbformat.v4.new_notebook(metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    })
    count = 0
    for cell in cells:
        if cell.cell_type == "markdown":
            notebook.cells.append(nbformat.v4.new_markdown_cell(cell.source, id=cell.id))
            continue
        count += 1
        shown = cell.snippet and "solution" not in cell.tags  # a solution shows on running
        text = output_of(cell.source) if shown else ""
        outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)] if text else []
        item = nbformat.v4.new_code_cell(
            cell.source, id=cell.id, execution_count=count, outputs=outputs
        )
        if cell.tags:
            item.metadata["tags"] = cell.tags
        if "solution" in cell.tags:
            item.metadata["jupyter"] = {"source_hidden": True}
        notebook.cells.append(item)
    return nbformat.writes(notebook) + "\n"


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


def notebook(slug: str, title: str, paths: list[str], docs_dir: Path, output_of) -> str:
    """The notebook JSON of one chapter (paths: its pages, in nav order)."""
    pages = [(docs_dir / path).read_text(encoding="utf-8") for path in paths]
    return notebook_json(chapter_cells(slug, title, pages, output_of), output_of)


class ChapterNotebooks:
    """One build's notebooks. Added as files under .cache/notebooks/ (git-ignored;
    mkdocs-jupyter reads `abs_src_path`), written only when MkDocs is about to read each one:
    MkDocs reads them after the chapters' pages, so on a cold build every snippet has run for
    its page by then and here it is a cache hit. A changed notebook also refreshes the
    committed copy under notebooks/ (the one Colab opens)."""

    def __init__(self):
        self.pending: dict[str, tuple[str, str, list[str]]] = {}  # src_uri -> chapter
        self.written = self.cells = self.ran = 0

    def output_of(self, code: str) -> str:
        output, ran = execution.cached_output(code)
        self.cells += 1
        self.ran += ran
        return output

    def add_files(self, files, config, folder: Path):
        for slug, title, paths in chapters(config.nav):
            src_uri = f"{NOTEBOOK_DIR}/{slug}.ipynb"
            self.pending[src_uri] = (slug, title, paths)
            files.append(File(src_uri, str(folder), config.site_dir, config.use_directory_urls))
        return files

    def write_before_read(self, page, config) -> None:
        chapter = self.pending.pop(page.file.src_uri, None)
        if chapter is None:
            return
        text = notebook(*chapter, Path(config.docs_dir), self.output_of)
        committed = Path(config.config_file_path).parent / page.file.src_uri
        for target in (Path(page.file.abs_src_path), committed):
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        self.written += 1

    def report(self) -> None:
        if self.written:
            log.info("notebooks: %d generated, %d outputs (%d run now, the rest from the cache)",
                     self.written, self.cells, self.ran)


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


def notebook_page(page, config) -> None:
    """What overrides/partials/actions.html shows on a notebook page: download, Colab."""
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

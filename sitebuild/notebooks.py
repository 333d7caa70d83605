"""One runnable Jupyter notebook per chapter, generated from the chapter's pages.

The snippets stay the only source of code: each `--8<--` include of a chapter's pages (nav
order) becomes a code cell with the snippet's exact text, after the headings and paragraph
that lead to it; 动手练习 becomes question / empty cell / solution (tagged, folded, no stored
output); figures become a note (they need sitekit). The first cell is a visible setup, with no
per-cell hook: the notebook runs like a plain script. Outputs come from
sitebuild.execution.cached_output, as the pages', so mkdocs-jupyter renders with execute: false.
A chapter is the nav's `notebooks/<slug>.ipynb` with every nav page under `docs/<slug>/`.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
from importlib.metadata import version
from pathlib import Path

import nbformat
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

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
_NOTEBOOK = re.compile(rf"{NOTEBOOK_DIR}/(?P<slug>.*)\.ipynb")


def prose_markdown(text: str) -> str:
    """Site Markdown -> notebook Markdown: callout titles bold, links plain, ==mark== bold."""
    out = []
    for line in text.splitlines():
        callout = CALLOUT.match(line)
        if callout:
            line = f"**{callout['title']}**" if callout["title"] else ""
        out.append(line)
    text = _LINK.sub(r"\g<text>", "\n".join(out).strip())
    text = INCLUDE.sub(lambda m: (ROOT / m["path"]).read_text(encoding="utf-8").rstrip(), text)
    return _MARK.sub(lambda m: f"**{m['text']}**", text)


def _code(cell_id: str, source: str, output_of=None, solution: bool = False):
    """A code cell holding, with output_of, what the snippet prints on its page. Plain nodes:
    nbformat.v4.new_* validate every cell (0.2 s a build); writes() validates once."""
    text = output_of(source) if output_of else ""
    outputs = [{"output_type": "stream", "name": "stdout", "text": text}] if text else []
    metadata = {"tags": ["solution"], "jupyter": {"source_hidden": True}} if solution else {}
    return nbformat.from_dict({"cell_type": "code", "id": cell_id, "source": source,
                               "metadata": metadata, "outputs": outputs, "execution_count": None})


def _markdown(cell_id: str, source: str):
    return nbformat.from_dict(dict(cell_type="markdown", id=cell_id, source=source, metadata={}))


def _stem(path: str) -> str:
    return path.removeprefix("snippets/").removesuffix(".py").replace("/", "-")


def chapter_cells(slug: str, title: str, pages: list[str], output_of) -> list:
    """Cells of a chapter's notebook; pages are the pages' Markdown in nav order, and
    output_of(code) what a snippet prints (a figure's SVG gives its title to the note)."""
    cells = [
        _markdown(
            f"{slug}-title",
            f"# {title} · 动手笔记本\n\n"
            f"本笔记本收录“{title}”一章的全部代码，顺序与网页相同，每段代码前是网页上的简短说明。"
            f"从上到下依次运行即可复现网页上的每一个输出（网页上的输出由 PyTorch {TORCH} 在 CPU 上"
            "打印；别的版本个别数字的末位可能不同）。章末的“动手练习”先自己写，再展开参考答案。",
        ),
        _code(f"{slug}-setup", SETUP),
    ]
    shift = 1 if len(pages) > 1 else 0
    for markdown in pages:
        stack: list[list] = []  # [level, text, emitted]
        prose, exercise, in_exercises = None, None, False  # exercise: the question's Markdown
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
                head = CALLOUT.match(block.text.splitlines()[0]) if in_exercises else None
                if head and head["kind"] == "question":
                    body = "\n".join(block.text.splitlines()[1:])
                    exercise = f"### {head['title']}\n\n{prose_markdown(body)}"
                elif in_exercises and exercise and block.depth == 1:  # the question's body
                    exercise += "\n\n" + prose_markdown(block.text)
                elif block.depth <= 1 or not in_exercises:
                    prose = prose_markdown(block.text)
                continue
            # an exec block
            parts = [f"{'#' * min(6, n + shift)} {text}" for n, text, done in stack if not done]
            for entry in stack:
                entry[2] = True
            for path in block.snippets:
                stem = _stem(path)
                code = (ROOT / path).read_text(encoding="utf-8")
                if block.figure:
                    output = output_of(code)
                    found = _SVG_TITLE.search(output)
                    name = html.unescape(found["title"]) if found else "图"
                    note = (
                        f"> 📈 这里网页上有一张图：**{name}**（由构建网站时运行的 `{path}` 绘制，"
                        "它用到本仓库的 `sitekit` 绘图模块，所以不放进笔记本；请在网页上查看）。"
                    )
                    steps = _frames(output)
                    cells.append(_markdown(f"{stem}-figure", "\n\n".join([*parts, note, *steps])))
                    parts = []
                    continue
                if in_exercises and exercise is not None:
                    if exercise:  # the question, once
                        cells.append(_markdown(f"{stem}-question", "\n\n".join([*parts, exercise])))
                        exercise, parts = "", []
                    if block.depth < 2:  # code the question shows (a broken snippet to debug)
                        cells.append(_code(stem, code, output_of))
                        continue
                    cells += [_code(f"{stem}-try", LEARNER_CELL), _code(stem, code, solution=True)]
                    exercise = None
                    continue
                if prose:
                    parts.append(prose)
                if parts:
                    cells.append(_markdown(f"{stem}-md", "\n\n".join(parts)))
                cells.append(_code(stem, code, output_of))
                parts, prose = [], None
            prose = None
    return cells


def _frames(output: str) -> list[str]:
    """A stepper's or explorer's frames (sitekit.watch) as plain HTML, each with its label: the
    notebook shows every step, as the page does without JavaScript."""
    if "data-watch" not in output:
        return []
    from bs4 import BeautifulSoup

    frames = BeautifulSoup(output, "html.parser").select_one(".watch__frames")
    for frame in frames.select("[data-frame]"):
        label = f"<strong>{html.escape(frame['data-label'])}</strong> "
        frame.insert(0, BeautifulSoup(label, "html.parser"))
        frame.attrs = {}
    for code in frames.select("pre > code"):
        code["tabindex"] = "0"  # a block that may scroll can take focus, as on the pages
    frames.attrs = {}
    return ["网页上可以一步一步点着看；这里列出全部步骤：", str(frames)]


def _walk(nav, title=None):
    """(top-level title, path) for every page of the nav."""
    for item in nav or []:
        for key, value in item.items() if isinstance(item, dict) else [(title, item)]:
            if isinstance(value, str):
                yield title or key, value
            else:
                yield from _walk(value, title or key)


def chapters(nav) -> list[tuple[str, str, list[str]]]:
    """(slug, chapter title, page paths) of each notebook listed in the nav."""
    pages = list(_walk(nav))
    found = []
    for slug in [listed["slug"] for _, path in pages if (listed := _NOTEBOOK.fullmatch(path))]:
        members = [(top, p) for top, p in pages if p.startswith(f"{slug}/")]
        if members:
            found.append((slug, members[0][0], [p for _, p in members]))
    return found


def notebook(slug: str, title: str, paths: list[str], docs_dir: Path, output_of) -> str:
    """The notebook JSON of one chapter (paths: its pages, in nav order; stable cell ids)."""
    pages = [(docs_dir / path).read_text(encoding="utf-8") for path in paths]
    kernel = {"display_name": "Python 3", "language": "python", "name": "python3"}
    notebook = nbformat.v4.new_notebook(
        cells=chapter_cells(slug, title, pages, output_of),
        metadata={"kernelspec": kernel, "language_info": {"name": "python"}},
    )
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for count, cell in enumerate(code, start=1):
        cell.execution_count = count
    return nbformat.writes(notebook) + "\n"


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
    return _NOTEBOOK.fullmatch(page.file.src_uri) is not None


_JUNK = ".zeroclipboard-container, .clipboard-copy-txt, .celltoolbar, .anchor-link"
# mkdocs-jupyter's inlined CSS and scripts are nine tenths of its page: cut before parsing
_STYLE_SCRIPT = re.compile(r"<(style|script)\b[^>]*>.*?</\1>", re.DOTALL)
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$")


def _math(text: str) -> str:
    text = html.escape(text, quote=False)
    text = _DISPLAY_MATH.sub(lambda m: f'<div class="arithmatex">\\[{m[1]}\\]</div>', text)
    return _INLINE_MATH.sub(lambda m: f'<span class="arithmatex">\\({m[1]}\\)</span>', text)


def clean_notebook_html(content: str, page=None) -> str:
    """The cleaned page from the exec cache (parsing mkdocs-jupyter's 1.7 MB of notebook HTML
    costs a build about 2 s), or cleaned now and stored; with `page`, its TOC set."""
    key = hashlib.sha256(Path(__file__).read_bytes() + b"\0" + content.encode()).hexdigest()
    cached = execution.load(key) if execution.cache_enabled() else None
    if cached is None:
        cached = json.dumps(_clean(content), ensure_ascii=False)
        if execution.cache_enabled():
            execution.save(key, cached)
    html_text, tokens = json.loads(cached)
    if page is not None:
        page.toc = get_toc(nest_toc_tokens(tokens))
    return html_text


def _clean(content: str) -> list:
    """mkdocs-jupyter's page, lighter and in the site's style (docs/stylesheets/notebooks.css):
    not its ~600 KB of inlined <style>, its <script>s (MathJax, clipboard, require.js from CDNs),
    copy widget or tag toolbar; `$…$`/`$$…$$` in markdown cells as arithmatex spans for
    sitebuild.math; headings slugged like the site's (mkdocs-jupyter's slugify drops Chinese)
    with a TOC to match; solutions folded."""
    from bs4 import BeautifulSoup, Comment
    from markdown.extensions.toc import unique
    from pymdownx.slugs import slugify

    soup = BeautifulSoup(_STYLE_SCRIPT.sub("", content), "html.parser")
    for junk in [*soup.select(_JUNK), *soup.find_all(string=lambda s: isinstance(s, Comment))]:
        junk.extract()
    for cell in soup.select(".jp-RenderedMarkdown"):
        for text in cell.find_all(string=lambda text: "$" in text):
            if not text.find_parent(["code", "pre"]):
                text.replace_with(BeautifulSoup(_math(text), "html.parser"))
    for pre in soup.find_all("pre"):  # a cell that scrolls sideways needs keyboard focus (axe)
        pre["tabindex"] = "0"
    slug, ids, tokens = slugify(case="lower"), set(), []
    for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        name = heading.get_text().strip()
        heading["id"] = ident = unique(slug(name, "-") or "section", ids)  # the toc extension's
        link = {"class": "headerlink", "href": f"#{ident}", "title": "Permanent link"}
        heading.append(soup.new_tag("a", attrs=link, string="¶"))
        tokens.append({"level": int(heading.name[1]), "id": ident, "name": html.escape(name)})
    for cell in soup.select("div.jp-Cell.celltag_solution"):
        if cell.find_parent("details"):
            continue  # inside a solution already folded
        details = cell.wrap(soup.new_tag("details", attrs={"class": "success notebook-solution"}))
        details.insert(0, soup.new_tag("summary", string="参考答案"))
    return [str(soup), tokens]


def notebook_page(page, config) -> None:
    """What overrides/partials/actions.html shows on a notebook page: download, Colab."""
    repository = (config.extra or {}).get("repository") or ""
    page.meta.setdefault(
        "description", f"“{page.title}”一章的可运行 Jupyter 笔记本：代码、输出与动手练习。"
    )
    page.ipynb_name = name = Path(page.file.src_uri).name
    colab = f"https://colab.research.google.com/github/{repository}/blob/main/{NOTEBOOK_DIR}/"
    page.colab_url = colab + name if repository.count("/") == 1 else None

"""先讲后用: a page shows no torch API and no term that only a later page introduces.

Each page registers what it introduces in its own front matter:

    teaching:
      terms:                 # {术语: 定义}, the definition the 术语表 (docs/glossary.md) shows
        叶子张量: >-
          没有 `grad_fn` 的张量：…
      apis: [torch.sigmoid, F.relu, nn.Linear, .backward, retain_graph=]

APIs are written as the code shows them: torch.xxx, F.xxx (torch.nn.functional), nn.xxx
(torch.nn); .xxx for a method or attribute of a tensor, module or optimizer; xxx= for a keyword
argument. The tests fail when a page shows an API or uses a term before the page that
introduces it, when shown code uses a torch API no page registers, when a page neither shows
nor names what it registers, and when a page's first use of a term is not a link to the term's
entry in the 术语表.

The pages are read in nav order with the one Markdown reader the notebooks use
(sitebuild/scan.py `page_blocks`); the code a page shows is read with `ast`: calls and
attributes of torch, F, nn, …, tensor/module/optimizer methods and attributes, and the
registered keywords. A folded callout whose title starts with 预告 is a preview and may look
ahead. docs/glossary.md is generated from the registrations; after editing one, run
    .venv/bin/python tests/test_teaching.py      # rewrite docs/glossary.md
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import ROOT  # noqa: E402

from sitebuild import notebooks  # noqa: E402
from sitebuild.scan import page_blocks  # noqa: E402

GLOSSARY = ROOT / "docs" / "glossary.md"
OVERVIEWS = {"index.md", "mistakes/index.md", "glossary.md"}  # tables of contents, by design
REFERENCE = "mistakes/"  # reference pages, not lessons: no limit on their code blocks
MAX_SHOWN_BLOCKS = 12
PREVIEW = re.compile(r"^\[!\w+\]-\s*预告")
SHORT = [("torch.nn.functional.", "F."), ("torch.nn.", "nn.")]
INLINE_CODE = re.compile(r"`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)  # code and TeX
FENCED = re.compile(r"^(`{3,}).*?^\1", re.MULTILINE | re.DOTALL)
SHOWN_INCLUDE = re.compile(r'^```python\n--8<-- "(snippets/[^"]+\.py)"\n```$', re.MULTILINE)
LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)[^)]*\)")



# ---------------------------------------------------------------------------------------------
# What the site registers, and what its pages show


@dataclass
class Registry:
    terms: dict[str, tuple[str, str]]  # term -> (page, definition)
    apis: dict[str, str]  # API -> page

    @property
    def keywords(self) -> set[str]:
        return {api for api in self.apis if api.endswith("=")}


def front_matter(markdown: str) -> dict:
    """A page's front matter, as MkDocs reads it."""
    meta = get_data(markdown)[1]
    assert meta or not markdown.startswith("---\n"), "front matter MkDocs cannot read"
    return meta


def registry_of(metas: dict[str, dict]) -> Registry:
    """The registry from each page's front matter (page -> meta, in nav order)."""
    terms, apis = {}, {}
    for page, meta in metas.items():
        entry = meta.get("teaching") or {}
        assert set(entry) <= {"terms", "apis"}, f"{page}: teaching: has {sorted(entry)}"
        for term, definition in (entry.get("terms") or {}).items():
            assert term not in terms, f"{term} is registered on {terms[term][0]} and {page}"
            terms[term] = (page, _unfold(definition))
        for api in entry.get("apis") or []:
            assert api not in apis, f"{api} is registered on {apis[api]} and {page}"
            apis[api] = page
    return Registry(terms, apis)


def load_registry(pages: list[tuple[str, str]] | None = None) -> Registry:
    """The registry of pages (path, Markdown) in nav order; the site's nav pages by default."""
    pages = site_pages() if pages is None else pages
    return registry_of({path: front_matter(markdown) for path, markdown in pages})


def _unfold(text: str) -> str:
    """YAML folds a line break into a space; next to a Chinese character it is none."""
    pieces = text.split()
    out = pieces[0]
    for piece in pieces[1:]:
        out += " " + piece if out[-1].isascii() and piece[0].isascii() else piece
    return out


class _Loose(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and !!python tags read as plain values."""


_Loose.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_pages() -> list[str]:
    """The Markdown pages of the nav, in nav order."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loose)
    return [path for _, path in notebooks._walk(config["nav"]) if path.endswith(".md")]


@dataclass
class Shown:
    """What a page shows a learner outside preview callouts."""

    snippets: list[str] = field(default_factory=list)  # shown source
    prose: list[str] = field(default_factory=list)  # paragraphs, callout titles, headings
    paragraphs: list[str] = field(default_factory=list)  # where a term can be a link
    blocks: int = 0  # shown code blocks


def shown(markdown: str) -> Shown:
    result = Shown()
    preview_depth = None
    for block in page_blocks(markdown):
        callout = block.kind == "prose" and block.text.startswith("[!")
        if callout and (preview_depth is None or block.depth <= preview_depth):
            preview_depth = block.depth if PREVIEW.match(block.text) else None
        elif preview_depth is not None and (block.kind == "heading" or block.depth < preview_depth):
            preview_depth = None
        if preview_depth is not None:
            continue
        if block.kind == "exec" and block.shown:
            result.blocks += 1
            result.snippets.extend(block.snippets)
        elif block.kind in ("prose", "heading"):
            shown_code = SHOWN_INCLUDE.findall(block.text)  # a 预测 question's code, not run
            result.snippets.extend(shown_code)
            result.blocks += len(shown_code)
            result.prose.append(block.text)
            if block.kind == "prose":
                body = [line for line in block.text.splitlines() if not line.startswith("[!")]
                result.paragraphs.append("\n".join(body))
    return result


@cache
def _members() -> frozenset[str]:
    """Names a learner meets as methods or attributes of tensors, modules and optimizers."""
    import torch

    names = set()
    for cls in (torch.Tensor, torch.nn.Module, torch.optim.Optimizer):
        names.update(n for n in dir(cls) if not n.startswith("_"))
    return frozenset(names - set(dir(str)) - set(dir(list)) - set(dir(dict)))  # "a b".split()


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _canonical(name: str) -> str:
    for long, short in SHORT:
        if name.startswith(long):
            return short + name[len(long) :]
    return name


def apis_in(code: str, keywords: set[str]) -> set[str]:
    """torch APIs a piece of code uses: `torch.sigmoid`, `F.relu`, `.backward`, `retain_graph=`."""
    import importlib

    tree = ast.parse(code)
    aliases: dict[str, str] = {}
    found: set[str] = set()
    others: set[str] = set()  # other modules: math.sqrt is not the tensor method .sqrt
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                if alias.name.split(".")[0] == "torch":
                    aliases[local] = alias.name if alias.asname else local
                else:
                    others.add(local)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "torch":
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                aliases[alias.asname or alias.name] = target
                try:
                    importlib.import_module(target)  # a module: counts where it is used
                except ImportError:
                    found.add(_canonical(target))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            chain = _dotted(node)
            root = chain.split(".")[0] if chain else None
            if root in aliases:
                parent = parents.get(node)
                if not (isinstance(parent, ast.Attribute) and parent.value is node):
                    found.add(_canonical(aliases[root] + chain[len(root) :]))
            elif node.attr in _members() and root not in others:
                found.add(f".{node.attr}")
        elif isinstance(node, ast.Call):
            found.update(f"{k.arg}=" for k in node.keywords if f"{k.arg}=" in keywords)
    return found


def _plain(text: str) -> str:
    """Prose without code and link addresses: what a term search should read."""
    return LINK.sub(lambda m: m["text"], INLINE_CODE.sub(" ", FENCED.sub(" ", text)))


# ---------------------------------------------------------------------------------------------
# The checks, as functions of pages so that a planted violation can be tested


def violations(pages: list[tuple[str, str]], registry: Registry, read=None) -> list[str]:
    """Every use before introduction, unregistered API, and false registration; pages are
    (path, Markdown) in nav order, read(snippet) gives a snippet's code."""
    read = read or (lambda s: (ROOT / s).read_text(encoding="utf-8"))
    order = {path: i for i, (path, _) in enumerate(pages)}
    problems = []
    used_on: dict[str, set[str]] = {}
    for path, markdown in pages:
        if path in OVERVIEWS:
            continue
        page = shown(markdown)
        for snippet in page.snippets:
            for api in sorted(apis_in(read(snippet), registry.keywords)):
                used_on.setdefault(api, set()).add(path)
                home = registry.apis.get(api)
                if home is None:
                    problems.append(f"{path}: {snippet} uses {api}, which no page registers")
                elif order.get(home, len(pages)) > order[path]:
                    problems.append(f"{path}: {snippet} uses {api} before {home} introduces it")
        text = _plain("\n".join(page.prose))
        for term, (home, _) in registry.terms.items():
            if _uses(text, term, registry) and order.get(home, len(pages)) > order[path]:
                problems.append(f"{path}: the prose uses {term} before {home} introduces it")
    markdown_of = dict(pages)
    for api, home in registry.apis.items():
        bare = api.strip(".=").split(".")[-1]
        if home not in markdown_of:
            problems.append(f"{home}: registers {api} but is not a nav page")
        elif home not in used_on.get(api, set()) and bare not in markdown_of[home]:
            problems.append(f"{home}: registers {api} but neither shows nor names it")
    for term, (home, _) in registry.terms.items():
        if home not in markdown_of or term not in _plain(markdown_of[home]):
            problems.append(f"{home}: registers the term {term} but does not use it")
    return problems


def glossary_anchor(term: str) -> str:
    from pymdownx.slugs import slugify

    return slugify(case="lower")(term, "-")


def unlinked_terms(pages: list[tuple[str, str]], registry: Registry) -> list[str]:
    """Pages whose first use of a term (outside the page that introduces it) is not a link
    to the term's entry in the 术语表."""
    problems = []
    for path, markdown in pages:
        if path in OVERVIEWS:
            continue
        prose = "\n".join(shown(markdown).paragraphs)
        prose = INLINE_CODE.sub(lambda m: " " * len(m[0]), FENCED.sub(" ", prose))
        links = [(m.start("text"), m.end("text"), m["href"]) for m in LINK.finditer(prose)]
        for m in LINK.finditer(prose):  # a term inside an address is not a use
            prose = prose[: m.end("text")] + " " * (m.end() - m.end("text")) + prose[m.end() :]
        for term, (home, _) in registry.terms.items():
            if home == path:
                continue
            for start in _uses(prose, term, registry):
                href = next((h for s, e, h in links if s <= start < e), None)
                if href is not None and "glossary.md#" not in href:
                    continue  # inside a link to a page: the next use must link
                if not (href or "").endswith(f"glossary.md#{glossary_anchor(term)}"):
                    problems.append(f"{path}: first use of {term} does not link to the 术语表")
                break
    return problems


def _uses(text: str, term: str, registry: Registry) -> list[int]:
    """Where a term is used, not counting its use inside a longer term (梯度 in 梯度消失)."""
    longer = [t for t in registry.terms if term in t and t != term]
    covered = {i for t in longer for m in re.finditer(re.escape(t), text) for i in range(*m.span())}
    return [m.start() for m in re.finditer(re.escape(term), text) if m.start() not in covered]


def site_pages() -> list[tuple[str, str]]:
    return [(p, (ROOT / "docs" / p).read_text(encoding="utf-8")) for p in nav_pages()]


# ---------------------------------------------------------------------------------------------
# The 术语表 page, generated from the registry


def glossary_markdown(registry: Registry, pages: list[tuple[str, str]]) -> str:
    titles = {path: _title(markdown) for path, markdown in pages}
    lines = [
        "---",
        "search:",
        "  boost: 0.5                      # a lesson page comes before its entry here",
        "description: 本站讲到的术语和 PyTorch API 一览：每个术语的定义，以及它在哪一页首次讲解。",
        "---",
        "",
        "<!-- 由各页 front matter 的 teaching: 生成，请勿手改：改过之后运行"
        " .venv/bin/python tests/test_teaching.py -->",
        "",
        "# 术语表",
        "",
        "本站按“先讲后用”的顺序编排：每个术语、每个 PyTorch API 都在下面列出的那一页**首次讲解**，"
        "之前的页面不会用到它。术语按首次出现的页面排列。",
        "",
        "## 术语",
        "",
    ]
    for path, _ in pages:
        for term, (home, definition) in registry.terms.items():
            if home == path:
                where = f"首次讲解：[{titles[path]}]({path})"
                lines += [f"### {term}", "", definition, "", where, ""]
    lines += ["## PyTorch API", "", "| API | 首次讲解 |", "|---|---|"]
    for path, _ in pages:
        for api, home in registry.apis.items():
            if home == path and not api.startswith("."):
                lines.append(f"| `{api}` | [{titles[path]}]({path}) |")
    lines += ["", "张量、模块和优化器的方法与属性：", "", "| 方法或属性 | 首次讲解 |", "|---|---|"]
    for path, _ in pages:
        for api, home in registry.apis.items():
            if home == path and api.startswith("."):
                lines.append(f"| `{api}` | [{titles[path]}]({path}) |")
    return "\n".join(lines) + "\n"


def _title(markdown: str) -> str:
    return next(b.text for b in page_blocks(markdown) if b.kind == "heading")


# ---------------------------------------------------------------------------------------------
# Tests


def test_no_page_uses_what_a_later_page_introduces():
    problems = violations(site_pages(), load_registry())
    assert not problems, "先讲后用:\n" + "\n".join(problems)


def test_a_planted_use_before_introduction_is_named():
    pages = [
        (
            "first.md",
            "---\nteaching:\n  apis: [torch.ones]\n---\n\n# A\n\n"
            '```python exec="1" source="above"\n--8<-- "snippets/a_001.py"\n```\n',
        ),
        (
            "second.md",
            "---\ndescription: B\nteaching:\n  terms:\n    叶子张量: >-\n      定义。\n"
            "  apis: [.backward, retain_graph=]\n---\n\n# B\n\n"
            "叶子张量。`.backward(retain_graph=True)`\n",
        ),
    ]
    registry = load_registry(pages)
    second = {"terms": {"叶子张量": "定义。"}, "apis": [".backward", "retain_graph="]}
    assert registry == registry_of(
        {"first.md": {"teaching": {"apis": ["torch.ones"]}}, "second.md": {"teaching": second}}
    )
    code = "import torch\nx = torch.ones(1)\nx.backward(retain_graph=True)\nx.numel()\n"
    problems = violations(pages, registry, read=lambda s: code)
    assert problems == [
        "first.md: snippets/a_001.py uses .backward before second.md introduces it",
        "first.md: snippets/a_001.py uses .numel, which no page registers",
        "first.md: snippets/a_001.py uses retain_graph= before second.md introduces it",
    ]
    planted_term = [("first.md", "# A\n\n一个叶子张量。\n"), *pages[1:]]
    assert violations(planted_term, registry, read=lambda s: "")[0] == (
        "first.md: the prose uses 叶子张量 before second.md introduces it"
    )
    preview = [("first.md", "# A\n\n> [!note]- 预告：下一页\n> 叶子张量。\n"), *pages[1:]]
    assert not [p for p in violations(preview, registry, read=lambda s: "") if "叶子" in p]
    false = registry_of({
        "first.md": {"teaching": {"apis": ["torch.ones", "torch.zeros"]}},
        "second.md": {"teaching": {**second, "terms": {"叶子张量": "定义。", "计算图": "定义。"}}},
        "elsewhere.md": {"teaching": {"apis": [".numel"]}},
    })  # fmt: skip
    assert violations(pages, false, read=lambda s: code)[-3:] == [
        "first.md: registers torch.zeros but neither shows nor names it",
        "elsewhere.md: registers .numel but is not a nav page",
        "second.md: registers the term 计算图 but does not use it",
    ]


def test_only_nav_pages_register():
    """A registration on a page outside the nav would never be read."""
    nav = set(nav_pages())
    outside = [
        path.relative_to(ROOT / "docs").as_posix()
        for path in (ROOT / "docs").rglob("*.md")
        if path.relative_to(ROOT / "docs").as_posix() not in nav
        and "teaching" in front_matter(path.read_text(encoding="utf-8"))
    ]
    assert not outside, outside


def test_apis_are_read_from_the_code_not_from_strings():
    code = (
        "import math\nimport torch\nfrom torch.nn import functional as F\nimport torch.nn as nn\n"
        "from torch.autograd import grad\n"
        "x = torch.linspace(-1, 1, 5)\ny = F.relu(x).sum()\nm = nn.Linear(2, 1)\n"
        "print('x.backward()', x.grad, torch.nn.functional.softmax(x, dim=0), math.sqrt(2))\n"
    )
    assert apis_in(code, {"dim="}) == {
        "torch.linspace", "F.relu", ".sum", "nn.Linear", "torch.autograd.grad", ".grad",
        "F.softmax", "dim=",
    }  # fmt: skip


def test_first_use_of_a_term_links_to_the_glossary():
    problems = unlinked_terms(site_pages(), load_registry())
    assert not problems, "\n".join(problems)


def test_glossary_page_is_generated_from_the_registry():
    expected = glossary_markdown(load_registry(), site_pages())
    assert GLOSSARY.read_text(encoding="utf-8") == expected, (
        "docs/glossary.md is stale: run .venv/bin/python tests/test_teaching.py"
    )


def test_no_lesson_page_shows_more_than_twelve_code_blocks():
    counts = {p: shown(md).blocks for p, md in site_pages() if not p.startswith(REFERENCE)}
    assert all(n <= MAX_SHOWN_BLOCKS for n in counts.values()), counts


EXERCISE = re.compile(r"^\[!question\][-+]?\s*练习\s*\d+（(?P<kind>预测|调试|推导)）", re.MULTILINE)


def test_every_lesson_page_ends_with_exercises_of_the_three_kinds():
    """Each lesson page: a 动手练习 section with >= 2 exercises, each labelled 预测 (predict the
    output), 调试 (fix a broken snippet) or 推导 (derive, then check numerically)."""
    kinds: set[str] = set()
    for path, markdown in site_pages():
        if path in OVERVIEWS or path.startswith(REFERENCE):
            continue
        assert "\n## 动手练习\n" in markdown, f"{path} has no 动手练习 section"
        section = markdown.split("\n## 动手练习\n", 1)[1]
        questions = [
            b.text for b in page_blocks(section) if b.text.startswith("[!question]")
        ]
        labelled = [m["kind"] for q in questions if (m := EXERCISE.match(q))]
        assert len(labelled) == len(questions) >= 2, f"{path}: {questions}"
        kinds.update(labelled)
    assert kinds == {"预测", "调试", "推导"}


def test_the_glossary_defines_the_terms_the_issue_names():
    terms = load_registry().terms
    for term in ("叶子张量", "计算图", "动态图", "雅可比矩阵", "学习率", "初始化"):
        assert term in terms


if __name__ == "__main__":
    GLOSSARY.write_text(glossary_markdown(load_registry(), site_pages()), encoding="utf-8")
    print(f"wrote {GLOSSARY.relative_to(ROOT)}")

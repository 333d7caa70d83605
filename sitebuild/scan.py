"""The one reader of the pages' Markdown source: headings, code fences and prose, in order.

Everything that needs to know where a page's fences, includes or callouts are (the notebooks,
the Obsidian lint, the errata index, the tests) asks this module, which asks markdown-it-py:
fences of any length, inside callouts (blockquotes) or not, are found the way a CommonMark
reader finds them. Prose is kept as the author's source lines (quote prefixes removed), split at
blank lines, because the notebooks copy it as Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

_parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
INCLUDE = re.compile(r'--8<--\s+"(?P<path>snippets/[^"]+\.py)"')
CALLOUT = re.compile(r"^\[!(?P<kind>\w+)\][-+]?\s*(?P<title>.*)$")
_PROSE = {
    "paragraph_open", "bullet_list_open", "ordered_list_open", "table_open", "html_block", "hr",
}


@dataclass
class Block:
    kind: str  # heading | exec (an executed fence) | prose (a shown fence is prose too)
    text: str = ""  # heading text, or prose with quote prefixes removed
    level: int = 0  # heading level
    depth: int = 0  # callout (blockquote) nesting
    snippets: list[str] = field(default_factory=list)  # the --8<-- includes of an exec block
    figure: bool = False  # html="1": the block prints HTML (an SVG figure)
    shown: bool = False  # the page shows the block's source (source="…")


def _unquote(line: str, depth: int) -> str:
    return re.sub(rf"^(?: *(?:> ?)?){{{depth}}}", "", line)  # `depth` quote prefixes off


def page_blocks(markdown: str) -> list[Block]:
    lines = markdown.splitlines()
    tokens = _parser.parse(markdown)
    blocks: list[Block] = []
    last = 0  # the last line of the latest prose block
    depth, inside = 0, None  # inside: the closing token type of a prose container being skipped

    def prose(start: int, end: int, whole: bool = False) -> None:
        """Lines start..end as prose, split at blank lines (a shown code block stays whole);
        a paragraph right below the previous one, no blank line between, joins it."""
        nonlocal last
        for number in range(start, end + 1):
            text = _unquote(lines[number - 1], depth)
            if not (text.strip() or whole):
                continue
            previous = blocks[-1] if blocks else None
            if previous and previous.kind == "prose" and last == number - 1:
                previous.text += "\n" + text
            else:
                blocks.append(Block("prose", text, depth=depth))
            last = number

    for index, token in enumerate(tokens):
        if inside:
            if token.type == inside[0] and token.level == inside[1]:
                inside = None
            continue
        start, end = (token.map[0] + 1, token.map[1]) if token.map else (0, 0)
        if token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif token.type == "heading_open" and depth == 0:
            blocks.append(Block("heading", tokens[index + 1].content, level=int(token.tag[1])))
        elif token.type == "fence" and 'exec="1"' in token.info:
            found = [m["path"] for m in INCLUDE.finditer(token.content)]
            info = token.info
            blocks.append(Block("exec", depth=depth, snippets=found,
                                figure='html="1"' in info, shown="source=" in info))
        elif token.type in ("fence", "code_block"):
            prose(start, end, whole=True)  # a code block the page shows, blank lines and all
        elif token.type in _PROSE or token.type == "heading_open":  # a heading in a callout
            prose(start, end)
            if token.nesting == 1:
                inside = (token.type.replace("_open", "_close"), token.level)
    return blocks


def code_lines(markdown: str) -> set[int]:
    """The line numbers (from 1) that belong to code fences and indented code blocks."""
    lines: set[int] = set()
    for token in _parser.parse(markdown):
        if token.type in ("fence", "code_block") and token.map:
            lines.update(range(token.map[0] + 1, token.map[1] + 1))
    return lines

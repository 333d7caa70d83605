"""MkDocs hook: fail the build on Obsidian syntax that would reach readers unconverted.

Authors write in Obsidian; the build converts callouts (mkdocs-callouts), `==marks==` and
math, but not embeds or wikilinks, and Python-Markdown silently passes some math mistakes
through as raw text. Each finding is a warning naming the page and line, so
`mkdocs build --strict` fails. Code fences are skipped.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger("mkdocs.hooks.obsidian_lint")

# Material's admonition types and their aliases: what a `> [!type]` callout can become.
KNOWN_CALLOUTS = {
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important",
    "success", "check", "done", "question", "help", "faq", "warning", "caution", "attention",
    "failure", "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
}  # fmt: skip

_FENCE = re.compile(r"^\s*(?:>\s*)*(```|~~~)")
_QUOTE_PREFIX = re.compile(r"^\s*(?:>\s?)*")
_CALLOUT = re.compile(r"^\s*(?:>\s*)+\[!(?P<type>[^\]]+)\]")
_EMBED = re.compile(r"!\[\[[^\]]*\]\]")
_WIKILINK = re.compile(r"(?<!!)\[\[[^\]]*\]\]")
_INLINE_CODE = re.compile(r"`[^`]*`")


def find_problems(markdown: str) -> list[tuple[int, str]]:
    problems: list[tuple[int, str]] = []
    in_fence = in_math = False
    previous = ""
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            previous = line
            continue
        if in_fence:
            continue
        text = _INLINE_CODE.sub("", line)
        body = _QUOTE_PREFIX.sub("", text).strip()
        if callout := _CALLOUT.match(text):
            if callout["type"].lower() not in KNOWN_CALLOUTS:
                problems.append((number, f"unknown callout type [!{callout['type']}]"))
        if _EMBED.search(text):
            problems.append((number, f"Obsidian embed {_EMBED.search(text)[0]} is not converted"))
        if _WIKILINK.search(text):
            found = _WIKILINK.search(text)[0]
            problems.append((number, f"wikilink {found} is not converted: use a Markdown link"))
        if "$$" in body:
            one_line_block = len(body) > 4 and body.startswith("$$") and body.endswith("$$")
            if body != "$$" and not one_line_block:
                problems.append((number, "inline $$…$$ inside a sentence: use $…$"))
            elif not in_math and _QUOTE_PREFIX.sub("", previous).strip():
                problems.append((number, "$$ needs a blank line before it"))
            if body == "$$":
                in_math = not in_math
        previous = line
    return problems


def on_page_markdown(markdown: str, page, config, files) -> str:
    # Lint the author's source, not the markdown other plugins have already rewritten.
    if not page.file.src_uri.endswith(".md"):
        return markdown  # a generated notebook (hooks/notebooks.py) has no Markdown source
    for number, message in find_problems(page.file.content_string):
        log.warning("%s:%d: %s", page.file.src_uri, number, message)
    return markdown

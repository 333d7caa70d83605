"""The site's MkDocs plugin: everything the build does beyond the libraries, in event order.

mkdocs.yml names it first under `plugins:`, so at each event it runs before search,
markdown-exec and mkdocs-jupyter: the notebooks are files before mkdocs-jupyter looks for them.
What must also hold under engines that ignore plugins is in the extension sitebuild.markdown.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from sitebuild import execution, scan
from sitebuild.math import MathRenderer
from sitebuild.notebooks import ChapterNotebooks, clean_notebook_html, is_notebook, notebook_page
from sitebuild.search import SearchScope, add_worker, index_as_utf8, point_at_worker

log = logging.getLogger("mkdocs.plugins.sitebuild")

# Material's admonition types and their aliases: what a `> [!type]` callout can become.
KNOWN_CALLOUTS = {
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important",
    "success", "check", "done", "question", "help", "faq", "warning", "caution", "attention",
    "failure", "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
}  # fmt: skip
_CALLOUT = re.compile(r"^\s*(?:>\s*)+\[!(?P<type>[^\]]+)\]")
_QUOTE_PREFIX = re.compile(r"^\s*(?:>\s?)*")
_EMBED = re.compile(r"!\[\[[^\]]*\]\]")
_WIKILINK = re.compile(r"(?<!!)\[\[[^\]]*\]\]")
_INLINE_CODE = re.compile(r"`[^`]*`")


def obsidian_problems(markdown: str) -> list[tuple[int, str]]:
    """Obsidian syntax the build would pass to readers unconverted (embeds, wikilinks, unknown
    callouts) and math that Python-Markdown silently leaves as raw text: (line, message)."""
    problems: list[tuple[int, str]] = []
    code = scan.code_lines(markdown)
    in_math, previous = False, ""
    for number, line in enumerate(markdown.splitlines(), start=1):
        if number in code:
            previous = line
            continue
        text = _INLINE_CODE.sub("", line)
        body = _QUOTE_PREFIX.sub("", text).strip()
        if (callout := _CALLOUT.match(text)) and callout["type"].lower() not in KNOWN_CALLOUTS:
            problems.append((number, f"unknown callout type [!{callout['type']}]"))
        if found := _EMBED.search(text):
            problems.append((number, f"Obsidian embed {found[0]} is not converted"))
        if found := _WIKILINK.search(text):
            problems.append((number, f"wikilink {found[0]} is not converted: use a Markdown link"))
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


def _git(root: Path, *args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                              timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


class SiteBuildConfig(Config):
    cache_dir = c.Type(str, default=".cache")  # relative to mkdocs.yml: exec outputs aside
    build_report = c.Type(str, default="build-report.txt")  # per-page times (not in the site)


class SiteBuildPlugin(BasePlugin[SiteBuildConfig]):
    epoch = None  # the SOURCE_DATE_EPOCH this plugin set, if it set one

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self.cache = self.root / self.config.cache_dir
        # Provenance: the footer names the torch that printed the outputs and the commit; a
        # source tarball has no git, and says "unknown" unless CI gives $GITHUB_SHA.
        commit = _git(self.root, "rev-parse", "--short=12", "HEAD")
        commit = commit or os.environ.get("GITHUB_SHA", "")[:12] or "unknown"
        config.extra["provenance"] = {"torch": version("torch"), "commit": commit}
        # Two builds of one commit give the same bytes, the sitemap's dates included (set
        # again on each serve rebuild: a commit in between moves it).
        if os.environ.get("SOURCE_DATE_EPOCH", self.epoch) == self.epoch:
            self.epoch = _git(self.root, "log", "-1", "--format=%ct") or "0"
            os.environ["SOURCE_DATE_EPOCH"] = self.epoch
        return config

    def on_pre_build(self, config):
        # `mkdocs serve` rebuilds in one process: an edited sitekit/ must change the cache keys
        # and be imported afresh by the snippets that run
        execution.fingerprint.cache_clear()
        for name in [name for name in sys.modules if name.partition(".")[0] == "sitekit"]:
            if name != "sitekit.torch_state":  # the runner holds it; it resets, draws nothing
                del sys.modules[name]
        execution.stats = execution.Stats()
        self.math = MathRenderer()
        self.search = SearchScope()
        self.notebooks = ChapterNotebooks()
        self.timings: dict[str, float] = {}

    def on_env(self, env, config, files):
        # Material's ~50 templates, compiled once and kept (keyed on each template's source)
        folder = self.cache / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    def on_files(self, files, config):
        add_worker(files, config)
        return self.notebooks.add_files(files, config, self.cache / "notebooks")

    def on_pre_page(self, page, config, files):
        self.notebooks.write_before_read(page, config)  # mkdocs-jupyter reads it next
        return page

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.src_uri.endswith(".md"):  # a generated notebook has no Markdown source
            for number, message in obsidian_problems(page.file.content_string):
                log.warning("%s:%d: %s", page.file.src_uri, number, message)
        execution.stats.page, execution.stats.blocks_on_page = page.file.src_uri, 0
        self.timings[page.file.src_uri] = time.perf_counter()
        return markdown

    def on_page_content(self, html, page, config, files):
        self.timings[page.file.src_uri] = time.perf_counter() - self.timings[page.file.src_uri]
        if is_notebook(page):
            html = clean_notebook_html(html, page)
            notebook_page(page, config)
        return self.search.leave_out(html, page)

    def on_post_page(self, output, page, config):
        output = point_at_worker(self.search.put_back(output, page))
        # a file:// page (the offline edition) has no latency to hide and Chromium refuses the
        # font preload (a CORS request) there
        preload = "material/offline" not in config.plugins
        return self.math.render_page(output, page, preload_font=preload)

    def on_post_template(self, output, template_name, config):
        return point_at_worker(output) if "__config" in output else output  # 404.html

    @event_priority(-50)  # after the search plugin wrote its index
    def on_post_build(self, config):
        index_as_utf8(config.site_dir)
        self.math.cut_font(config.site_dir, self.cache / "math-font")
        self.notebooks.report()
        if execution.stats.hits + execution.stats.misses:
            log.info(execution.stats.summary())
        rows = sorted(self.timings.items(), key=lambda item: -item[1])
        lines = [f"{seconds:8.3f} s  {page}" for page, seconds in rows]
        lines.append(f"{sum(self.timings.values()):8.3f} s  total ({len(rows)} pages)")
        report = "Time to render each page (its code blocks included):\n" + "\n".join(lines)
        log.info(report)
        (self.root / self.config.build_report).write_text(report + "\n", encoding="utf-8")

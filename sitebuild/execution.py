"""Running the pages' Python: one runner for the site and the tests, and an output cache.

The function that runs a `python exec="1"` block is ours, handed to markdown-exec through its
public API (`markdown_exec.formatters`, `base_format`), so a test (tests/conftest.py) sees what
its page shows: same fresh torch state, same capture (what `print` writes). A block is a
standalone script (no `session=`); one that raises stops the build from here, not as a warning
an engine could ignore. Output cache: `.cache/exec/<key>.json`, keyed on the code, working
folder, console width, pinned versions, seed and sitekit/ (what snippets import), nothing else
of the build (DEVELOPMENT.md). LIVE_CODE_CACHE=off skips it; LIVE_CODE_CACHE_DIR moves it.
"""

from __future__ import annotations

import builtins
import hashlib
import io
import json
import linecache
import os
import platform
import re
import sys
import traceback
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import metadata
from pathlib import Path
from types import ModuleType

from mkdocs.exceptions import BuildError
from pymdownx.superfences import SuperFencesException

import sitekit
from sitekit.torch_state import SEED, reset_torch_state

CACHE_FORMAT = 2
PINNED = ("torch", "numpy", "matplotlib", "markdown-exec")  # their versions change outputs
RUNTIME = Path(sitekit.__file__).resolve().parent


class BlockFailed(SuperFencesException, BuildError):
    """A page's code block raised: the build stops here. SuperFences lets only its own
    exception out of a fence's formatter; MkDocs prints a BuildError without its own trace."""


def run(code: str, name: str = "<snippet>") -> tuple[str, dict]:
    """Run `code` as a script from the fresh torch state every page starts with.
    Returns what it printed and the variables it left. Raises what the code raises."""
    reset_torch_state()
    module = ModuleType("snippet")  # dataclasses and pickle look a class's module up
    sys.modules["snippet"] = module
    buffer = io.StringIO()
    module.print = partial(builtins.print, file=buffer)
    linecache.cache[name] = (len(code), None, code.splitlines(keepends=True), name)
    exec(compile(code, name, "exec"), module.__dict__)  # noqa: S102 (that is the point)
    return buffer.getvalue(), module.__dict__


def _versions() -> dict[str, str]:
    versions = {"python": sys.version, "machine": platform.machine()}
    for name in PINNED:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "-"
    overrides = os.environ.get("LIVE_CODE_CACHE_VERSIONS", "").split(",")  # tests
    versions.update(map(str.strip, item.split("=", 1)) for item in overrides if "=" in item)
    return versions


@cache  # once per build: the plugin clears it, and the sitekit modules, when a build starts
def fingerprint() -> str:
    runtime = hashlib.sha256()
    for path in sorted(RUNTIME.glob("*.py")):
        runtime.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    parts = {"format": CACHE_FORMAT, "seed": SEED, "versions": _versions()}
    return json.dumps({**parts, "runtime": runtime.hexdigest()}, sort_keys=True)


def block_key(code: str, cwd: str = ".") -> str:
    digest = hashlib.sha256(fingerprint().encode())
    # markdown-exec sets COLUMNS for a block with `width=`
    for part in (cwd, os.environ.get("COLUMNS", ""), code):
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


def cache_enabled() -> bool:
    return os.environ.get("LIVE_CODE_CACHE", "on").lower() not in {"off", "0", "no", "false"}


def project_root() -> Path:
    return Path(os.environ.get("MKDOCS_CONFIG_DIR") or os.getcwd())  # markdown-exec sets it


def cache_dir() -> Path:
    return Path(os.environ.get("LIVE_CODE_CACHE_DIR") or project_root() / ".cache" / "exec")


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def load(key: str) -> str | None:
    """The stored text, or None when there is none or it is not whole (a killed write)."""
    try:
        entry = json.loads((cache_dir() / f"{key}.json").read_bytes())
        if entry["key"] == key and entry["sha256"] == _checksum(entry["output"]):
            return entry["output"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save(key: str, output: str) -> None:
    entry = {"key": key, "sha256": _checksum(output), "output": output}
    target = cache_dir() / f"{key}.json"
    partial_file = target.with_suffix(f".{os.getpid()}.tmp")
    with suppress(OSError):  # a read-only or full disk costs speed, never correctness
        target.parent.mkdir(parents=True, exist_ok=True)
        partial_file.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        os.replace(partial_file, target)  # atomic: readers see the old entry or the new one


@dataclass
class Stats:
    hits: int = 0
    misses: int = 0
    pages_run: set[str] = field(default_factory=set)
    page: str = "?"  # the page being converted (the plugin says; other engines do not)
    blocks_on_page: int = 0

    def summary(self) -> str:
        imported = "yes" if "torch" in sys.modules else "no"
        state = "on" if cache_enabled() else "off (LIVE_CODE_CACHE)"
        pages = ", ".join(sorted(self.pages_run)) or "none"
        return (f"exec cache {state}: {self.hits + self.misses} blocks, {self.hits} hits, "
                f"{self.misses} misses; pages run: {pages}; torch imported: {imported}")


stats = Stats()


def cached_output(code: str, cwd: str = ".") -> tuple[str, bool]:
    """What `code` prints: from the cache, or run now and stored. Returns (output, ran)."""
    key = block_key(code, cwd)
    output = load(key) if cache_enabled() else None
    if output is not None:
        return output, False
    output, _ = run(code, f"<{stats.page} block {stats.blocks_on_page}>")
    if cache_enabled():
        save(key, output)
    return output, True


def _run_block(code: str, session: str | None = None, **_: object) -> str:
    stats.blocks_on_page += 1
    if session:
        raise BlockFailed(f"{stats.page}: block {stats.blocks_on_page} uses session=: "
                          "every block must run alone, as the learner's copy of it does")
    cwd = os.path.relpath(os.getcwd(), project_root())
    try:
        output, ran = cached_output(code, cwd)
    except Exception as error:
        frames = error.__traceback__
        while frames and not frames.tb_frame.f_code.co_filename.startswith("<"):
            frames = frames.tb_next  # from the block's own frame on: the learner's code
        trace = "".join(traceback.format_exception(type(error), error, frames))
        where = f"{stats.page}: code block {stats.blocks_on_page}"
        raise BlockFailed(f"{where} raised:\n{trace}") from None
    if ran:
        stats.misses += 1
        stats.pages_run.add(stats.page)
    else:
        stats.hits += 1
    return output


_NOT_CACHED = re.compile(r"<h[1-6]\b|\bid=\"exec-")  # headings reported to the TOC, prefixed ids
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
# what renders an output besides the Markdown setup: the libraries, and our own extension, which
# markdown-exec's inner converter runs too (focusable code blocks)
_RENDERERS = repr([metadata.version(n) for n in ("markdown", "pymdown-extensions", "pygments")])
_RENDERERS += hashlib.sha256(Path(__file__).with_name("markdown.py").read_bytes()).hexdigest()


def _html_key(options: dict) -> str:
    """The rendered HTML's key: the output's key, the block's options, the Markdown setup."""
    from markdown_exec import markdown_config

    exts = [(getattr(ext, "__module__", ext), getattr(ext, "getConfigs", dict)())
            for ext in markdown_config.exts or []]  # fmt: skip
    setup = repr((exts, markdown_config.exts_config, sorted(options.items(), key=str)))
    cwd = os.path.relpath(os.getcwd(), project_root())
    digest = hashlib.sha256(b"html\0" + block_key(options["code"], cwd).encode())
    digest.update(_ADDRESS.sub("", setup + _RENDERERS).encode())
    return digest.hexdigest()


def format_python(**options):
    """markdown-exec's formatter for `python` blocks: run through `_run_block`, and the rendered
    HTML cached too. markdown-exec renders each output with a new Markdown instance and Pygments,
    which costs a warm build more than all else its pages do. MarkdownConverter.counter (it
    numbers the conversions) advances on a hit as it would have, so later ids stay the same."""
    from markdown_exec import MarkdownConverter, base_format
    from markupsafe import Markup

    shown = {name: value for name, value in options.items() if name != "md"}
    key = _html_key(shown) if cache_enabled() else ""
    entry = load(key) if key else None
    if entry is not None:
        stats.blocks_on_page += 1
        stats.hits += 1
        MarkdownConverter.counter += int(entry[0])
        return Markup(entry[1:])
    before = MarkdownConverter.counter
    markup = base_format(language="python", run=_run_block, **options)
    conversions = MarkdownConverter.counter - before
    # stored as one digit (how many conversions to count on a hit) and the HTML
    if key and conversions < 10 and not _NOT_CACHED.search(markup):
        save(key, f"{conversions}{markup}")
    return markup


def install() -> None:
    import markdown_exec

    markdown_exec.formatters["python"] = markdown_exec.formatters["py"] = format_python

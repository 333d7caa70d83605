"""Python-Markdown extension: a persistent output cache for markdown-exec's python blocks.

markdown-exec runs every `python exec="1"` block on every build. This extension wraps its
python runner so that a block whose inputs did not change is served from `.cache/exec/`
instead of being run (and, when every block of a build is a hit, torch is never imported).

A block's key is a sha256 over everything that determines its printed output:
  - the code after `--8<--` snippet inclusion (pymdownx.snippets runs before the block does);
  - for `session=` blocks, the code of the session's earlier blocks on the same page;
  - the versions of Python, torch, numpy, matplotlib and markdown-exec, the machine type;
  - a hash of sitekit/*.py (figure snippets import sitekit.figures), the seed
    (sitekit.torch_state.SEED) and CACHE_FORMAT.
On a miss the torch state is reset (sitekit.torch_state.reset_torch_state) right before the
block runs, so a block's output is a pure function of its key: neither page order nor its
neighbours matter. A block that raises is never cached. Sessions are scoped to one page: on a
miss in the middle of a session whose earlier blocks were hits, those blocks are replayed
first (output discarded) to rebuild the session's variables.

A second layer caches each block's rendered HTML (markdown-exec converts every output with a
fresh Markdown instance and runs Pygments on source and output, which costs more than reading
an entry); its key adds the block's options and the Markdown configuration to the output key.

Each entry is one JSON file `<key>.json` holding the key, the output and the output's
sha256, written atomically (temporary file + os.replace). An entry that does not parse, or
whose key or checksum does not match, is treated as a miss: recomputed and rewritten.

Switches (environment variables):
  LIVE_CODE_CACHE=off        run every block and neither read nor write the cache (CI cold build)
  LIVE_CODE_CACHE_DIR=path   where entries live (default: <project>/.cache/exec)
  LIVE_CODE_CACHE_VERSIONS   override recorded versions, e.g. "torch=0.0" (tests)
markdown-exec's own `enabled: !ENV [LIVE_CODE_EXEC, true]` (mkdocs.yml) turns execution off.

On a cold build most blocks are run by sitekit.prefill's worker process while the build renders
pages: on a miss the runner first asks sitekit.prefill.wait_for for the worker's entry. A block
that was missing when the build started counts as a miss (run in this build) whichever process
ran it. snippet_key and run_snippet are the key and the runner of a session-less block, shared
by the pages, hooks/notebooks.py (cached_output) and the worker.

Per-block hits and misses are logged at debug level (`mkdocs build -v`); one summary line per
build at info level. The summary comes from `on_post_build`, because this file is also listed
under `hooks:` in mkdocs.yml; engines that ignore hooks get it at process exit instead.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import os
import platform
import re
import sys
import tempfile
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

from markdown import Extension
from markdown.preprocessors import Preprocessor

from sitekit.torch_state import SEED, reset_torch_state

CACHE_FORMAT = 1
# Libraries whose version can change what a block prints.
PINNED = ("torch", "numpy", "matplotlib", "markdown-exec")
SITEKIT = Path(__file__).resolve().parent

log = logging.getLogger("mkdocs.plugins.sitekit.exec_cache")


# ---------------------------------------------------------------------------------------------
# Key


def _versions() -> dict[str, str]:
    versions = {"python": sys.version, "machine": platform.machine()}
    for name in PINNED:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "-"
    for item in os.environ.get("LIVE_CODE_CACHE_VERSIONS", "").split(","):
        name, sep, version = item.partition("=")
        if sep:
            versions[name.strip()] = version.strip()
    return versions


def _sitekit_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(SITEKIT.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


_fingerprint_memo: dict[str, str] = {}


def fingerprint() -> str:
    """What every key shares: format, seed, versions, sitekit source. Computed once per
    process: a process keeps the torch and sitekit it imported, so this matches what runs."""
    if "value" not in _fingerprint_memo:
        parts = {
            "format": CACHE_FORMAT,
            "seed": SEED,
            "versions": _versions(),
            "sitekit": _sitekit_hash(),
        }
        _fingerprint_memo["value"] = json.dumps(parts, sort_keys=True)
    return _fingerprint_memo["value"]


def block_key(code: str, history: list[str], cwd: str = ".", width: int | None = None) -> str:
    digest = hashlib.sha256(fingerprint().encode())
    for earlier in history:
        digest.update(b"\0session-block\0" + earlier.encode())
    digest.update(b"\0cwd\0" + cwd.encode())
    columns = str(width) if width else os.environ.get("COLUMNS", "")
    digest.update(b"\0columns\0" + columns.encode())
    digest.update(b"\0code\0" + code.encode())
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------------
# Store


def enabled() -> bool:
    return os.environ.get("LIVE_CODE_CACHE", "on").lower() not in {"off", "0", "no", "false"}


def project_root() -> Path:
    # markdown-exec's plugin sets MKDOCS_CONFIG_DIR to the folder of mkdocs.yml.
    return Path(os.environ.get("MKDOCS_CONFIG_DIR") or os.getcwd())


def cache_dir() -> Path:
    configured = os.environ.get("LIVE_CODE_CACHE_DIR")
    return Path(configured) if configured else project_root() / ".cache" / "exec"


def _checksum(output: str) -> str:
    return hashlib.sha256(output.encode()).hexdigest()


def load(key: str) -> tuple[str | None, str]:
    """Return (output, state): state is "hit", "absent" or "corrupt"."""
    path = cache_dir() / f"{key}.json"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, "absent"
    except OSError:
        return None, "corrupt"
    try:
        entry = json.loads(raw)
        output = entry["output"]
        if (
            entry["format"] == CACHE_FORMAT
            and entry["key"] == key
            and isinstance(output, str)
            and entry["sha256"] == _checksum(output)
        ):
            return output, "hit"
    except (ValueError, KeyError, TypeError):
        pass
    return None, "corrupt"


def save(key: str, output: str) -> None:
    folder = cache_dir()
    entry = {"format": CACHE_FORMAT, "key": key, "sha256": _checksum(output), "output": output}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(entry, handle, ensure_ascii=False)
            os.replace(tmp, folder / f"{key}.json")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as error:  # a read-only or full disk costs speed, never correctness
        log.debug("exec cache: could not write %s: %s", key[:12], error)


# ---------------------------------------------------------------------------------------------
# Statistics


@dataclass
class Stats:
    hits: int = 0
    misses: int = 0
    corrupt: int = 0
    errors: int = 0
    pages: set[str] = field(default_factory=set)  # pages with at least one block that ran

    @property
    def blocks(self) -> int:
        return self.hits + self.misses


stats = Stats()
_exit_hook = {"registered": False}


def summary() -> str:
    state = "on" if enabled() else "off (LIVE_CODE_CACHE)"
    text = (
        f"exec cache {state}: {stats.blocks} blocks, {stats.hits} hits, {stats.misses} misses"
        f" ({stats.corrupt} corrupt entries recomputed, {stats.errors} failed blocks);"
        f" pages run: {', '.join(sorted(stats.pages)) or 'none'};"
        f" torch imported: {'yes' if 'torch' in sys.modules else 'no'}"
    )
    return text


def report_and_reset() -> None:
    global stats
    if stats.blocks:
        log.info(summary())
    stats = Stats()


def _report_at_exit() -> None:
    if stats.blocks:
        logging.getLogger("mkdocs").info(summary())


# ---------------------------------------------------------------------------------------------
# The runner


@dataclass
class _PageState:
    page: str = "?"
    history: dict[str, list[str]] = field(default_factory=dict)  # session -> earlier code
    live: dict[str, int] = field(default_factory=dict)  # session -> blocks run into its globals


def _top(md) -> Any:
    return getattr(md, "_original_md", md)  # markdown-exec's nested converters point back


def _page_state(md) -> _PageState:
    top = _top(md)
    state = getattr(top, "_exec_cache_page", None)
    if state is None:
        state = top._exec_cache_page = _PageState()
    if state.page == "?":
        relpath = top.treeprocessors["relpath"] if "relpath" in top.treeprocessors else None
        source = getattr(getattr(relpath, "file", None), "src_uri", None)
        if source:
            state.page = source
    return state


def _relative_cwd(workdir: str | None) -> str:
    cwd = os.path.abspath(workdir) if workdir else os.getcwd()
    try:
        return os.path.relpath(cwd, project_root())
    except ValueError:
        return cwd


def _replay(session: str, earlier: list[str]) -> None:
    """Rebuild a session's variables by running its earlier blocks again, output discarded."""
    from markdown_exec._internal.formatters import python as exec_python
    from markdown_exec._internal.formatters.base import ExecutionError

    exec_python._sessions_globals.pop(session, None)
    for code in earlier:
        reset_torch_state()
        try:
            exec_python._run_python(code, session=session)
        except ExecutionError:
            pass  # it failed when it first ran too: its partial state is what later blocks saw


@dataclass
class _Block:
    page: _PageState
    key: str
    where: str
    session: str | None
    earlier: list[str]
    failed: bool = False


def _cached_run(
    code: str,
    returncode: int | None = None,
    session: str | None = None,
    id: str | None = None,  # noqa: A002 (markdown-exec's name)
    *,
    block: _Block,
    **extra: str,
) -> str:
    """markdown-exec's `run`: the block's printed output, from the cache or by running it."""
    from markdown_exec._internal.formatters import python as exec_python

    use_cache = enabled()
    if use_cache:
        from sitekit import prefill

        output, state = load(block.key)
        if output is None and not session:  # sitekit.prefill's worker may be running it
            output = prefill.wait_for(block.key)
        if output is not None:
            if prefill.missing_at_start(block.key):  # run in this build, by the worker
                stats.misses += 1
                stats.pages.add(block.page.page)
                log.debug("exec cache miss, run by the prefill worker: %s", block.where)
            else:
                stats.hits += 1
                log.debug("exec cache hit (output): %s", block.where)
            return output
        if state == "corrupt":
            stats.corrupt += 1
            log.debug("exec cache corrupt entry, recomputing: %s", block.where)

    stats.misses += 1
    stats.pages.add(block.page.page)
    log.debug("exec cache miss: %s", block.where)
    if session and block.page.live.get(session) != len(block.earlier):
        _replay(session, block.earlier)
    if session:
        block.page.live[session] = len(block.earlier) + 1
    reset_torch_state()
    try:
        output = exec_python._run_python(
            code, returncode=returncode, session=session, id=id, **extra
        )
    except Exception:
        stats.errors += 1
        block.failed = True
        raise
    if use_cache:
        save(block.key, output)
    return output


# The rendered HTML of a block is cached too (second layer): markdown-exec converts every
# output with a fresh Markdown instance (all extensions registered again, Pygments run on the
# source and the output), which costs more than reading the entry. Its key adds the block's
# options and the Markdown configuration to the output key. markdown-exec numbers the ids of
# each converted output `exec-<N>--`; the number is stored as a placeholder and renumbered.
_PREFIX_SLOT = "\x00exec-cache-prefix\x00"
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_render_memo: dict[int, str] = {}


def _render_fingerprint() -> str:
    from markdown_exec._internal.rendering import markdown_config

    memo_key = id(markdown_config.exts_config)
    if memo_key not in _render_memo:
        exts = []
        for ext in markdown_config.exts or []:
            configs = ext.getConfigs() if hasattr(ext, "getConfigs") else {}
            exts.append((getattr(ext, "__module__", ""), repr(ext), sorted(configs.items())))
        described = repr((exts, sorted((markdown_config.exts_config or {}).items())))
        versions = {}
        for name in ("markdown", "pymdown-extensions", "pygments", "markdown-exec"):
            try:
                versions[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                versions[name] = "-"
        _render_memo.clear()
        _render_memo[memo_key] = _ADDRESS.sub("", described) + json.dumps(versions)
    return _render_memo[memo_key]


def _html_key(block_key_: str, options: dict[str, Any]) -> str:
    shown = {name: value for name, value in options.items() if name not in {"md", "code"}}
    digest = hashlib.sha256(b"html\0" + block_key_.encode())
    digest.update(_ADDRESS.sub("", repr(sorted(shown.items(), key=str))).encode())
    digest.update(_render_fingerprint().encode())
    return digest.hexdigest()


def _headings_reported(md, markup) -> bool:
    top = _top(md)
    name = "markdown_exec_insert_headings"
    if name not in top.treeprocessors:
        return False
    return bool(top.treeprocessors[name].headings.get(markup))


def _format_python(**kwargs: Any):
    from markdown_exec._internal.formatters.base import base_format
    from markdown_exec._internal.rendering import MarkdownConverter
    from markupsafe import Markup

    if not _exit_hook["registered"]:
        atexit.register(_report_at_exit)
        _exit_hook["registered"] = True

    md, code, session = kwargs["md"], kwargs["code"], kwargs.get("session") or None
    page = _page_state(md)
    history = page.history.setdefault(session, []) if session else []
    earlier = list(history)
    if session:
        history.append(code)
    key = block_key(code, earlier, _relative_cwd(kwargs.get("workdir")), kwargs.get("width"))
    first_line = code.strip().splitlines()[0][:60] if code.strip() else ""
    where = f"{page.page} block {stats.blocks + 1} [{key[:12]}] {first_line!r}"
    block = _Block(page=page, key=key, where=where, session=session, earlier=earlier)

    use_cache = enabled()
    html_key = _html_key(key, kwargs) if use_cache else ""
    if use_cache:
        html, state = load(html_key)
        if html is not None:
            stats.hits += 1
            log.debug("exec cache hit: %s", where)
            converted, html = int(html[:1]), html[1:]  # how many conversions it took
            MarkdownConverter.counter += converted
            return Markup(html.replace(_PREFIX_SLOT, f"exec-{MarkdownConverter.counter}--"))
        if state == "corrupt":
            stats.corrupt += 1
            log.debug("exec cache corrupt rendered entry, rendering again: %s", where)

    counter = MarkdownConverter.counter
    run = partial(_cached_run, block=block)
    markup = base_format(language="python", run=run, **kwargs)
    converted = MarkdownConverter.counter - counter
    if use_cache and not block.failed and converted <= 1 and not _headings_reported(md, markup):
        html = str(markup)
        if converted:
            html = html.replace(f"exec-{MarkdownConverter.counter}--", _PREFIX_SLOT)
        save(html_key, f"{converted}{html}")
    return markup


def install() -> bool:
    """Route markdown-exec's `python`/`py` blocks through the cache (idempotent)."""
    try:
        from markdown_exec._internal import main
    except ImportError:
        return False
    main.formatters["python"] = main.formatters["py"] = _format_python
    return True


# ---------------------------------------------------------------------------------------------
# Markdown extension


class _NewPage(Preprocessor):
    """At the start of a page (not of markdown-exec's nested conversions): fresh sessions."""

    def run(self, lines: list[str]) -> list[str]:
        if not hasattr(self.md, "_original_md"):
            self.md._exec_cache_page = None
        return lines


class ExecCacheExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's API name)
        install()
        md.preprocessors.register(_NewPage(md), "exec_cache_new_page", 1001)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's API name)
    return ExecCacheExtension(**kwargs)


# ---------------------------------------------------------------------------------------------
# MkDocs hook (this file is also listed under `hooks:`; MkDocs loads it as a separate module,
# so the functions below reach the package module, whose counters the extension fills).


def on_pre_build(config) -> None:
    from sitekit import exec_cache

    exec_cache.stats = exec_cache.Stats()


def on_post_build(config) -> None:
    from sitekit import exec_cache

    exec_cache.report_and_reset()


# ---------------------------------------------------------------------------------------------
# Outside a page (hooks/notebooks.py: a chapter's notebook shows the same outputs as its pages)


def snippet_key(code: str) -> str:
    """The key of a session-less block whose only options are about display: what a page
    computes for it, and what hooks/notebooks.py and sitekit.prefill compute from its code."""
    return block_key(code, [], _relative_cwd(None), None)


def run_snippet(code: str) -> str:
    """Run a session-less block the way a page does on a miss (fresh torch state, markdown-exec's
    runner) and return what it printed. Raises markdown-exec's ExecutionError when it fails."""
    from markdown_exec._internal.formatters import python as exec_python

    reset_torch_state()
    try:
        return exec_python._run_python(code)
    finally:
        exec_python._sessions_counter[None] -= 1  # page blocks keep their markdown-exec numbers


def cached_output(code: str) -> tuple[str, bool]:
    """The printed output of a session-less `python exec="1"` block holding `code`, as a page
    gets it: the same key, the same fresh torch state, the same runner. Returns (output,
    ran): served from the cache or the prefill worker (ran False) or run now and stored.
    Raises markdown-exec's ExecutionError when the code fails. Never touches the page
    statistics."""
    key = snippet_key(code)
    if enabled():
        output, _ = load(key)
        if output is None:
            from sitekit import prefill

            output = prefill.wait_for(key)
        if output is not None:
            return output, False
    output = run_snippet(code)
    if enabled():
        save(key, output)
    return output, True

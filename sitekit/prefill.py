"""Prefill the exec cache in a worker process while MkDocs does its own work (cold builds).

Why: a cold build (empty cache) spends most of its time running code blocks (import torch,
torch._dynamo's import behind the first optimizer, matplotlib and the figures), one after the
other in the build process, while the machine's second core idles. At the very start of the
build (on_config, before the other plugins') this module starts ONE worker process that fills
the exec cache while the build process reads and renders the pages.

Which blocks: those whose code is known before any page renders: ```` ```python exec="1" ````
fences that hold one `--8<-- "snippets/….py"` include and none of the options that change how
the code runs (`session=`, `workdir=`, `width=`). After snippet inclusion a page's code is the
snippet's text, so the key is sitekit.exec_cache.snippet_key(text), the function the page
runner's key and hooks/notebooks.py's agree with. Blocks with an entry are skipped. No worker
starts with fewer than MIN_MISSING missing blocks, or when this process has already imported
what they import (`mkdocs serve` after a build that ran code: they run here in milliseconds).

The worker imports what the blocks import (torch, matplotlib, …), then forks: the two halves
share those imports (a second `import torch` is 1.5 s of CPU) and run blocks on both cores, one
in the order the build reaches them, the other starting with the blocks that use `torch.optim`
(so that only it pays torch._dynamo's import) and the figures, then from the far end. The build
process does not import torch for a block the worker can run: on a busy machine that second
import made a cold build slower than a serial one. It runs a block itself only when it has
already imported everything the block imports, or when the worker is gone.

Claims: whoever runs a block first claims it with os.open(<claims>/<key>, O_CREAT | O_EXCL) in a
temporary folder made for this build (not in the cache: a crash leaves nothing a later build
could trust); a worker writes <key>.done after the block, whether it stored an entry or not.
When the build needs a block (the page runner, or hooks/notebooks.py via cached_output), it
waits for the entry; if the block is marked done without one (it raised, or the cache could not
be written) or the worker has exited, the build runs it itself, so a failing block fails the
build with the page's usual message.

Same output as a serial build: the worker runs each block through the same runner
(exec_cache.run_snippet: fresh torch state, markdown-exec's runner) in the same working folder
and environment, with the same sitekit (its folder first on PYTHONPATH), and recomputes every
key: it stops if one differs from the build's. Entries are written and validated (key,
checksum) as always. In the summary, a block the worker ran counts as a miss of its page.

Lifetime: the build terminates the worker by its PID in on_post_build, on_build_error,
on_shutdown and at exit (the worker then terminates its forked half by PID); both also stop
when the process that started them is gone (a killed build: the worker then removes the claims
folder) or the claims folder was removed.

Switch: LIVE_CODE_PREFILL=off runs every block in the build process, as before. Nothing is
prefilled with the cache off (LIVE_CODE_CACHE=off) or execution off (LIVE_CODE_EXEC=false).
This file is listed under `hooks:` in mkdocs.yml; MkDocs loads it as a separate module, so the
hook functions reach the package module, whose state exec_cache sees.
"""

from __future__ import annotations

import ast
import atexit
import importlib
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitekit import exec_cache

log = logging.getLogger("mkdocs.plugins.sitekit.prefill")

# One missing block (a snippet edit under `mkdocs serve`) runs here: the build then holds torch,
# and the next edits run here in milliseconds instead of a worker importing torch each time.
MIN_MISSING = 2
POLL = 0.005  # seconds between looks for the entry of a block the build waits for
WORKERS = ("worker", "worker-fork")  # claim owners: the worker process and the half it forks
HERE = "build"

_FENCE = re.compile(r"^(?P<quote>(?:> ?)*)[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_QUOTE = re.compile(r"^(?:> ?)*")
_OPTION = re.compile(r'(?P<name>\w+)="(?P<value>[^"]*)"')
_INCLUDE = re.compile(r'^--8<--\s+"(?P<path>[^":]+\.py)"$')
_RUNS_DIFFERENTLY = {"session", "workdir", "width"}  # these change the key or the output
_FALSE = {"", "no", "off", "false", "0"}  # markdown-exec's reading of exec="…"
_OPTIM = re.compile(r"\boptim\b")  # the first optimizer imports torch._dynamo (about 1.4 s)


# ---------------------------------------------------------------------------------------------
# Scan: the blocks whose code is known before the pages render


@dataclass(frozen=True)
class Job:
    key: str
    code: str
    page: str
    optim: bool = False  # uses torch.optim: the first one imports torch._dynamo
    figure: bool = False  # html="1": a figure, the costly blocks (0.1-0.6 s each)
    needs: tuple[str, ...] = ()  # the modules it imports (torch._dynamo for an optimizer)


def imports(code: str) -> set[str]:
    """The modules a block imports at its top level."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def _job(info: str, body: list[str], page: str, root: Path) -> Job | None:
    words = info.split()
    options = {m["name"]: m["value"] for m in _OPTION.finditer(info)}
    if not words or words[0] != "python" or options.get("exec", "").lower() in _FALSE:
        return None
    lines = [line for line in body if line]
    found = _INCLUDE.match(lines[0]) if len(lines) == 1 else None
    if not found or _RUNS_DIFFERENTLY & options.keys():
        return None
    try:
        code = (root / found["path"]).read_text(encoding="utf-8")
    except OSError:
        return None  # the page build reports a missing snippet
    if "--8<--" in code:
        return None  # nested includes: the page's code is not the file's text
    figure = options.get("html", "").lower() not in _FALSE
    return Job(exec_cache.snippet_key(code), code, page, bool(_OPTIM.search(code)), figure)


def with_needs(job: Job) -> Job:
    """The job with the modules it needs (parsed only for missing blocks: a warm build scans
    every block)."""
    needs = imports(job.code) | ({"torch._dynamo"} if job.optim else set())
    return replace(job, needs=tuple(sorted(needs)))


def page_jobs(markdown: str, page: str, root: Path) -> list[Job]:
    """A page's prefillable blocks, in page order (fences in callouts included; fences shown
    inside a longer fence are not blocks)."""
    lines = markdown.splitlines()
    jobs, i = [], 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        i += 1
        if not opening:
            continue
        fence = opening["fence"]
        body = []
        while i < len(lines):
            text = _QUOTE.sub("", lines[i]).strip()
            i += 1
            if len(text) >= len(fence) and set(text) == {fence[0]}:
                break
            body.append(text)
        job = _job(opening["info"], body, page, root)
        if job:
            jobs.append(job)
    return jobs


def pages(docs_dir: Path) -> list[Path]:
    """The Markdown pages in the order MkDocs reads them (mkdocs.structure.files.get_files:
    a folder's files before its subfolders', folders sorted, index first)."""
    found = []
    for folder, dirs, names in os.walk(docs_dir, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        names = [n for n in names if n.endswith(".md") and not n.startswith(".")]
        names.sort(key=lambda n: (Path(n).stem not in {"index", "README"}, n))
        found += [Path(folder, name) for name in names]
    return found


def scan(docs_dir: Path, root: Path) -> list[Job]:
    """Every prefillable block of the site, once per key, in the order the build reaches it."""
    jobs: dict[str, Job] = {}
    for path in pages(docs_dir):
        page = path.relative_to(docs_dir).as_posix()
        for job in page_jobs(path.read_text(encoding="utf-8"), page, root):
            jobs.setdefault(job.key, job)
    return list(jobs.values())


def forked_half_order(jobs: list[Job]) -> list[Job]:
    """For the worker's forked half (the other runs blocks in the build's order): the optimizer
    blocks (only one process should pay torch._dynamo's import), then the figures, both in the
    build's order, so that the costly blocks the build reaches first are done by two
    processes; then the rest from the far end."""
    first = [j for j in jobs if j.optim] + [j for j in jobs if j.figure and not j.optim]
    return first + [j for j in reversed(jobs) if j not in first]


# ---------------------------------------------------------------------------------------------
# Claims (all processes)


def claim(claims: Path, key: str, owner: str) -> bool:
    """True if this process now owns `key` (atomic: exactly one claimant wins)."""
    try:
        fd = os.open(claims / key, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    os.write(fd, owner.encode())
    os.close(fd)
    return True


def _done(claims: Path, key: str) -> Path:
    return claims / f"{key}.done"  # the worker has finished the block (entry written or not)


# ---------------------------------------------------------------------------------------------
# The build process


def ready_here(job: Job) -> bool:
    """True if this process has already paid for what the block imports (then running it here
    costs what it costs the worker); else the worker, which has, should run it."""
    return all(name in sys.modules for name in job.needs)


@dataclass
class Prefill:
    jobs: dict[str, Job]  # every block missing when the build started, by key
    claims: Path
    worker: subprocess.Popen | None = None
    mine: set[str] = field(default_factory=set)  # blocks this process runs
    taken_back: int = 0  # claimed by the worker, then run here (it failed, or stopped)
    waited: float = 0.0

    def wait_for(self, key: str) -> str | None:
        """The worker's output for `key`, or None: then this process runs the block."""
        if key in self.mine:
            return None
        job, start, slept = self.jobs[key], time.perf_counter(), False
        try:
            while True:
                output, _ = exec_cache.load(key)
                if output is not None:
                    return output
                alive = self.worker is not None and self.worker.poll() is None
                if (self.claims / key).exists():  # a worker process holds it
                    if not alive or _done(self.claims, key).exists():
                        output, _ = exec_cache.load(key)  # written before the marker
                        if output is None:
                            self.taken_back += 1
                            self.mine.add(key)
                        return output
                elif (not alive or ready_here(job)) and claim(self.claims, key, HERE):
                    self.mine.add(key)
                    return None
                time.sleep(POLL)
                slept = True
        finally:
            if slept:
                self.waited += time.perf_counter() - start

    def summary(self) -> str:
        owners = [p.read_text() for p in self.claims.glob("*") if p.name in self.jobs]
        ran = [owners.count(name) for name in WORKERS]
        return (
            f"exec prefill: {len(self.jobs)} blocks missing at start;"
            f" worker processes ran {sum(ran)} ({' + '.join(map(str, ran))}),"
            f" this process {len(self.mine)} ({self.taken_back} taken back from the worker);"
            f" this process waited {self.waited:.2f} s"
        )


_current: Prefill | None = None  # this build's prefill, while it runs
_atexit_registered = False


def wait_for(key: str) -> str | None:
    """For exec_cache, on a miss: the prefill worker's output for `key`, or None (run it)."""
    current = _current
    if current is None or key not in current.jobs:
        return None
    return current.wait_for(key)


def missing_at_start(key: str) -> bool:
    """For exec_cache's statistics: the block was missing when the build started, so its output
    was computed in this build (a miss), whichever process ran it."""
    return _current is not None and key in _current.jobs


def disabled() -> bool:
    return os.environ.get("LIVE_CODE_PREFILL", "on").lower() in _FALSE - {""}


@contextmanager
def _config_dir(root: Path):
    """Keys and cache folder as the pages will compute them: markdown-exec points
    MKDOCS_CONFIG_DIR at the config's folder in its own on_config, which runs after ours."""
    before = os.environ.get("MKDOCS_CONFIG_DIR")
    os.environ["MKDOCS_CONFIG_DIR"] = str(root)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("MKDOCS_CONFIG_DIR", None)
        else:
            os.environ["MKDOCS_CONFIG_DIR"] = before


def start(config) -> Prefill | None:
    """Scan the docs and start the worker if enough blocks are missing (see the docstring)."""
    global _current, _atexit_registered
    stop()
    if disabled() or not exec_cache.enabled() or "markdown-exec" not in config.plugins:
        return None
    root = Path(config.config_file_path).resolve().parent
    with _config_dir(root):
        folder = exec_cache.cache_dir()
        missing = [
            with_needs(job)
            for job in scan(Path(config.docs_dir), root)
            if not (folder / f"{job.key}.json").exists()
        ]
    if len(missing) < MIN_MISSING or all(ready_here(job) for job in missing):
        return None
    claims = Path(tempfile.mkdtemp(prefix="exec-prefill-"))
    (claims / "jobs.json").write_text(json.dumps([vars(job) for job in missing]), "utf-8")
    package_parent = str(Path(exec_cache.__file__).resolve().parent.parent)
    env = {
        **os.environ,
        "MKDOCS_CONFIG_DIR": str(root),
        "LIVE_CODE_CACHE_DIR": str(folder),
        "PYTHONPATH": os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")])),
    }
    current = Prefill({job.key: job for job in missing}, claims)
    with open(claims / "worker.log", "wb") as errors:
        current.worker = subprocess.Popen(
            [sys.executable, "-m", "sitekit.prefill", str(claims)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    _current = current
    if not _atexit_registered:
        atexit.register(stop)
        _atexit_registered = True
    log.debug(
        "exec prefill: %d blocks missing, worker pid %d, claims in %s",
        len(missing),
        current.worker.pid,
        claims,
    )
    return current


def stop() -> None:
    """Terminate the worker (by its PID) if it still runs, and remove the claims folder."""
    global _current
    current, _current = _current, None
    if current is None:
        return
    worker = current.worker
    if worker is not None and worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(5)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    elif worker is not None and worker.returncode != 0:  # it failed on its own: say why
        tail = (current.claims / "worker.log").read_text("utf-8", "replace")[-2000:]
        log.info("exec prefill: the worker exited with %s:\n%s", worker.returncode, tail)
    shutil.rmtree(current.claims, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The worker: python -m sitekit.prefill <claims folder>


def _run_jobs(claims: Path, jobs: list[Job], owner: str, parent: int) -> int:
    for job in jobs:
        if os.getppid() != parent:
            return 0  # the process that started this one is gone: the build is over
        try:
            if not claim(claims, job.key, owner):
                continue
            try:
                output = exec_cache.run_snippet(job.code)
            except Exception:  # noqa: BLE001 (the build process runs it again and reports it)
                pass
            else:
                exec_cache.save(job.key, output)
            _done(claims, job.key).touch()
        except FileNotFoundError:
            return 0  # the claims folder was removed: the build is over
    return 0


def work(claims: Path) -> int:
    """Import what the blocks import, then fork: both halves share those imports (torch alone
    is about 1.5 s); this half runs blocks in the build's order, the forked one as
    forked_half_order says."""
    build = os.getppid()
    jobs = [Job(**item) for item in json.loads((claims / "jobs.json").read_text("utf-8"))]
    jobs = [replace(job, needs=tuple(job.needs)) for job in jobs]  # JSON gave lists
    for job in jobs:
        if exec_cache.snippet_key(job.code) != job.key:
            print(f"key {job.key[:12]} differs here: not the build's sitekit?", file=sys.stderr)
            return 2
    for name in sorted(set().union(*(job.needs for job in jobs)) - {"torch._dynamo"}):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 (the block that imports it fails in the build)
            pass
    if not hasattr(os, "fork"):
        return _run_jobs(claims, jobs, WORKERS[0], build)
    me = os.getpid()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:
        status = _run_jobs(claims, forked_half_order(jobs), WORKERS[1], me)
        sys.stderr.flush()
        os._exit(status)

    def stop_child(*_) -> None:
        try:
            os.kill(child, signal.SIGTERM)
        except ProcessLookupError:
            pass

    def terminate(*_) -> None:  # the build stops the worker by its PID: stop the half it forked
        stop_child()
        os._exit(0)

    signal.signal(signal.SIGTERM, terminate)
    # The optimizer blocks stay with the forked half: taking one while it still imports
    # torch._dynamo would make this half import it too.
    status = _run_jobs(claims, [job for job in jobs if not job.optim], WORKERS[0], build)
    if os.getppid() != build:
        stop_child()  # the build is gone (killed): nobody needs the rest, nor the claims
        os.waitpid(child, 0)
        shutil.rmtree(claims, ignore_errors=True)
        return status
    os.waitpid(child, 0)
    return status


# ---------------------------------------------------------------------------------------------
# MkDocs hook


def on_config(config):
    from sitekit import prefill

    prefill.start(config)
    return config


on_config.mkdocs_priority = 100  # before the other plugins' on_config: start as early as possible


def on_post_build(config) -> None:
    from sitekit import prefill

    if prefill._current is not None:
        log.info(prefill._current.summary())
    prefill.stop()


def on_build_error(error) -> None:
    from sitekit import prefill

    prefill.stop()


def on_shutdown() -> None:
    from sitekit import prefill

    prefill.stop()


if __name__ == "__main__":
    sys.exit(work(Path(sys.argv[1])))

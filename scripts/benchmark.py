"""Build-speed benchmark: how much the live code costs, measured in one run.

Works on a copy of the project in a temporary folder (the checkout is never touched), runs each
measurement several times in interleaved rounds (so a busy machine slows all of them alike) and
prints medians and the ratios the targets are stated in:

  cold build / no-exec build       every block runs (empty cache)
  warm build / no-exec build       nothing changed: every block from the cache   (target <= 1.15)
  (cold - no-exec) / import torch  what execution adds, in units of `import torch` (target <= 3)
  serve rebuild after a prose edit / after a snippet edit (and which pages re-ran)
  import torch, the test suite

Usage: python scripts/benchmark.py [--runs 5] [--test-runs 1] [--skip-tests]
       (`make bench`)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
COPY = ("docs", "snippets", "sitekit", "sitebuild", "overrides", "mkdocs.yml", "pyproject.toml")
SUMMARY = re.compile(r"exec cache .*?: (\d+) blocks, (\d+) hits, (\d+) misses.*?pages run: (.*?);")
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


def env(project: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "LIVE_CODE_CACHE_DIR": str(project / ".cache" / "exec"),
        # the copy's packages, not the checkout's (requirements.txt installs them editable)
        "PYTHONPATH": os.pathsep.join(filter(None, [str(project), os.environ.get("PYTHONPATH")])),
        **extra,
    }


def timed(command: list[str], cwd: Path, environ: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=environ, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stderr[-3000:]}")
    return elapsed, done.stderr


def build(project: Path, **extra: str) -> tuple[float, str]:
    site = project / "out"
    # not --strict: a page someone is still writing must not stop the measurement
    command = [PY, "-m", "mkdocs", "build", "--site-dir", str(site)]
    return timed(command, project, env(project, **extra))


def summary(log: str) -> str:
    found = SUMMARY.search(log)
    if not found:
        return "no blocks ran"
    blocks, hits, misses, pages = found.groups()
    return f"{misses}/{blocks} blocks ran ({pages})"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Serve:
    """`mkdocs serve` on the copy; edit() waits for the rebuild and returns its log."""

    def __init__(self, project: Path) -> None:
        command = [PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"]
        self.process = subprocess.Popen(
            command,
            cwd=project,
            env=env(project),
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        self.lines: list[str] = []
        self.changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        self._wait(lambda text: "Serving on" in text, 0)

    def _read(self) -> None:
        for line in self.process.stderr:
            with self.changed:
                self.lines.append(line)
                self.changed.notify_all()

    def _wait(self, done, since: int, timeout: float = 300) -> str | None:
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                text = "".join(self.lines[since:])
                if done(text):
                    return text
                if self.process.poll() is not None:
                    sys.exit("mkdocs serve stopped:\n" + "".join(self.lines[-30:]))
                if time.monotonic() > deadline:
                    return None
                self.changed.wait(1)

    def edit(self, path: Path, text: str) -> tuple[float, str]:
        # On a loaded machine the file watcher now and then misses a write that lands right
        # after a rebuild: write again (with one more newline) rather than wait forever.
        for attempt in range(3):
            time.sleep(0.5)  # let the watcher settle after the previous rebuild
            since = len(self.lines)
            path.write_text(text + "\n" * attempt, encoding="utf-8")
            log = self._wait(lambda t: BUILT.search(t) is not None, since, timeout=60)
            if log is not None:
                return float(BUILT.search(log).group(1)), log
        sys.exit("mkdocs serve did not rebuild after 3 writes:\n" + "".join(self.lines[-30:]))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def pick_page_and_snippet(project: Path) -> tuple[Path, Path]:
    include = re.compile(r'--8<--\s+"(snippets/[^"]+)"')
    for page in sorted((project / "docs").rglob("*.md")):
        found = include.findall(page.read_text(encoding="utf-8"))
        if found:
            return page, project / found[0]
    sys.exit("no page includes a snippet")


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per build measurement")
    parser.add_argument("--test-runs", type=int, default=1, help="runs of the test suite")
    parser.add_argument("--skip-tests", action="store_true", help="do not time the test suite")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        for name in COPY:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, project / name, ignore=shutil.ignore_patterns(".cache"))
            else:
                shutil.copy2(source, project / name)
        cache = project / ".cache" / "exec"

        times: dict[str, list[float]] = {
            "noexec": [], "cold": [], "warm": [], "torch": []
        }  # fmt: skip
        probe = [PY, "-c", "import sitekit, sitebuild; print(sitekit.__file__, sitebuild.__file__)"]
        used = subprocess.run(probe, cwd=project, env=env(project), capture_output=True, text=True)
        if used.stdout.count(str(project)) != 2:
            sys.exit(f"the copy would import other packages: {used.stdout or used.stderr}")
        build(project, LIVE_CODE_EXEC="false")  # first run: compiled templates, jieba model
        for run in range(args.runs):
            print(f"round {run + 1}/{args.runs} ...", file=sys.stderr, flush=True)
            times["noexec"].append(build(project, LIVE_CODE_EXEC="false")[0])
            shutil.rmtree(cache, ignore_errors=True)
            times["cold"].append(build(project)[0])
            elapsed, log = build(project)
            if " 0 misses" not in log:
                sys.exit("the warm build ran code:\n" + log[-2000:])
            times["warm"].append(elapsed)
            bare = timed([PY, "-c", "pass"], project, env(project))[0]
            with_torch = timed([PY, "-c", "import torch"], project, env(project))[0]
            times["torch"].append(with_torch - bare)

        # mkdocs serve: rebuilds after a prose edit and after a snippet edit
        page, snippet = pick_page_and_snippet(project)
        prose, code = page.read_text("utf-8"), snippet.read_text("utf-8")
        serve = Serve(project)
        rebuilds: dict[str, list[float]] = {"prose": [], "snippet": []}
        ran: dict[str, str] = {}
        try:
            for run in range(args.runs):
                seconds, log = serve.edit(page, prose + f"\n\n基准测试改动 {run}。\n")
                rebuilds["prose"].append(seconds)
                ran["prose"] = summary(log)
                seconds, log = serve.edit(snippet, code + f'\nprint("benchmark edit {run}")\n')
                rebuilds["snippet"].append(seconds)
                ran["snippet"] = summary(log)
        finally:
            serve.stop()

        tests: list[float] = []
        if not args.skip_tests:
            for _ in range(args.test_runs):
                start = time.perf_counter()  # timed whether or not others' unfinished tests pass
                subprocess.run([PY, "-m", "pytest", "-q"], cwd=ROOT, capture_output=True)
                tests.append(time.perf_counter() - start)

    noexec, cold, warm = median(times["noexec"]), median(times["cold"]), median(times["warm"])
    torch_import = median(times["torch"])
    first_snippet = rebuilds["snippet"][0]
    rows = [
        ("no-exec build (LIVE_CODE_EXEC=false)", f"{noexec:.2f} s", "1.00"),
        ("cold build (empty cache)", f"{cold:.2f} s", f"{cold / noexec:.2f}"),
        ("warm build (nothing changed)", f"{warm:.2f} s", f"{warm / noexec:.2f}  (target <= 1.15)"),
        ("import torch", f"{torch_import:.2f} s", f"{torch_import / noexec:.2f}"),
        (
            "cold extra cost / import torch",
            f"{cold - noexec:.2f} s",
            f"{(cold - noexec) / torch_import:.2f}x import torch  (target <= 3)",
        ),
        (
            "serve rebuild, prose edit",
            f"{median(rebuilds['prose']):.2f} s",
            f"{median(rebuilds['prose']) / noexec:.2f}  {ran['prose']}",
        ),
        (
            "serve rebuild, snippet edit",
            f"{median(rebuilds['snippet']):.2f} s",
            f"{median(rebuilds['snippet']) / noexec:.2f}  {ran['snippet']}",
        ),
        (
            "  first snippet edit (imports torch)",
            f"{first_snippet:.2f} s",
            f"{first_snippet / noexec:.2f}",
        ),
    ]
    if tests:
        suite = median(tests)
        rows.append(("test suite (pytest)", f"{suite:.2f} s", f"{suite / noexec:.2f}"))

    print(f"\nmedians of {args.runs} runs (test suite: {len(tests)}), {os.cpu_count()} CPUs")
    print("| measurement | time | ratio to no-exec build |")
    print("|---|---:|---|")
    for name, value, ratio in rows:
        print(f"| {name} | {value} | {ratio} |")


if __name__ == "__main__":
    main()

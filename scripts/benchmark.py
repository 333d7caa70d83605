"""Build-speed benchmark (`make bench`): what the live code costs, measured in one run.

On a copy of the project (the checkout is never touched), interleaved rounds (a busy machine
slows all alike), medians and ratios to a no-exec build: the cold build (empty cache), the warm
build (target <= 1.15), rebuilds after a prose and a snippet edit in one process as `mkdocs
serve` does them, `import torch`, and `make test-fast`. Usage: [--runs 5] [--skip-tests]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
COPY = ("docs", "snippets", "sitekit", "sitebuild", "overrides", "mkdocs.yml", "pyproject.toml")
SUMMARY = re.compile(r"exec cache .*?: (\d+) blocks, (\d+) hits, (\d+) misses.*?pages run: (.*?);")
REBUILT = re.compile(r"^rebuilt (\.md|\.py) (\S+)$", re.MULTILINE)
# What `mkdocs serve` does on a change: load the config again and build, in the same process
# (imports and the exec cache stay). Prints the seconds of each rebuild and the exec summary.
REBUILDS = """
import sys, time, logging
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.basicConfig(level=logging.INFO, format="%(message)s")
page, snippet = Path(sys.argv[1]), Path(sys.argv[2])
build(load_config("mkdocs.yml", site_dir="out"))
for path in [page, snippet] * int(sys.argv[3]):
    path.write_text(path.read_text("utf-8") + "\\n", "utf-8")
    start = time.perf_counter()
    build(load_config("mkdocs.yml", site_dir="out"))
    print("rebuilt", path.suffix, time.perf_counter() - start, file=sys.stderr)
"""


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
    # not --strict: a page someone is still writing must not stop the measurement
    command = [PY, "-m", "mkdocs", "build", "--site-dir", str(project / "out")]
    return timed(command, project, env(project, **extra))


def rebuilds(project: Path, runs: int) -> dict[str, list[float]]:
    include = re.compile(r'--8<--\s+"(snippets/[^"]+)"')
    pages = sorted((project / "docs").rglob("*.md"))
    page = next(p for p in pages if include.search(p.read_text()))
    snippet = project / include.search(page.read_text())[1]
    command = [PY, "-c", REBUILDS, str(page), str(snippet), str(runs)]
    _, log = timed(command, project, env(project))
    seconds: dict[str, list] = {".md": [], ".py": []}
    for kind, value in REBUILT.findall(log):
        seconds[kind].append(float(value))
    seconds["ran"] = [int(m[3]) for m in SUMMARY.finditer(log)][-2:]  # prose, then snippet
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per build measurement")
    parser.add_argument("--skip-tests", action="store_true", help="do not time make test-fast")
    args = parser.parse_args()
    times: dict[str, list[float]] = {"noexec": [], "cold": [], "warm": [], "torch": []}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(ROOT, project, ignore=lambda folder, names: [
            n for n in names if n == ".cache" or (folder == str(ROOT) and n not in COPY)
        ])  # fmt: skip
        build(project, LIVE_CODE_EXEC="false")  # first run: compiled templates
        for run in range(args.runs):
            print(f"round {run + 1}/{args.runs} ...", file=sys.stderr, flush=True)
            times["noexec"].append(build(project, LIVE_CODE_EXEC="false")[0])
            shutil.rmtree(project / ".cache" / "exec", ignore_errors=True)
            times["cold"].append(build(project)[0])
            elapsed, log = build(project)
            if " 0 misses" not in log:
                sys.exit("the warm build ran code:\n" + log[-2000:])
            times["warm"].append(elapsed)
            bare = timed([PY, "-c", "pass"], project, env(project))[0]
            with_torch = timed([PY, "-c", "import torch"], project, env(project))[0]
            times["torch"].append(with_torch - bare)
        serve = rebuilds(project, args.runs)

    noexec, cold, warm, torch = (statistics.median(times[k]) for k in times)
    prose, snippet = statistics.median(serve[".md"]), statistics.median(serve[".py"])
    rows = [
        ("no-exec build (LIVE_CODE_EXEC=false)", noexec, "1.00"),
        ("cold build (empty cache)", cold, f"{cold / noexec:.2f}"),
        ("warm build (nothing changed)", warm, f"{warm / noexec:.2f}  (target <= 1.15)"),
        ("import torch", torch, f"{torch / noexec:.2f}"),
        ("cold extra cost / import torch", cold - noexec,
         f"{(cold - noexec) / torch:.2f}x import torch (serial)"),
        ("rebuild after a prose edit", prose, f"{prose / noexec:.2f}  ran {serve['ran'][0]}"),
        ("rebuild after a snippet edit", snippet, f"{snippet / noexec:.2f}  ran {serve['ran'][1]}"),
    ]  # fmt: skip
    if not args.skip_tests:
        tests = timed([PY, "-m", "pytest", "-q", "-m", "not site"], ROOT, dict(os.environ))[0]
        rows.append(("make test-fast (pytest -m 'not site')", tests, f"{tests / noexec:.2f}"))
    print(f"\nmedians of {args.runs} runs, {os.cpu_count()} CPUs")
    print("| measurement | time | ratio to no-exec build |")
    print("|---|---:|---|")
    for name, value, ratio in rows:
        print(f"| {name} | {value:.2f} s | {ratio} |")


if __name__ == "__main__":
    main()

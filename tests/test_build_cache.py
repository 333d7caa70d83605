"""The exec output cache (sitekit/exec_cache.py), its prefill worker (sitekit/prefill.py) and
fixed build costs (sitekit/build_speed.py).

Each case builds a throw-away site (this repository's mkdocs.yml, hooks and sitekit, plus two
pages with two snippets each) in a temporary folder, with the cache in that folder, and reads
the cache's one-line summary from the build log: which blocks were hits, which ran, on which
pages, and whether torch was imported at all (by the build process; the prefill worker's own
line says what it ran).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from sitekit import build_speed, exec_cache, prefill

PAGES = {
    "alpha": "# 第一页\n\n一段散文。\n\n{a1}\n\n中间的话。\n\n{a2}\n",
    "beta": "# 第二页\n\n> [!tip] 提示\n> 一个提示。\n>\n{b1}\n\n{b2}\n",
}
SNIPPETS = {
    "alpha_001.py": 'import torch\n\ntorch.manual_seed(0)\nprint("alpha-1", torch.arange(3) * 2)\n',
    "alpha_002.py": 'import torch\n\nprint("alpha-2", torch.ones(2).sum().item())\n',
    "beta_001.py": 'import torch\n\nprint("beta-1", torch.tensor([1.5, 2.5]).mean().item())\n',
    "beta_002.py": 'print("beta-2", sum(range(5)))\n',
}
FENCE = '```python exec="1" source="above" result="text"\n--8<-- "snippets/{name}"\n```'
SUMMARY = re.compile(
    r"exec cache (?P<state>on|off[^:]*): (?P<blocks>\d+) blocks, (?P<hits>\d+) hits, "
    r"(?P<misses>\d+) misses \((?P<corrupt>\d+) corrupt entries recomputed, "
    r"(?P<errors>\d+) failed blocks\); pages run: (?P<pages>.*?); "
    r"torch imported: (?P<torch>yes|no)"
)
PREFILL = re.compile(
    r"exec prefill: (?P<missing>\d+) blocks missing at start; worker processes ran "
    r"(?P<worker>\d+) \([\d +]+\), this process (?P<here>\d+) \((?P<taken_back>\d+) taken back"
)


def fence(name: str, callout: bool = False) -> str:
    text = FENCE.format(name=name)
    return "\n".join("> " + line for line in text.splitlines()) if callout else text


def write_pages(site: Path) -> None:
    docs = site / "docs"
    (docs / "alpha.md").write_text(
        PAGES["alpha"].format(a1=fence("alpha_001.py"), a2=fence("alpha_002.py")), "utf-8"
    )
    (docs / "beta.md").write_text(
        PAGES["beta"].format(b1=fence("beta_001.py", callout=True), b2=fence("beta_002.py")),
        "utf-8",
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A throw-away site: the real config, hooks and sitekit, with two pages and four snippets."""
    base = tmp_path_factory.mktemp("cache-site")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("# Page tree")]
    config += "nav:\n  - index.md\n  - alpha.md\n  - beta.md\n"
    (base / "mkdocs.yml").write_text(config, encoding="utf-8")
    for shared in ("hooks", "overrides"):
        (base / shared).symlink_to(ROOT / shared)
    # a copy: the key hashes sitekit/*.py, which others may be editing while the tests run
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "sitekit", base / "sitekit", ignore=skip)
    (base / "docs").mkdir()
    for shared in ("assets", "stylesheets"):
        (base / "docs" / shared).symlink_to(ROOT / "docs" / shared)
    (base / "docs" / "index.md").write_text("# 首页\n\n激活函数与梯度消失。\n", encoding="utf-8")
    (base / "snippets").mkdir()
    for name, code in SNIPPETS.items():
        (base / "snippets" / name).write_text(code, encoding="utf-8")
    write_pages(base)
    return base


@pytest.fixture(scope="module")
def warm(template, tmp_path_factory) -> tuple[Path, dict]:
    """The template after one cold build: every block ran and was stored. Serial (no prefill
    worker), so that the build process's own counts can be checked."""
    site = tmp_path_factory.mktemp("warm") / "site"
    shutil.copytree(template, site, symlinks=True)
    result = build(site, LIVE_CODE_PREFILL="off")
    return site, result


@pytest.fixture
def site(warm, tmp_path) -> Path:
    """A private copy of the warm site (its cache included), for one test to edit."""
    copy = tmp_path / "site"
    shutil.copytree(warm[0], copy, symlinks=True)
    return copy


def run_build(site: Path, *options: str, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build` of the test site in a subprocess, its cache in the site's folder."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site / "out"), *options],
        cwd=site,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "LIVE_CODE_CACHE_DIR": str(site / ".cache" / "exec"),
            **env,
        },
    )


def build(site: Path, *options: str, **env: str) -> dict:
    done = run_build(site, "--strict", *options, **env)
    assert done.returncode == 0, done.stderr
    found = SUMMARY.search(done.stderr)
    assert found, f"no exec cache summary in the build log:\n{done.stderr}"
    summary = found.groupdict()
    for number in ("blocks", "hits", "misses", "corrupt", "errors"):
        summary[number] = int(summary[number])
    summary["pages"] = [] if summary["pages"] == "none" else summary["pages"].split(", ")
    summary["log"] = done.stderr
    worker = PREFILL.search(done.stderr)
    summary["prefill"] = {k: int(v) for k, v in worker.groupdict().items()} if worker else None
    return summary


def html(site: Path, page: str) -> str:
    return (site / "out" / page / "index.html").read_text(encoding="utf-8")


def entries(site: Path) -> list[Path]:
    return sorted((site / ".cache" / "exec").glob("*.json"))


def test_cold_build_runs_every_block_and_stores_it(warm):
    site, cold = warm
    assert (cold["blocks"], cold["hits"], cold["misses"]) == (4, 0, 4)
    assert cold["pages"] == ["alpha.md", "beta.md"]
    assert cold["torch"] == "yes"
    assert len(entries(site)) == 8  # each block: its output, and its rendered HTML
    assert "alpha-1 tensor([0, 2, 4])" in html(site, "alpha")
    assert "beta-1 2.0" in html(site, "beta")  # the block inside the callout ran too


def test_warm_build_runs_nothing_and_never_imports_torch(site):
    cold_pages = {page: html(site, page) for page in ("alpha", "beta")}
    warm = build(site)
    assert (warm["hits"], warm["misses"]) == (4, 0)
    assert warm["torch"] == "no"
    assert warm["prefill"] is None  # nothing missing: no worker started
    # pages from the cache are byte for byte the pages the cold build rendered
    assert {page: html(site, page) for page in ("alpha", "beta")} == cold_pages


def test_prose_edit_reruns_no_block(site):
    page = site / "docs" / "alpha.md"
    page.write_text(page.read_text("utf-8").replace("一段散文。", "改过的散文。"), "utf-8")
    after = build(site)
    assert (after["hits"], after["misses"]) == (4, 0)
    assert "改过的散文" in html(site, "alpha")
    assert after["torch"] == "no"


def test_snippet_edit_reruns_only_that_page(site):
    snippet = site / "snippets" / "beta_001.py"
    snippet.write_text(snippet.read_text("utf-8").replace("[1.5, 2.5]", "[1.5, 4.5]"), "utf-8")
    after = build(site)
    assert (after["hits"], after["misses"]) == (3, 1)
    assert after["pages"] == ["beta.md"]
    assert "beta-1 3.0" in html(site, "beta")
    assert "beta-1 2.0" not in html(site, "beta")


def test_changed_torch_version_reruns_everything(site):
    after = build(site, LIVE_CODE_CACHE_VERSIONS="torch=0.0.0+other")
    assert (after["hits"], after["misses"]) == (0, 4)
    assert after["pages"] == ["alpha.md", "beta.md"]
    # and the entries of the new version are used from then on
    again = build(site, LIVE_CODE_CACHE_VERSIONS="torch=0.0.0+other")
    assert (again["hits"], again["misses"]) == (4, 0)


def test_key_covers_code_session_versions_and_seed():
    base = exec_cache.block_key("print(1)", [], ".")
    assert exec_cache.block_key("print(1)", [], ".") == base
    assert exec_cache.block_key("print(2)", [], ".") != base
    assert exec_cache.block_key("print(1)", ["x = 1"], ".") != base
    parts = json.loads(exec_cache.fingerprint())
    assert {"torch", "numpy", "matplotlib", "markdown-exec", "python"} <= set(parts["versions"])
    assert parts["seed"] == exec_cache.SEED
    assert parts["format"] == exec_cache.CACHE_FORMAT


def test_tampered_or_partial_entries_are_recomputed_not_shown(site):
    for number, path in enumerate(entries(site)):
        if number % 2:
            path.write_bytes(path.read_bytes()[:40])  # a partial write
        else:
            entry = json.loads(path.read_text("utf-8"))
            entry["output"] = "TAMPERED OUTPUT\n"  # the checksum no longer matches
            path.write_text(json.dumps(entry), "utf-8")
    after = build(site)
    assert (after["hits"], after["misses"], after["corrupt"]) == (0, 4, 8)
    assert all("TAMPERED" not in html(site, page) for page in ("alpha", "beta"))
    assert "alpha-1 tensor([0, 2, 4])" in html(site, "alpha")
    again = build(site)  # the recomputed entries were rewritten whole
    assert (again["hits"], again["corrupt"]) == (4, 0)


def test_cache_off_runs_everything_and_writes_nothing(site):
    shutil.rmtree(site / ".cache" / "exec")
    after = build(site, LIVE_CODE_CACHE="off")
    assert (after["hits"], after["misses"]) == (0, 4)
    assert after["state"].startswith("off")
    assert after["prefill"] is None  # serial, as in CI's cold build
    assert not (site / ".cache" / "exec").exists()


def test_failing_block_is_never_cached(site):
    snippet = site / "snippets" / "beta_002.py"
    snippet.write_text('raise ValueError("boom")\n', "utf-8")
    before = len(entries(site))
    done = run_build(site)
    assert "exited with errors" in done.stderr
    assert "1 failed blocks" in done.stderr
    assert len(entries(site)) == before


def test_no_exec_switch_builds_without_running(site):
    done = run_build(site, "--strict", LIVE_CODE_EXEC="false")
    assert done.returncode == 0, done.stderr
    assert "exec cache" not in done.stderr
    assert "alpha-1 tensor" not in html(site, "alpha")


# ---------------------------------------------------------------------------------------------
# Search: the compact jieba dictionary still finds technical words inside sentences

TERMS = ["激活函数", "梯度消失", "链式法则", "交叉熵", "计算图", "反向传播", "损失函数"]
SENTENCES = [
    "它的激活函数会导致梯度消失问题，利用链式法则计算梯度。",
    "交叉熵损失在计算图上反向传播，损失函数越小越好。",
    "深层网络里的梯度消失让前面的层学不动，所以要换激活函数。",
    "沿着计算图反向传播时，每一步都用链式法则把梯度乘起来。",
    "分类任务常用交叉熵作为损失函数。",
]


def starts(tokens: list[str]) -> set[int]:
    positions, at = set(), 0
    for token in tokens:
        positions.add(at)
        at += len(token)
    return positions


@pytest.fixture(scope="module")
def compact_jieba(tmp_path_factory):
    jieba = pytest.importorskip("jieba")
    full = Path(jieba.__file__).parent / "dict.txt"
    target = tmp_path_factory.mktemp("jieba") / "dict.txt"
    path = build_speed.compact_dictionary(full, target)
    tokenizer = jieba.Tokenizer(str(path))
    tokenizer.tmp_dir = str(target.parent)
    return full, path, tokenizer


def test_compact_dictionary_is_a_fraction_of_the_full_one(compact_jieba):
    full, compact, _ = compact_jieba
    full_words = full.read_text("utf-8").count("\n")
    compact_words = compact.read_text("utf-8").count("\n")
    assert compact_words < full_words / 5


@pytest.mark.parametrize("sentence", SENTENCES)
def test_terms_inside_sentences_start_on_a_word_boundary(compact_jieba, sentence):
    # Material segments a Chinese query with the index's own tokens and matches each part as a
    # prefix: a term is found inside a sentence when it starts where a token starts.
    _, _, tokenizer = compact_jieba
    boundaries = starts(list(tokenizer.cut(sentence)))
    for term in TERMS:
        for found in re.finditer(term, sentence):
            cut = "/".join(tokenizer.cut(sentence))
            assert found.start() in boundaries, f"{term} in {sentence}: {cut}"


def test_site_uses_the_compact_dictionary(warm):
    site, cold = warm
    assert (site / ".cache" / "jieba" / "dict.txt").is_file()
    index = json.loads((site / "out" / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b激活\u200b函数\u200b" in text  # segmented: findable inside the sentence


def test_session_block_after_hits_replays_the_earlier_blocks(site):
    page = site / "docs" / "beta.md"
    first = '```python exec="1" session="s"\nx = 41\n```'
    second = '```python exec="1" session="s"\nprint("answer", x + {n})\n```'
    page.write_text(f"# 第二页\n\n{first}\n\n{second.format(n=1)}\n", "utf-8")
    before = build(site)
    assert (before["hits"], before["misses"]) == (2, 2)
    assert "answer 42" in html(site, "beta")
    page.write_text(f"# 第二页\n\n{first}\n\n{second.format(n=2)}\n", "utf-8")
    after = build(site)  # the first block is a hit, so `x` exists only if it is replayed
    assert (after["hits"], after["misses"], after["errors"]) == (3, 1, 0)
    assert "answer 43" in html(site, "beta")



# ---------------------------------------------------------------------------------------------
# Prefill: on a cold build a worker process fills the cache while the build renders pages

PLAIN = 'print("plain", 6 * 7)\n'  # imports nothing: the build process runs it itself
DIES_IN_WORKER = (
    "import os\nimport sys\n\nimport torch\n\n"
    'if sys.argv[0].endswith("prefill.py"):  # only in the prefill worker\n'
    "    os._exit(3)\n"
    'print("survived", torch.tensor([1, 2]).sum().item())\n'
)
RAISES = 'import torch\n\nraise ValueError("boom from " + str(torch.tensor(1).item()))\n'


@pytest.fixture
def cold(template, tmp_path) -> Path:
    """The template with no cache, and a block on the home page that imports nothing."""
    site = tmp_path / "cold"
    shutil.copytree(template, site, symlinks=True)
    (site / "snippets" / "plain_001.py").write_text(PLAIN, "utf-8")
    (site / "docs" / "index.md").write_text(f"# 首页\n\n{fence('plain_001.py')}\n", "utf-8")
    return site


def pages_and_entries(site: Path) -> dict[str, bytes]:
    out = {p.relative_to(site).as_posix(): p.read_bytes() for p in entries(site)}
    for page in ("alpha", "beta"):
        out[page] = html(site, page).encode()
    out["index"] = (site / "out" / "index.html").read_bytes()
    return out


def test_prefilled_cold_build_is_the_serial_build_byte_for_byte(cold, tmp_path):
    serial_site = tmp_path / "serial"
    shutil.copytree(cold, serial_site, symlinks=True)
    serial = build(serial_site, LIVE_CODE_PREFILL="off")
    assert serial["prefill"] is None
    prefilled = build(cold, "-v")
    # the worker ran the four torch blocks; the build ran the one that imports nothing (it
    # reaches the home page long before the worker has imported torch)
    assert prefilled["prefill"] == {"missing": 5, "worker": 4, "here": 1, "taken_back": 0}
    # every block still counts as run in this build, on its page
    assert (prefilled["hits"], prefilled["misses"]) == (0, 5)
    assert prefilled["pages"] == ["alpha.md", "beta.md", "index.md"]
    assert prefilled["torch"] == "no"  # only the worker imported torch
    assert "exec cache miss, run by the prefill worker: alpha.md" in prefilled["log"]
    assert pages_and_entries(cold) == pages_and_entries(serial_site)
    assert "alpha-1 tensor([0, 2, 4])" in html(cold, "alpha")
    # the worker did not outlive its build, and its claims folder is gone
    found = re.search(r"worker pid (\d+), claims in (\S+)", prefilled["log"])
    assert found, prefilled["log"]
    with pytest.raises(ProcessLookupError):
        os.kill(int(found[1]), 0)
    assert not Path(found[2]).exists()


SCAN = (
    "import json, pathlib\nfrom sitekit import prefill\n"
    "root = pathlib.Path.cwd()\n"
    "print(json.dumps([[j.page, j.key] for j in prefill.scan(root / 'docs', root)]))"
)


def test_scan_keys_are_the_keys_the_pages_compute(cold):
    # scanned as the build scans: the site's folder, its copy of sitekit (the key hashes it)
    done = subprocess.run(
        [sys.executable, "-c", SCAN],
        cwd=cold,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(cold), "MKDOCS_CONFIG_DIR": str(cold)},
        check=True,
    )
    scanned = json.loads(done.stdout)
    assert [page for page, _ in scanned] == ["index.md", *["alpha.md"] * 2, *["beta.md"] * 2]
    serial = build(cold, "-v", LIVE_CODE_PREFILL="off")
    ran = set(re.findall(r"exec cache miss: \S+ block \d+ \[([0-9a-f]{12})\]", serial["log"]))
    assert {key[:12] for _, key in scanned} == ran
    assert serial["misses"] == 5


def test_block_the_worker_dropped_is_run_by_the_build(cold):
    (cold / "snippets" / "beta_002.py").write_text(DIES_IN_WORKER, "utf-8")
    after = build(cold)
    assert after["prefill"]["taken_back"] == 1
    assert after["errors"] == 0
    assert "survived 3" in html(cold, "beta")
    assert "alpha-1 tensor([0, 2, 4])" in html(cold, "alpha")


def test_block_that_raises_in_the_worker_fails_the_build_as_usual(cold):
    (cold / "snippets" / "beta_002.py").write_text(RAISES, "utf-8")
    done = run_build(cold, "--strict")
    assert done.returncode != 0
    assert "beta.md" in done.stderr and "boom from 1" in done.stderr
    assert "1 failed blocks" in done.stderr
    assert re.search(r"worker processes ran 4 .*\(1 taken back from the worker\)", done.stderr)
    stored = {json.loads(p.read_text("utf-8"))["output"] for p in entries(cold)}
    assert not any("boom" in output for output in stored)


def test_scan_takes_only_blocks_whose_code_is_known_before_rendering(tmp_path):
    (tmp_path / "snippets").mkdir()
    for name in ("a.py", "b.py", "c.py", "d.py", "e.py", "f.py"):
        (tmp_path / "snippets" / name).write_text(f'print("{name}")\n', "utf-8")
    page = "\n\n".join(
        [
            '```python exec="1" source="above" result="text"\n--8<-- "snippets/a.py"\n```',
            '> [!tip] 提示\n>\n> ```python exec="1" html="1"\n> --8<-- "snippets/b.py"\n> ```',
            '```python exec="1" session="s"\n--8<-- "snippets/c.py"\n```',  # a session
            '```python exec="1" workdir="tmp"\n--8<-- "snippets/d.py"\n```',  # runs elsewhere
            '````markdown\n```python exec="1"\n--8<-- "snippets/e.py"\n```\n````',  # shown
            '```python\n--8<-- "snippets/f.py"\n```',  # not executed
            '```python exec="1"\n--8<-- "snippets/a.py"\nprint("more")\n```',  # more code
            '```python exec="1"\n--8<-- "snippets/missing.py"\n```',  # the build reports it
        ]
    )
    jobs = prefill.page_jobs(page, "p.md", tmp_path)
    assert [job.code for job in jobs] == ['print("a.py")\n', 'print("b.py")\n']
    assert jobs[0].key == exec_cache.snippet_key('print("a.py")\n')

"""The build machinery (sitebuild): the exec output cache, a failing block, the notebooks'
and the Markdown extension's engine-neutral parts.

Each case builds a throw-away site (this repository's mkdocs.yml and plugin, plus two pages with
two snippets each) in a temporary folder, with the cache in that folder, and reads the cache's
one-line summary from the build log: which blocks were hits, which ran, on which pages, and
whether torch was imported at all.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from conftest import ROOT

from sitebuild import execution

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
    r"(?P<misses>\d+) misses; pages run: (?P<pages>.*?); torch imported: (?P<torch>yes|no)"
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
    """A throw-away site: the real config and plugin, with two pages and four snippets."""
    base = tmp_path_factory.mktemp("cache-site")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("# Page tree")]
    config += "nav:\n  - index.md\n  - alpha.md\n  - beta.md\n"
    (base / "mkdocs.yml").write_text(config, encoding="utf-8")
    for shared in ("overrides", "sitekit"):  # mkdocs.yml names both
        (base / shared).symlink_to(ROOT / shared)
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
    """The template after one cold build: every block ran and was stored."""
    site = tmp_path_factory.mktemp("warm") / "site"
    shutil.copytree(template, site, symlinks=True)
    return site, build(site)


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
    for number in ("blocks", "hits", "misses"):
        summary[number] = int(summary[number])
    summary["pages"] = [] if summary["pages"] == "none" else summary["pages"].split(", ")
    summary["log"] = done.stderr
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
    assert len(entries(site)) == 8  # each block: its output and its rendered HTML
    assert "alpha-1 tensor([0, 2, 4])" in html(site, "alpha")
    assert "beta-1 2.0" in html(site, "beta")  # the block inside the callout ran too


def test_warm_build_runs_nothing_and_never_imports_torch(site):
    cold_pages = {page: html(site, page) for page in ("alpha", "beta")}
    warm = build(site)
    assert (warm["hits"], warm["misses"]) == (4, 0)
    assert warm["torch"] == "no"
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


def test_key_covers_code_versions_seed_and_the_runtime_only(monkeypatch, tmp_path):
    base = execution.block_key("print(1)")
    assert execution.block_key("print(1)") == base
    assert execution.block_key("print(2)") != base
    assert execution.block_key("print(1)", cwd="tmp") != base
    parts = json.loads(execution.fingerprint())
    assert {"torch", "numpy", "matplotlib", "markdown-exec", "python"} <= set(parts["versions"])
    assert parts["seed"] == execution.SEED
    # what snippets import is in the key; the build machinery is not
    assert execution.RUNTIME == ROOT / "sitekit"
    runtime = tmp_path / "runtime"
    shutil.copytree(ROOT / "sitekit", runtime)
    monkeypatch.setattr(execution, "RUNTIME", runtime)
    execution.fingerprint.cache_clear()
    assert execution.block_key("print(1)") == base
    (runtime / "figures.py").write_text("# changed\n", "utf-8")
    execution.fingerprint.cache_clear()
    assert execution.block_key("print(1)") != base
    monkeypatch.undo()
    execution.fingerprint.cache_clear()


def test_tampered_or_partial_entries_are_recomputed_not_shown(site):
    for number, path in enumerate(entries(site)):
        if number % 2:
            path.write_bytes(path.read_bytes()[:40])  # a partial write
        else:
            entry = json.loads(path.read_text("utf-8"))
            entry["output"] = "TAMPERED OUTPUT\n"  # the checksum no longer matches
            path.write_text(json.dumps(entry), "utf-8")
    after = build(site)
    assert (after["hits"], after["misses"]) == (0, 4)
    assert all("TAMPERED" not in html(site, page) for page in ("alpha", "beta"))
    assert "alpha-1 tensor([0, 2, 4])" in html(site, "alpha")
    again = build(site)  # the recomputed entries were rewritten whole
    assert (again["hits"], again["misses"]) == (4, 0)


def test_cache_off_runs_everything_and_writes_nothing(site):
    shutil.rmtree(site / ".cache" / "exec")
    after = build(site, LIVE_CODE_CACHE="off")
    assert (after["hits"], after["misses"]) == (0, 4)
    assert after["state"].startswith("off")
    assert not (site / ".cache" / "exec").exists()


def test_failing_block_stops_the_build_naming_its_page_and_is_never_cached(site):
    snippet = site / "snippets" / "beta_002.py"
    snippet.write_text('raise ValueError("boom")\n', "utf-8")
    before = len(entries(site))
    done = run_build(site)  # not even --strict: the runner itself stops the build
    assert done.returncode != 0
    assert "beta.md: code block 2 raised" in done.stderr
    assert 'ValueError: boom' in done.stderr
    assert len(entries(site)) == before


def test_a_session_block_stops_the_build(site):
    page = site / "docs" / "beta.md"
    page.write_text('# 第二页\n\n```python exec="1" session="s"\nx = 41\n```\n', "utf-8")
    done = run_build(site)
    assert done.returncode != 0
    assert "beta.md: block 1 uses session=" in done.stderr


def test_no_exec_switch_builds_without_running(site):
    done = run_build(site, "--strict", LIVE_CODE_EXEC="false")
    assert done.returncode == 0, done.stderr
    assert "exec cache" not in done.stderr
    assert "alpha-1 tensor" not in html(site, "alpha")


# ---------------------------------------------------------------------------------------------
# The Markdown extension alone, as an engine that ignores plugins and callouts runs it


def test_extension_alone_expands_includes_in_callouts_and_stops_on_a_raise(tmp_path, monkeypatch):
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "ok.py").write_text('print("inside", 6 * 7)\n', "utf-8")
    (tmp_path / "snippets" / "bad.py").write_text('raise KeyError("nope")\n', "utf-8")
    monkeypatch.setenv("LIVE_CODE_CACHE", "off")
    from markdown_exec import formatter, validator

    def convert(text: str) -> str:
        fences = [{"name": "python", "class": "python", "validator": validator,
                   "format": formatter}]
        extensions = ["sitebuild.markdown", "pymdownx.snippets", "pymdownx.superfences"]
        configs = {
            "sitebuild.markdown": {"base_path": str(tmp_path), "docs_dir": str(tmp_path)},
            "pymdownx.snippets": {"base_path": [str(tmp_path)], "check_paths": True},
            "pymdownx.superfences": {"custom_fences": fences},
        }
        return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)

    quoted = '> [!tip] 提示\n>\n> ```python exec="1"\n> --8<-- "snippets/{}.py"\n> ```\n'
    out = convert(quoted.format("ok"))
    assert "inside 42" in out and "--8&lt;--" not in out and "--8<--" not in out
    with pytest.raises(execution.BlockFailed, match="KeyError"):
        convert(quoted.format("bad"))

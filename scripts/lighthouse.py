"""Lighthouse (npm lighthouse@12.2.3, Debian's Chromium), mobile and desktop, on every page.

    make lighthouse    # or: scripts/lighthouse.py [--site DIR] [--pages P ...] [--runs N] [--check]

Pages are served as GitHub Pages does (text gzip-compressed). The table: the four scores, the
first view's bytes (compressed; the search index loads later) and requests (not data: URIs).
Targets: a11y, best practices, SEO 100; mobile performance >= 95; <= 150 KB, <= 15 requests.
A miss is marked "!"; --check exits 1 on any. JSON reports: .cache/lighthouse/.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from browser_support import CHROMIUM, CHROMIUM_ARGS, ROOT, built_site, serve, site_pages

LIGHTHOUSE = ROOT / ".cache" / "node" / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / ".cache" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MAX_KB, MAX_REQUESTS = 150, 15


def run(url: str, form: str, out: Path) -> dict:
    # yargs-parser (Lighthouse's) keeps a double-quoted value with spaces in one piece
    quoted = [a.replace("=", '="', 1) + '"' if " " in a else a for a in CHROMIUM_ARGS]
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}",
               f"--chrome-flags={' '.join(['--headless=new', *quoted])}"]  # fmt: skip
    if form == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(out.read_text(encoding="utf-8"))


def summarise(report: dict) -> dict:
    audits = report["audits"]
    # Requests that reach the network; data: URIs (Material's inline icons) transfer nothing.
    requests = audits["network-requests"]["details"]["items"]
    return {
        **{c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "kb": audits["total-byte-weight"]["numericValue"] / 1024,
        "requests": sum(not item["url"].startswith("data:") for item in requests),
        "failed": [
            a["id"]
            for a in audits.values()
            if a.get("score") is not None and a["score"] < 1 and a["id"] != "total-byte-weight"
            and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
        ],
    }


def misses(form: str, row: dict) -> list[str]:
    out = [c for c in ("accessibility", "best-practices", "seo") if row[c] < 100]
    checks = {"performance": form == "mobile" and row["performance"] < 95,
              "kb": row["kb"] > MAX_KB, "requests": row["requests"] > MAX_REQUESTS}  # fmt: skip
    return out + [name for name, missed in checks.items() if missed]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="an existing build (default: build into .cache/)")
    parser.add_argument("--pages", nargs="*", help="URL paths (default: every page)")
    parser.add_argument("--forms", nargs="*", default=["mobile", "desktop"], help="mobile, desktop")
    parser.add_argument(
        "--runs", type=int, default=1,
        help="runs per page and form; the row is the run with the median performance score "
        "(this machine is noisy: mobile scores move by +-5 from run to run)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if any target is missed")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("lighthouse is not installed: run `make lighthouse` (npm, into .cache/node/)")
    site = built_site(args.site)
    pages = args.pages if args.pages is not None else site_pages(site)
    REPORTS.mkdir(parents=True, exist_ok=True)

    rows = []
    with serve(site, compress=True) as base:
        for path in pages:
            for form in args.forms:
                name = (path.strip("/").replace("/", "__") or "home") + f"--{form}"
                runs = []
                for number in range(args.runs):
                    numbered = f".{number + 1}" if args.runs > 1 else ""
                    report = REPORTS / f"{name}{numbered}.json"
                    runs.append(summarise(run(base + path, form, report)))
                    print(f"{path or '/'} {form}: {runs[-1]}", file=sys.stderr)
                row = sorted(runs, key=lambda r: r["performance"])[len(runs) // 2]
                rows.append((path or "/", form, row))

    print("Served like GitHub Pages: text files gzip-compressed (Content-Encoding: gzip).")
    print("Lighthouse 12.2.3, Chromium", CHROMIUM)
    if args.runs > 1:
        print(f"Each row: the median of {args.runs} runs by performance score.")
    print()
    print("| page | form | perf. | a11y | best pr. | SEO | KB transferred | requests |")
    print("|---|---|--:|--:|--:|--:|--:|--:|")
    missed = []
    for path, form, row in rows:
        bad = misses(form, row)  # "!" after a missed value
        cells = [f"{row[c]:.0f}{'!' * (c in bad)}" for c in (*CATEGORIES, "kb", "requests")]
        print(f"| `{path}` | {form} | {' | '.join(cells)} |")
        if bad:
            missed.append(f"{path} {form}: {', '.join(bad)} (audits below 1: {row['failed']})")
    summary = ["Missed targets:", *missed] if missed else ["Every page meets every target."]
    print("", *summary, sep="\n")
    return 1 if missed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())

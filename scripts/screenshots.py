"""Desktop and phone screenshots of every page, light and dark, for a reviewer.

    make screenshots            # or: .venv/bin/python scripts/screenshots.py [--site DIR]

Writes full-page PNGs and an index.html contact sheet into .cache/screenshots/ (git-ignored):
open .cache/screenshots/index.html to look at the whole site in a minute.
"""

from __future__ import annotations

import argparse
import html
import shutil

from browser_support import DESKTOP, PHONE, ROOT, SCHEMES, built_site, launch, serve, site_pages
from playwright.sync_api import sync_playwright

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="an existing build (default: build into .cache/)")
    parser.add_argument("--out", default=".cache/screenshots", help="output folder")
    args = parser.parse_args()
    site = built_site(args.site)
    out = ROOT / args.out  # relative to the project; an absolute --out stays absolute
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)

    pages = site_pages(site)
    rows = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for viewport, size in VIEWPORTS.items():
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport=size, color_scheme=scheme, reduced_motion="reduce"
                )
                page = context.new_page()
                for path in pages:
                    name = (path.strip("/").replace("/", "__") or "home") + f"--{viewport}-{scheme}"
                    page.goto(base + path, wait_until="networkidle")
                    page.screenshot(path=str(out / f"{name}.png"), full_page=True)
                    rows.append((path or "/", viewport, scheme, f"{name}.png"))
                    print(f"{name}.png")
                context.close()

    cells = "\n".join(
        f'<figure><a href="{html.escape(f)}"><img src="{html.escape(f)}" loading="lazy" '
        f'alt="{html.escape(p)} {v} {s}"></a><figcaption>{html.escape(p)} · {v} · {s}'
        "</figcaption></figure>"
        for p, v, s, f in sorted(rows)
    )
    (out / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Screenshots</title><style>"
        "body{font:14px sans-serif;display:flex;flex-wrap:wrap;gap:12px}"
        "figure{margin:0;width:220px}img{width:100%;max-height:420px;object-fit:cover;"
        "object-position:top;border:1px solid #999}</style>\n" + cells,
        encoding="utf-8",
    )
    print(f"{len(rows)} screenshots in {out}; open {out / 'index.html'}")


if __name__ == "__main__":
    main()

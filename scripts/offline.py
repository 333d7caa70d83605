"""The offline edition: the whole site as a folder that works from file:// (and a .zip of it),
and as one PDF printed by Chromium from a print view of the same build (`make offline`).

One strict build of mkdocs.yml, changed in memory only (nothing repeated in a second config
that could drift): Material's offline plugin (`use_directory_urls: false`, the search index
inlined as search/search_index.js, since a file:// page cannot fetch JSON), its iframe-worker
polyfill from the folder itself (offline/iframe-worker-shim.js, not unpkg.com), and
`navigation.instant` off (its XHR is refused on file://). The print view (print.html: cover,
contents, every page in nav order) is printed twice, so the contents carry the page numbers the
first print measured. Deterministic: dates from SOURCE_DATE_EPOCH (the commit time), the PDF's
/ID from a hash of its bytes, the zip's entries sorted with fixed times and permissions.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import logging
import os
import re
import shutil
import sys
import time
import unicodedata
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from posixpath import dirname, join, normpath

from browser_support import launch  # scripts/browser_support.py: Chromium, no network
from bs4 import BeautifulSoup
from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from playwright.sync_api import sync_playwright
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "nn-notes-offline"  # the folder, and the one top-level folder inside the zip
ZIP_NAME, PDF_NAME = f"{FOLDER}.zip", "nn-notes.pdf"
SHIM_URL = "assets/javascripts/iframe-worker-shim.js"
PRINT_PAGE = "print.html"  # made in the folder for printing, removed before the folder ships
URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")  # http:, mailto:, data:, …

log = logging.getLogger("offline")


# ------------------------------------------------------------------------------- 1. the build
def build_offline_site(site_dir: Path) -> dict:
    """Build mkdocs.yml with the offline changes (strict: any warning aborts); return the
    provenance, the time of the commit and the pages in nav order."""
    config = load_config(
        str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), use_directory_urls=False, strict=True
    )
    config.theme["features"] = [f for f in config.theme["features"] if f != "navigation.instant"]
    config.extra["polyfills"] = [SHIM_URL]  # the plugin adds unpkg's copy only when none is set
    offline = OfflinePlugin()
    offline.load_config({})  # enabled by default
    config.plugins["material/offline"] = offline
    build(config)
    shutil.copyfile(ROOT / "offline" / "iframe-worker-shim.js", site_dir / SHIM_URL)

    # Reading order; "section" is the page's top-level nav title (its chapter). Without the
    # plugins' generated files the notebooks are links, not pages: the PDF leaves them out.
    pages = [
        {"title": page.title, "src": page.file.src_uri, "url": page.file.dest_uri,
         "section": (page.ancestors or [page])[-1].title}
        for page in get_navigation(get_files(config), config).pages
    ]  # fmt: skip
    # sitebuild set $SOURCE_DATE_EPOCH (if not given) to the commit's time, as for the sitemap;
    # zip cannot store times before 1980
    epoch = max(int(os.environ["SOURCE_DATE_EPOCH"]), 315532800)
    return {"provenance": dict(config.extra["provenance"]), "epoch": epoch, "nav": pages}


# --------------------------------------------------------------------------- 2. print view
def build_print_view(site: Path, info: dict, page_numbers: dict[str, int]) -> list[str]:
    """Write site/print.html: a cover, the table of contents (with page numbers when known) and
    every page's article in nav order; return the contents' targets (page and chapter ids)."""
    url_to_index = {page["url"]: index for index, page in enumerate(info["nav"])}
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    stylesheets = "\n".join(str(link) for link in home.find_all("link", rel="stylesheet"))
    sections_seen: set[str] = set()
    body: list[str] = []
    toc: list[tuple[int, str, str]] = []  # (level, id, title)
    for index, page in enumerate(info["nav"]):
        soup = BeautifulSoup((site / page["url"]).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        for junk in article.select(".headerlink, .md-content__button, .md-source-file"):
            junk.decompose()
        for details in article.find_all("details"):
            details["open"] = ""  # folded callouts are printed open
        for link in article.select("a.offline-download"):
            del link["href"]
        h1 = article.find("h1")
        title = h1.get_text(" ", strip=True) if h1 else (page["title"] or page["section"])
        # A page of a multi-page chapter sits one level below its chapter heading.
        demote = page["section"] != page["title"] and not page["src"].endswith("index.md")
        prefix = ""
        if demote and page["section"] not in sections_seen:
            prefix = f'<h1 class="print-chapter" id="c{index}">{html.escape(page["section"])}</h1>'
            toc.append((1, f"c{index}", page["section"]))
        sections_seen.add(page["section"])
        toc.append((2 if demote else 1, f"p{index}", title))
        _rewrite(article, page["url"], f"p{index}", url_to_index, demote)
        inner = "".join(str(child) for child in article.children)
        body.append(f'<section class="print-page" id="p{index}">{prefix}{inner}</section>')

    prov = info["provenance"]
    day = datetime.fromtimestamp(info["epoch"], UTC).strftime("%Y-%m-%d")
    toc_html = "\n".join(
        f'<li class="toc-{level}"><a href="#{target}"><span class="toc-title">'
        f"{html.escape(title)}</span>"
        f'<span class="toc-page">{page_numbers.get(target, "")}</span></a></li>'
        for level, target, title in toc
    )
    description = (home.select_one("meta[name=description]") or {}).get("content", "")
    info["title"] = title = home.title.get_text(strip=True).split(" - ")[-1]
    document = f"""<!doctype html>
<html lang="zh" class="print-view">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
{stylesheets}
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo"
      data-md-color-accent="indigo">
<article class="md-typeset print-view">
<section class="print-cover">
  <p class="print-cover__kind">PDF 版 · 离线阅读</p>
  <h1 class="print-cover__title">{html.escape(title)}</h1>
  <p class="print-cover__description">{html.escape(description)}</p>
  <dl class="print-cover__facts">
    <dt>输出来自</dt><dd>torch {html.escape(prov["torch"])}（CPU）</dd>
    <dt>构建自提交</dt><dd><code>{html.escape(prov["commit"])}</code></dd>
    <dt>提交日期</dt><dd>{day}</dd>
  </dl>
  <p class="print-cover__note">书中每一个输出，都是构建这份 PDF 时真实运行的 PyTorch 打印的。</p>
</section>
<nav class="print-toc" aria-label="目录">
  <h1 class="print-toc__title" id="toc">目录</h1>
  <ol>
{toc_html}
  </ol>
</nav>
{"".join(body)}
</article>
</body>
</html>
"""
    (site / PRINT_PAGE).write_text(document, encoding="utf-8")
    return [target for _, target, _ in toc]


def _rewrite(article, url: str, pid: str, url_to_index: dict[str, int], demote: bool):
    """Unique ids (<pid>-<id>), in-document links, site-root-relative image paths, and one
    heading level down for a page inside a chapter."""
    base = dirname(url)
    for element in article.find_all(id=True):
        if element.find_parent("svg") is None and element.name != "svg":
            element["id"] = f"{pid}-{element['id']}"
    for link in article.find_all("a", href=True):
        if URL_SCHEME.match(link["href"]):
            continue
        path, _, fragment = link["href"].partition("#")
        other = url_to_index.get(normpath(join(base, path)))
        if path and other is None:
            # a page the PDF does not hold (a notebook): plain text, since Chromium would turn
            # the link into this machine's absolute file:// path
            del link["href"]
            continue
        target = f"p{other}" if path else pid
        link["href"] = f"#{target}-{fragment}" if fragment else f"#{target}"
    for image in article.find_all(["img", "source"], src=True):
        if not URL_SCHEME.match(image["src"]):
            image["src"] = normpath(join(base, image["src"]))
    if demote:
        for heading in article.find_all(re.compile(r"^h[1-6]$")):
            heading.name = f"h{min(int(heading.name[1]) + 1, 6)}"


# ------------------------------------------------------------------------- 3. print to PDF
FONT = 'font-family:"WenQuanYi Micro Hei",sans-serif;'
PDF_OPTIONS = {  # A4, page numbers in the footer, the outline (bookmarks) from the headings
    "format": "A4",
    "margin": {"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
    "print_background": True,
    "display_header_footer": True,
    "header_template": '<div style="width:100%;font-size:7px;color:#888;padding:0 14mm;'
    f'text-align:right;{FONT}"><span class="title"></span></div>',
    "footer_template": f'<div style="width:100%;font-size:8px;color:#555;text-align:center;{FONT}">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    "outline": True,
    "tagged": True,
}


def page_numbers_of(pdf: bytes, targets: list[str]) -> dict[str, int]:
    """1-based page of each named destination (the print view's page and chapter ids)."""
    reader = PdfReader(io.BytesIO(pdf))
    # Skia names them "/p3"
    names = {name.lstrip("/"): dest for name, dest in reader.named_destinations.items()}
    return {t: reader.get_destination_page_number(names[t]) + 1 for t in targets if t in names}


def make_pdf(site: Path, info: dict) -> bytes:
    """Print until the page numbers settle: the first print measures where each page starts,
    the second prints the contents with those numbers (the contents keep their size)."""
    with sync_playwright() as playwright:  # its exit also ends the browser
        browser = launch(playwright)
        numbers: dict[str, int] = {}
        for _ in range(3):
            targets = build_print_view(site, info, numbers)
            page = browser.new_page()
            page.emulate_media(media="print", color_scheme="light")
            page.goto((site / PRINT_PAGE).as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            pdf = page.pdf(**PDF_OPTIONS)
            page.close()
            measured = page_numbers_of(pdf, targets)
            if measured == numbers:
                break
            numbers = measured
        else:
            raise SystemExit("table of contents: page numbers did not settle")
    if missing := set(targets) - set(numbers):
        raise SystemExit(f"print view: no PDF destination for {sorted(missing)}")
    return pdf


# ------------------------------------------------------------------ 4. deterministic output
_KANGXI = re.compile(r"<(2F[0-9A-D][0-9A-F]|2E[89A-F][0-9A-F])>", re.IGNORECASE)


def finish_pdf(pdf: bytes, info: dict) -> bytes:
    """Fixed metadata and ids, and searchable Chinese.

    - /CreationDate and /ModDate from SOURCE_DATE_EPOCH (Chromium writes the wall clock: the
      only bytes that differ between two prints), a /ID from the content hash.
    - Chromium (Skia) maps each glyph to the lowest code point that uses it; CJK fonts draw a
      Kangxi radical (U+2F64 ⽤) with the same glyph as the ideograph (U+7528 用), so the PDF's
      text said ⽤ where the page says 用 and a search for 用 found nothing. Each such entry of
      the fonts' ToUnicode maps is replaced by its NFKC form.
    """

    def fix_cmap(match: re.Match) -> str:
        char = chr(int(match[1], 16))
        fixed = unicodedata.normalize("NFKC", char)
        return match[0] if fixed == char or len(fixed) != 1 else f"<{ord(fixed):04X}>"

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    for obj in writer._objects:  # every font, also inside form XObjects and Type 3 fonts
        if isinstance(obj, DictionaryObject) and "/ToUnicode" in obj:
            cmap = obj["/ToUnicode"].get_object()  # may be shared: a second pass changes nothing
            text = cmap.get_data().decode("latin-1")
            if (fixed := _KANGXI.sub(fix_cmap, text)) != text:
                cmap.set_data(fixed.encode("latin-1"))
    stamp = datetime.fromtimestamp(info["epoch"], UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
    prov = info["provenance"]
    writer.add_metadata(
        {
            "/Title": info["title"],
            "/Subject": f"torch {prov['torch']} · commit {prov['commit']}",
            "/Creator": "scripts/offline.py (Chromium print to PDF)",
            "/CreationDate": stamp,
            "/ModDate": stamp,
            "/Producer": str(reader.metadata.get("/Producer", "Skia/PDF")) + "; pypdf",
        }
    )
    identifier = ByteStringObject(hashlib.md5(pdf[: pdf.find(b"/CreationDate")]).digest())
    writer._ID = ArrayObject([identifier, identifier])
    return writer.write(io.BytesIO())[1].getvalue()


def write_zip(folder: Path, target: Path, epoch: int) -> None:
    """The folder as <FOLDER>/… entries."""
    stamp = datetime.fromtimestamp(epoch, UTC).timetuple()[:6]
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(filter(Path.is_file, folder.rglob("*")), key=Path.as_posix):
            entry = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(folder).as_posix()}", stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o100644 << 16
            entry.create_system = 3  # Unix, whatever the machine
            archive.writestr(entry, path.read_bytes(), compresslevel=9)


def prune_for_file_urls(folder: Path) -> None:
    """What a file:// reader cannot use: 404.html (a server's page, with root-absolute links
    that point at file:///assets/…), the sitemap (for crawlers) and the JSON search index
    (the inlined search/search_index.js replaces it). Download links of the home page point at
    files that live next to the online site, not inside this folder: they become plain text."""
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"):
        (folder / name).unlink(missing_ok=True)
    index = folder / "index.html"
    text = index.read_text(encoding="utf-8")
    index.write_text(re.sub(r'(<a class="offline-download") href="[^"]*"', r"\1", text), "utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="default: dist/")
    parser.add_argument("--site", type=Path, help="also copy the downloads into this built site")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    folder, downloads = args.out.resolve() / FOLDER, args.out.resolve() / "downloads"
    for old in (folder, downloads):
        shutil.rmtree(old, ignore_errors=True)
    started = time.perf_counter()
    info = build_offline_site(folder)
    epoch = info["epoch"]
    log.info("offline: site built in %.1f s", time.perf_counter() - started)

    started = time.perf_counter()
    pdf = finish_pdf(make_pdf(folder, info), info)
    (folder / PRINT_PAGE).unlink()
    downloads.mkdir(parents=True)
    (downloads / PDF_NAME).write_bytes(pdf)
    log.info("offline: PDF printed in %.1f s", time.perf_counter() - started)

    prune_for_file_urls(folder)
    write_zip(folder, downloads / ZIP_NAME, epoch)
    for path in [*folder.rglob("*"), folder, *downloads.rglob("*"), downloads]:
        os.utime(path, (epoch, epoch))
    for name in (PDF_NAME, ZIP_NAME):
        data = (downloads / name).read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:16]
        log.info("offline: %s  %.1f MB  sha256 %s", downloads / name, len(data) / 1e6, digest)
    if args.site:
        target = shutil.copytree(downloads, args.site.resolve() / "downloads", dirs_exist_ok=True)
        log.info("offline: downloads copied into %s", target)
    return 0


if __name__ == "__main__":
    sys.exit(main())

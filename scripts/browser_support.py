"""Shared by the browser scripts (scripts/) and the browser tests (tests/test_browser.py):
build the site or take a build, serve it on 127.0.0.1, list its pages, and start Debian's
Chromium headless so that it makes no network lookups of its own. Lives with the scripts, which
must run without tests/."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Debian's Chromium (.ci/run installs it); Google Chrome where that is what the machine has
# (GitHub's Ubuntu runners); CHROMIUM_PATH overrides both.
CHROMIUM = os.environ.get("CHROMIUM_PATH") or next(
    (p for p in ("/usr/bin/chromium", "/usr/bin/google-chrome") if Path(p).exists()),
    "/usr/bin/chromium",
)

# Headless Chromium that talks to nobody but the test server: no background services, no QUIC,
# and every host name except 127.0.0.1/localhost resolves to nothing.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
SCHEMES = ("light", "dark")  # Playwright's color_scheme values; Material maps them to default/slate


def axe_script() -> str:
    """axe.min.js (axe-core) as shipped by the pinned PyPI package axe-playwright-python."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def launch(playwright, **kwargs):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, **kwargs)


def built_site(site_dir: str | None) -> Path:
    """`site_dir` if given (an existing build), else a fresh strict build in .cache/browser-site."""
    if site_dir:
        return Path(site_dir).resolve()
    target = ROOT / ".cache" / "browser-site"
    print(f"building the site into {target.relative_to(ROOT)} …", file=sys.stderr)
    build = [sys.executable, "-m", "properdocs", "build", "--strict", "--quiet", "--site-dir"]
    subprocess.run([*build, str(target)], cwd=ROOT, check=True)  # as `make build` and the tests
    return target


def site_pages(site: Path) -> list[str]:
    """Every page of a built site as a URL path relative to the site root ("" for the home
    page, "autograd/requires_grad/" for the others), in a stable order."""
    return [
        "" if index.parent == site else index.parent.relative_to(site).as_posix() + "/"
        for index in sorted(site.rglob("index.html"))
        if index.relative_to(site).parts[0] not in ("assets", "search")
    ]


# What GitHub Pages compresses: text formats (it leaves images such as PNG/WOFF2 alone).
_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                 "image/svg+xml")  # fmt: skip


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files from the built site, quietly; optionally gzip-compressed like GitHub Pages."""

    gzip_enabled = False
    extensions_map = {  # GitHub Pages' types, where Python's (with or without mime.types) differ
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript", ".xml": "application/xml", ".woff2": "font/woff2",
    }  # fmt: skip

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def end_headers(self):
        # Like GitHub Pages: short caching, so a repeat view revalidates.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path /= "index.html"  # (without the slash, the base class redirects to it)
        ctype = self.guess_type(str(path))
        accepted = self.gzip_enabled and "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepted and path.is_file() and ctype.startswith(_COMPRESSIBLE)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if "text" in ctype else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path, *, compress: bool = False) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 at a free port; yields the base URL (ending in "/")."""
    handler = type("Handler", (_Handler,), {"gzip_enabled": compress})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()  # returns once serve_forever has
        server.server_close()

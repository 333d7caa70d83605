"""MkDocs hook: name the page in markdown-exec's error messages.

markdown-exec reports a failing code block as `<code block: nN>` without saying which
page it is on. This hook remembers the page being rendered and prefixes every message of
markdown-exec's loggers (`mkdocs.plugins.markdown_exec…`, one per module) with its path.
"""

from __future__ import annotations

import logging

_EXEC_LOGGERS = "mkdocs.plugins.markdown_exec"
_current_page = {"src": "?"}


class _NamePage(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = f"{_current_page['src']}: {record.msg}"
        return True


def on_config(config):
    # `mkdocs serve` reloads this module on each rebuild: keep exactly one filter installed.
    names = [n for n in logging.Logger.manager.loggerDict if n.startswith(_EXEC_LOGGERS)]
    for name in {_EXEC_LOGGERS, *names}:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if type(f).__name__ == "_NamePage"]:
            logger.removeFilter(old)
        logger.addFilter(_NamePage())
    return config


def on_page_markdown(markdown: str, page, config, files) -> str:
    _current_page["src"] = page.file.src_uri
    return markdown

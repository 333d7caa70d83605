"""Python-Markdown extension: every code block can take keyboard focus from the start.

A code block that is wider than its column scrolls sideways, and a reader without a mouse needs
to focus it to scroll it (axe rule scrollable-region-focusable). Material gives a block
`tabindex="0"` when it mounts the block, and removes it again when the block turns out not to
scroll. With `content.lazy` (mkdocs.yml) it mounts a block only once the block comes into view,
so the blocks further down would have no keyboard access until then. This gives every
`<pre><code>` the attribute in the HTML; Material's mount still removes it where it is not
needed. It runs after the raw-HTML postprocessor, so markdown-exec's output blocks get it too.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

_CODE_IN_PRE = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code(?![^>]*\btabindex=)")


class _FocusableCode(Postprocessor):
    def run(self, text: str) -> str:
        return _CODE_IN_PRE.sub(r'\1<code tabindex="0"', text)


class FocusableCodeExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's API name)
        # RawHtmlPostprocessor (priority 30) puts the stashed HTML back first
        md.postprocessors.register(_FocusableCode(md), "focusable_code", 5)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's API name)
    return FocusableCodeExtension(**kwargs)

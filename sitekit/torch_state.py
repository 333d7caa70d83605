"""Python-Markdown extension: give every page the same fresh torch state.

markdown-exec runs all code blocks in one process, so a seed, print option, default
dtype or grad mode that one page changes would otherwise leak into the next page (and
into the next `mkdocs serve` rebuild). This extension resets that state before each
Markdown conversion. It is a Markdown extension rather than a MkDocs hook so that it
runs under any engine that reads `markdown_extensions` (MkDocs, ProperDocs, Zensical).
torch is never imported here: if no page has imported it yet, there is nothing to reset.
"""

from __future__ import annotations

import random
import sys

from markdown import Extension
from markdown.preprocessors import Preprocessor

SEED = 0


def reset_torch_state() -> None:
    random.seed(SEED)
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed(SEED)
    torch = sys.modules.get("torch")
    if torch is None:
        return
    # The CPU generator, which is all this CPU-only site draws from. torch.manual_seed would also
    # queue a lazy seeding call for CUDA, XPU and MTIA, each recording a stack trace: 1.5 ms per
    # block and a queue that only grows (0.45 s of a cold build).
    torch.random.default_generator.manual_seed(SEED)
    # One thread: the same reduction order (so the same printed digits) on every machine, and
    # no thread start-up cost for the site's tiny tensors.
    torch.set_num_threads(1)
    torch.set_printoptions(profile="default", sci_mode=None)
    torch.set_default_dtype(torch.float32)
    torch.set_grad_enabled(True)
    torch.autograd.set_detect_anomaly(False)


class _ResetTorchState(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        reset_torch_state()
        return lines


class TorchStateExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's API name)
        # Highest priority: runs before pymdownx.snippets and before any code block executes.
        md.preprocessors.register(_ResetTorchState(md), "reset_torch_state", 1000)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's API name)
    return TorchStateExtension(**kwargs)

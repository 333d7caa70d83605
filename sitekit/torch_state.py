"""The fresh state every code block starts from (sitebuild.execution runs it before each block).

All blocks run in one process, so a seed, print option, default dtype or grad mode that one
block changes would otherwise leak into the next block, page and `mkdocs serve` rebuild.
torch is never imported here: if no block has imported it yet, there is nothing to reset.
"""

from __future__ import annotations

import random
import sys

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

"""Pause the cycle collector while many small objects are built at once.

Reading roadmaps builds hundreds of thousands of dicts, lists and records, none
of them in reference cycles. CPython's cycle collector runs every few
thousand allocations and scans them all again each time: over 1,000 roadmaps
that is a third of the time. Reference counting still frees everything.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cycle collector off (restored after, as it was)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

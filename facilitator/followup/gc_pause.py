"""Pause Python's cycle collector while a read model builds many objects at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, then restore it.

    Building tens of thousands of rows makes the collector run full passes
    over every object of the process on the way (a third of the load time of
    a ten-thousand-event history); rows form no reference cycles, so there is
    nothing for it to find. Reference counting still frees everything as usual.
    Mercurial's ``util.nogc`` does the same for the same reason.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

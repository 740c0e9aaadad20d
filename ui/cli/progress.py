"""A terminal progress bar for long commands, and nothing at all when nobody watches.

A command wraps its long call in :func:`progress_bar` and hands the callback
it yields to the work (``progress=...``, see :mod:`facilitator.progress`).
On a terminal that callback draws a tqdm bar on stderr; in a pipe, a file or
a test capture the callback is ``None``, so the output stays byte for byte
what scripts already read. tqdm is imported only when a bar is drawn, so
commands start no slower.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from facilitator.progress import Progress

__all__ = ["progress_bar"]


@contextmanager
def progress_bar(description: str, unit: str, *, stream: TextIO | None = None) -> Iterator[Progress | None]:
    """Yield a progress callback drawing a bar on ``stream`` (stderr), or None when it is no terminal.

    The bar is removed when the block ends (``leave=False``): the command's
    own summary line follows, and a finished bar above it would only repeat it.

    Args:
        description: What is being done, shown before the bar ("Indexing records").
        unit: What one unit of work is, plural ("records", "events").
        stream: Where to draw; stderr when None (looked up at entry, so tests
            may replace ``sys.stderr``).
    """
    out = sys.stderr if stream is None else stream
    # sys.stderr is None under pythonw and when the stream was closed.
    if out is None or not out.isatty():
        yield None
        return
    from tqdm import tqdm

    # Made at the first report, when the total is known, so no bar without a count is ever drawn.
    bars: list[tqdm] = []

    def show(done: int, total: int) -> None:
        if not bars:
            bars.append(tqdm(desc=description, total=total, unit=f" {unit}", file=out, leave=False))
        bar = bars[0]
        bar.total = total
        bar.update(done - bar.n)
        if done >= total:
            # tqdm skips redraws closer than 0.1 s apart; the finished count is always drawn.
            bar.refresh()

    try:
        yield show
    finally:
        for bar in bars:
            bar.close()

"""Which quarters a chart names under its axis, so that no two labels overlap."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise

from facilitator.figures import Quarter
from facilitator.i18n import _

GAP = 6  # pixels kept free between two labels


def quarter_labels(quarters: Sequence[Quarter], slot: float, width_of: Callable[[str], float]) -> list[str]:
    """Return the label under each quarter ("" for none), each quarter ``slot`` pixels wide.

    All as "Q3 ’26" when they fit; else the year only where it changes ("Q3 ’25",
    "Q4", "Q1 ’26", "Q2"); else, for long histories, the year alone ("2026") at
    its first quarter, every so many years.
    """
    if not quarters:
        return []
    full = [q.short_label for q in quarters]
    if max(width_of(label) for label in full) + GAP <= slot:
        return full
    # Translators: a quarter on a chart's axis without its year ("Q3"), as "Q{number} ’{year:02d}" writes it
    alone = _("Q{number}")
    compact = [
        label if i == 0 or q.number == 1 else alone.format(number=q.number)
        for i, (q, label) in enumerate(zip(quarters, full, strict=True))
    ]
    widths = [width_of(label) for label in compact]
    if all((a + b) / 2 + GAP <= slot for a, b in pairwise(widths)):
        return compact
    every = max(1, math.ceil((width_of("2026") + GAP) / (4 * slot)))
    return [str(q.year) if q.number == 1 and q.year % every == 0 else "" for q in quarters]

"""A zoom or theme change stays quick however long the history: nothing measures every row.

Counted, not timed: the cost Qt pays is the rows it asks the model for.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt

from facilitator.domain.enums import EventStatus
from facilitator.domain.summary import EventSummary
from ui.start.event_table import SAMPLE_ROWS
from ui.start.page import StartPage

EVENTS = 3000


def _rows() -> list[EventSummary]:
    start = dt.date(2020, 1, 1)
    return [
        EventSummary(
            id=uuid.uuid4(),
            date=start + dt.timedelta(days=n % 2000),
            title=f"Event {n}",
            # The longest name is far down the list: the columns fit the rows on screen, not it.
            coalitions=(("Coalition " + "x" * 120) if n == EVENTS - 1 else f"Coalition {n % 40}",),
            status=EventStatus.CLOSED,
            facilitator="Ana",
        )
        for n in range(EVENTS)
    ]


def test_a_hidden_start_page_is_measured_on_a_sample_of_its_rows(qtbot):
    rows = _rows()
    page = StartPage(lambda: rows)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.refresh(rows)  # never shown: Qt itself would measure all 3,000 rows of a hidden table
    asked: set[int] = set()
    real = page.model.data

    def counting(index, role=Qt.ItemDataRole.DisplayRole):
        asked.add(index.row())
        return real(index, role)

    page.model.data = counting  # type: ignore[method-assign]
    for column in range(page.model.columnCount()):
        assert page.table.sizeHintForColumn(column) > 0
    assert asked and max(asked) < SAMPLE_ROWS

    page.setStyleSheet("QTableView { font-size: 24pt; }")  # what a zoom does
    assert max(asked) < SAMPLE_ROWS
    coalition = page.table.horizontalHeader().sectionSize(1)
    assert coalition < page.table.fontMetrics().horizontalAdvance("x" * 120)

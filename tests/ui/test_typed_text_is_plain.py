"""Names people typed are shown as typed, never as markup, in labels and tooltips."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from facilitator.domain import AgreementStatus
from facilitator.followup.adoptions import AdoptionRow
from ui.followup.adoptions.model import AdoptionTableModel
from ui.followup.adoptions.status_dialog import StatusDialog
from ui.followup.library.carry_dialog import CarryDialog
from ui.widgets import heading, tooltip_text

HOSTILE = '<img src="file:///etc/passwd"><b>Bo</b>'


def _row() -> AdoptionRow:
    return AdoptionRow(
        agreement_id=uuid.uuid4(),
        event_id=uuid.uuid4(),
        event_date=dt.date(2026, 1, 5),
        event_title=HOSTILE,
        coalitions=(HOSTILE,),
        adopter=HOSTILE,
        adopter_team="Web",
        patterns=(HOSTILE,),
        sponsor="",
        owners=(),
        check_in=None,
        status=AgreementStatus.ABANDONED,
        status_reason=HOSTILE,
        last_changed=None,
        overdue=False,
        days_overdue=0,
    )


def test_headings_are_plain_text_and_tooltips_escaped(qtbot):
    assert heading(HOSTILE).textFormat() == Qt.TextFormat.PlainText
    assert "&lt;img" in tooltip_text(HOSTILE) and "<img" not in tooltip_text(HOSTILE)


def test_the_status_dialog_shows_the_names_as_typed(qtbot):
    dialog = StatusDialog(_row(), lambda *args: None, today=dt.date(2026, 2, 1))
    qtbot.addWidget(dialog)
    shown = [label for label in dialog.findChildren(QLabel) if HOSTILE in label.text()]
    assert shown and all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)


def test_the_carry_dialog_shows_the_pattern_name_as_typed(qtbot):
    dialog = CarryDialog(HOSTILE, [])
    qtbot.addWidget(dialog)
    shown = [label for label in dialog.findChildren(QLabel) if HOSTILE in label.text()]
    assert shown and all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)


def test_adoption_tooltips_are_escaped(qtbot):
    model = AdoptionTableModel()
    model.set_rows([_row()])
    tips = [model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) for column in range(model.columnCount())]
    assert any(tip and "&lt;b&gt;Bo" in tip for tip in tips)
    assert not any(tip and "<b>Bo" in tip for tip in tips)

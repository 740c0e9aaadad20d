"""Inputs the event details form and the new-event dialog share (dates: ui/date_fields.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from facilitator.agenda import AgendaCatalog
from facilitator.domain import Trigger
from facilitator.i18n import _
from facilitator.numbers import integer


def select_data(combo: QComboBox, value: object) -> None:
    """Make the item whose data is ``value`` current, if there is one."""
    index = combo.findData(value)
    if index >= 0 and index != combo.currentIndex():
        combo.setCurrentIndex(index)


def trigger_combo() -> QComboBox:
    """Return a drop-down of the four triggers from the seed (data: stored value)."""
    combo = QComboBox()
    for trigger in Trigger:
        combo.addItem(trigger.label, trigger.value)
    return combo


def agenda_combo(catalog: AgendaCatalog) -> QComboBox:
    """Return a drop-down of the catalog's agendas (data: agenda id)."""
    combo = QComboBox()
    for agenda in catalog.agendas:
        # Translators: an agenda in the list that the user wrote (not shipped with the app)
        title = agenda.title if agenda.shipped else _("{title} (your agenda)").format(title=agenda.title)
        combo.addItem(title, agenda.id)
    return combo


def agenda_outline(catalog: AgendaCatalog, agenda_id: str) -> str:
    """Return the agenda's steps with their timeboxes, one per line."""
    try:
        agenda = catalog.get(agenda_id)
    except KeyError:
        return _("This agenda is not installed on this computer.")
    lines = [
        # Translators: one step of the agenda's outline: its number, title and timebox
        _("{number}. {title} — {minutes} min").format(
            number=n, title=step.title, minutes=integer(step.timebox_minutes)
        )
        for n, step in enumerate(agenda.steps, 1)
    ]
    total = _("Total {minutes} min").format(minutes=integer(agenda.total_minutes))
    return "\n".join([*lines, total])


def select_agenda(combo: QComboBox, agenda_id: str) -> None:
    """Select ``agenda_id``; an agenda whose file is gone is still shown by its id."""
    if combo.findData(agenda_id) < 0:
        combo.addItem(_("{agenda} (agenda file not found)").format(agenda=agenda_id), agenda_id)
    select_data(combo, agenda_id)


def agenda_problems(catalog: AgendaCatalog) -> QLabel:
    """Return a muted note naming the user agenda files that could not be used.

    The label is hidden when every file loaded.
    """
    label = QLabel()
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if catalog.problems:
        lines = [f"• {problem}" for problem in catalog.problems]
        label.setText(_("Not offered, because these agenda files have problems:") + "\n" + "\n".join(lines))
    label.setVisible(bool(catalog.problems))
    return label

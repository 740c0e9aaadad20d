"""The agenda-step panels in German: labels, buttons, headers, hints, numbers and dates.

The facilitator types into these in front of the room; in German every word
the app writes there is German, hours read "2,5 h" and a typed "7,5 Std."
is understood. Names, titles and conditions people typed stay as typed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.domain import BoundaryKind, OutcomeKind, ParticipantRole, SupportType
from facilitator.services import agreements, events, outcomes, participants, patterns
from ui.editing import EventEditor
from ui.panels.agreements.agreements import AgreementsPanel
from ui.panels.agreements.capacity_view import CapacityView
from ui.panels.patterns.boundaries import BoundariesPanel
from ui.panels.patterns.outcomes import OutcomesPanel, kind_label
from ui.panels.people.capacity import HOURS_COLUMN, CapacityPanel


def _event(db):
    """An adopter of one pattern with a condition of each kind, and an owner promising more than they have."""
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout Coalition"], date=dt.date(2026, 5, 4))
        zoe = participants.add_participant(
            session, event.id, "Zoë Lefèvre", "Checkout", ParticipantRole.COALITION_MEMBER
        )
        adopter = participants.add_participant(session, event.id, "Çağla Yıldız", "Release Management")
        participants.set_capacity(session, event.id, zoe.id, 2)
        outcomes.add_outcome(session, event.id, OutcomeKind.SUCCESS, "Lead time halved")
        outcomes.add_outcome(session, event.id, OutcomeKind.FAILURE, "Freeze backfired")
        pattern = patterns.create_pattern(session, event.id, "Trunk-based development")
        for kind, text in (
            (BoundaryKind.WORKS_WHEN, "The team deploys at least daily"),
            (BoundaryKind.BREAKS_WHEN, "Releases need a change board"),
        ):
            patterns.add_boundary(session, pattern.id, kind, text, event_id=event.id)
        agreement = agreements.add_agreement(
            session, event.id, adopter.id, pattern_ids=[pattern.id], check_in=dt.date(2026, 6, 15)
        )
        agreements.add_support_item(
            session, agreement.id, SupportType.COACHING, amount=2.5, unit="h", owner_id=zoe.id
        )
        return event.id


_windows: list[QWidget] = []


@pytest.fixture(autouse=True)
def _let_windows_go():
    yield
    _windows.clear()


def _editor(db) -> EventEditor:
    return EventEditor(db, _event(db))


def _show(qtbot, panel):
    """Show ``panel`` alone in a 1280×720 window (kept alive with the panel: its parent)."""
    window = QWidget()
    QVBoxLayout(window).addWidget(panel)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    panel.refresh()
    _windows.append(window)
    return panel


def _headers(table) -> list[str]:
    model = table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_outcomes_panel_speaks_german(qtbot, db, german):
    panel = _show(qtbot, OutcomesPanel(_editor(db)))
    assert panel.quick_add.button.text() == "Ergebnis hinzufügen"
    assert panel.quick_add.line.placeholderText() == "Titel des Ergebnisses…"
    assert _headers(panel.table) == ["Art", "Titel", "Was geschah", "Belege"]
    assert panel.tally.text() == "✓ 1 Erfolg   ✗ 1 Misserfolg"
    # The kinds in the language in use, with their glyphs.
    kinds = [panel.quick_add.kind.itemText(i) for i in range(panel.quick_add.kind.count())]
    assert kinds == [kind_label(OutcomeKind.SUCCESS), kind_label(OutcomeKind.FAILURE)]
    assert kinds[0].startswith("✓ ") and "Success" not in kinds[0]


def test_the_boundaries_panel_speaks_german(qtbot, db, german):
    panel = _show(qtbot, BoundariesPanel(_editor(db)))
    lists = panel.lists
    assert [lists[kind].heading.text() for kind in BoundaryKind] == [
        "Funktioniert, wenn",
        "Scheitert, wenn",
        "Voraussetzungen",
    ]
    assert lists[BoundaryKind.WORKS_WHEN].quick_add.line.placeholderText() == "Es klappt, wenn…"
    assert lists[BoundaryKind.PREREQUISITE].quick_add.button.toolTip() == (
        "Zu „Voraussetzungen“ hinzufügen (Eingabetaste)"
    )
    # The pattern's counts, under its name in the list: German headings, the user's name as typed.
    item = panel.selector.item(0)
    assert "Trunk-based development" in item.text()
    assert "Funktioniert, wenn: 1" in item.toolTip()


def test_the_agreements_panel_speaks_german_with_german_hours_and_dates(qtbot, db, german):
    panel = _show(qtbot, AgreementsPanel(_editor(db)))
    assert panel.add_button.text() == "Vereinbarung hinzufügen"
    assert _headers(panel.table) == [
        "Übernehmer",
        "Muster",
        "Unterstützung",
        "Verantwortlich",
        "Check-in",
        "Sponsor",
    ]
    row = [panel.table.model().index(0, c).data() for c in range(6)]
    assert row[2] == f"{SupportType.COACHING.label} 2,5 h"
    assert row[4] == "Mo., 15. Juni 2026"
    editor = panel.agreement_editor
    assert editor.has_check_in.text() == "Check-in"
    assert editor.limits.placeholderText() == "Was die Unterstützung nicht umfasst"
    support = editor.support
    assert support.quick_add.button.text() == "Unterstützung hinzufügen"
    assert _headers(support.table) == ["Art", "Umfang", "Einheit", "Verantwortlich", "Was", "Einschränkungen"]
    amount = support.table.model().index(0, 1)
    assert amount.data() == "2,5"
    assert amount.data(Qt.ItemDataRole.EditRole) == "2,5"
    # A new item of time starts in a unit the capacity counts as hours.
    assert support.quick_add.unit.text() == "h"
    fit = editor.fit
    assert fit.title.text() == "Passung zum Kon&text des Übernehmers"
    assert "Eingabe: Notiz" in fit.keys.text()
    assert [button.text()[0] for button in fit.rows[0].buttons.values()] == ["J", "N", "U"]


def test_the_capacity_speaks_german_and_reads_hours_typed_in_german(qtbot, db, german):
    editor = _editor(db)
    view = _show(qtbot, CapacityView(editor))
    [banner] = view.banners
    assert banner.button.text() == "Überbuchung akzeptieren"
    assert banner.text.text() == "Zoë Lefèvre: 2,5 h zugesagt, 2 h verfügbar — 0,5 h zu viel"

    panel = _show(qtbot, CapacityPanel(editor))
    assert _headers(panel.table)[HOURS_COLUMN] == "Verfügbare Stunden"
    index = panel.table.model().index(0, HOURS_COLUMN)
    assert panel.table.model().setData(index, "7,5 Std.")
    assert [c.hours for c in editor.event.capacities] == [7.5]
    assert panel.table.model().index(0, HOURS_COLUMN).data() == "7,5"

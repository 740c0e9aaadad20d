"""The adoption tracker shows the fit check: a Fit column, a fit filter, the at-risk count, new conditions."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from facilitator.dates import day
from facilitator.demo import create_demo_event
from facilitator.domain import Agreement, BoundaryKind
from facilitator.followup import adoptions
from facilitator.services import events, patterns
from ui.followup.adoptions.page import AdoptionsPage

EVENT_DAY = dt.date(2026, 3, 2)
TODAY = dt.date(2026, 3, 20)  # before the demo's check-ins: nothing is overdue
LATER_DAY = dt.date(2026, 3, 16)
LEARNT = "Consumers deploy on a fixed monthly train"


@pytest.fixture
def demo(db):
    with db.transaction() as s:
        return create_demo_event(s, date=EVENT_DAY).id


@pytest.fixture
def page(qtbot, db, demo):
    widget = AdoptionsPage(lambda: db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1600, 800)
    widget.show()
    widget.refresh()
    return widget


def fit_column(page):
    model = page.model
    column = model.keys.index("fit")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Fit"
    return column


def fits_shown(page):
    """Return each shown adopter's first name with the Fit cell's text."""
    model, column = page.model, fit_column(page)
    return {
        model.row_at(r).adopter.split()[0]: model.index(r, column).data() for r in range(model.rowCount())
    }


def choose_fit(qtbot, page, label):
    """Choose a fit filter from the keyboard, as a user does: focus the choice, arrow down to it."""
    combo = page.filters.fit
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != label:
        index = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() == index + 1, f"no {label!r} in the fit filter"


def test_the_fit_column_shows_the_demo_s_states_and_marks_the_risk(qtbot, page):
    assert fits_shown(page) == {
        "Ana": "At risk (accepted)",
        "Søren": "Fits",
        "Çağla": "Fits",
        "Łukasz": "Not checked",
    }
    model, column = page.model, fit_column(page)
    marked = {
        model.row_at(r).adopter.split()[0]: model.index(r, column).data(Qt.ItemDataRole.ForegroundRole)
        is not None
        for r in range(model.rowCount())
    }
    assert marked == {"Ana": True, "Søren": False, "Çağla": False, "Łukasz": False}
    tips = [model.index(r, column).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert any(tip and "At risk (accepted)" in tip for tip in tips)  # whole, should the column be cut
    assert page.at_risk_count.text() == "1 at risk"
    assert page.counts.text() == "4 agreements · 0 overdue"

    page.select_agreement(next(r.agreement_id for r in model.rows() if r.adopter.startswith("Søren")))
    assert page.detail.fit.text() == "Fits"
    assert page.detail.open_questions.text() == "1 open question"  # the broker, "not known yet"
    assert page.detail.new_conditions.isHidden()


def test_the_fit_filter_narrows_the_rows_with_the_other_filters(qtbot, page):
    choose_fit(qtbot, page, "At risk")
    assert list(fits_shown(page)) == ["Ana"]
    assert page.at_risk_count.text() == "1 at risk"
    assert page.counts.text() == "1 agreement · 0 overdue"
    qtbot.keyClicks(page.filters.text, "search")  # Søren's team: fits, so nothing at risk
    assert fits_shown(page) == {}
    assert page.empty_label.isVisible()
    assert page.at_risk_count.text() == "0 at risk"
    page.filters.text.clear()
    choose_fit(qtbot, page, "Not checked")
    assert list(fits_shown(page)) == ["Łukasz"]
    choose_fit(qtbot, page, "Fits")
    assert sorted(fits_shown(page)) == ["Søren", "Çağla"]
    choose_fit(qtbot, page, "All fit checks")
    assert len(fits_shown(page)) == 4


def test_a_boundary_learnt_at_a_later_event_shows_in_the_earlier_open_agreement(qtbot, db, page):
    with db.transaction() as s:
        row = next(r for r in adoptions.adoption_rows(s, today=TODAY) if r.adopter.startswith("Søren"))
        adopted = s.get(Agreement, row.agreement_id).patterns[0]
        later = events.plan_event(s, coalitions=["Search guild"], date=LATER_DAY, title="Spring")
        patterns.add_boundary(s, adopted.id, BoundaryKind.BREAKS_WHEN, LEARNT, event_id=later.id)
        agreement_id = row.agreement_id
    page.refresh()
    assert fits_shown(page)["Søren"] == "Fits · 1 new condition to check"

    choose_fit(qtbot, page, "New conditions to check")
    assert list(fits_shown(page)) == ["Søren"]
    assert page.current_row().agreement_id == agreement_id
    detail = page.detail
    assert detail.fit.text() == "Fits · 1 new condition to check"
    assert detail.open_questions.text() == "2 open questions"  # the broker, and the new condition
    assert detail.new_conditions.isVisible()
    assert detail.new_conditions.text() == f"Breaks when: {LEARNT} — learnt at {day(LATER_DAY)}"

"""The figures page: headline numbers per scope, charts that hold the values, the PDF export."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog

from facilitator.storage import StorageError
from ui import theme
from ui.followup.figures.page import FiguresPage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "figures"))
from figures_history import TODAY, build_history


@pytest.fixture
def page(qtbot, db):
    build_history(db)
    widget = FiguresPage(lambda: db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.refresh()
    return widget


def headlines(page) -> dict[str, str]:
    return {card.info.key: card.value.text() for card in page.cards}


def test_overall_headlines_with_their_explanations(page):
    assert [page.scope_combo.itemText(i) for i in range(page.scope_combo.count())] == [
        "Overall",
        "Alpha",
        "Beta",
    ]
    assert headlines(page) == {
        "adoption_rate": "57 %",
        "teams_per_pattern": "2.0",
        "boundary_share": "80 %",
        "median_days": "60",
        "failures": "5",
    }
    adoption = page.cards[0]
    assert adoption.explanation.text().startswith(
        "Share of adopter teams with at least one pattern adopted within six months of agreeing."
    )
    assert adoption.detail.text() == "4 of 7 teams adopted in time; 1 still within their six months."
    assert "2025 Q3 to 2026 Q3" in page.subtitle.text()


def test_choosing_a_coalition_changes_the_headlines_and_the_charts(qtbot, page):
    page.scope_combo.setFocus()
    qtbot.keyClick(page.scope_combo, Qt.Key.Key_Down)
    assert page.scope_combo.currentText() == "Alpha"
    assert headlines(page) == {
        "adoption_rate": "33 %",
        "teams_per_pattern": "1.5",
        "boundary_share": "75 %",
        "median_days": "120.5",
        "failures": "4",
    }
    assert [name for name, _ in page.top_patterns.rows] == [
        "Feature flags",
        "Pairing rotation",
        "Trunk-based development",
        "Orphan pattern",
    ]
    qtbot.keyClick(page.scope_combo, Qt.Key.Key_Down)
    assert headlines(page)["adoption_rate"] == "60 %"
    assert page.cards[4].chart.values == [0, 1, 1]


def test_each_chart_holds_its_quarters_values_and_says_them(page):
    adoption, reach, boundaries, days, failures = (card.chart for card in page.cards)
    assert adoption.labels == ["Q3 ’25", "Q4 ’25", "Q1 ’26", "Q2 ’26", "Q3 ’26"]
    assert [None if v is None else round(v, 3) for v in adoption.values] == [0.333, None, 0.5, 0.333, 0.5]
    assert not adoption.line and reach.line and boundaries.line
    assert days.values == [181.5, None, 60.0, 30.0, 30.0]
    assert failures.values == [1, 0, 2, 1, 1]
    assert adoption.goal == 0.70 and reach.goal is None
    description = adoption.accessibleDescription()
    assert "In 2026 Q1: 50 %. 2 of 4 teams adopted in time." in description
    assert "In 2025 Q4: —. No team agreed to adopt a pattern yet." in description
    assert description.endswith("Dashed line: goal 70 %")
    assert "At the end of 2026 Q2: 100 %. 4 of 4 patterns documented." in boundaries.texts


def test_the_chart_finds_the_quarter_under_the_pointer(page):
    chart = page.cards[4].chart
    page.scroll.ensureWidgetVisible(chart)
    plot = chart._plot()
    slot = plot.width() / 5
    assert chart.index_at(plot.left() + slot * 2.5) == 2
    assert chart.index_at(plot.left() - 5) is None


def test_bars_take_the_themes_accent_and_are_painted(qtbot, page):
    app = QApplication.instance()
    before = app.styleSheet()
    try:
        for name in ("light", "high_contrast"):
            app.setStyleSheet(theme.stylesheet(name))
            chart = page.cards[4].chart
            accent = theme.PALETTES[name]["accent"]
            assert chart.palette().color(QPalette.ColorRole.Highlight).name() == accent
            image = chart.grab().toImage()
            colours = {
                image.pixelColor(x, y).name()
                for x in range(0, image.width(), 3)
                for y in range(0, image.height(), 3)
            }
            assert accent in colours
    finally:
        app.setStyleSheet(before)


def test_the_chosen_scope_survives_a_refresh(page):
    page.scope_combo.setCurrentIndex(2)
    page.refresh()
    assert page.scope_combo.currentText() == "Beta"


def test_export_writes_a_real_pdf_where_asked(qtbot, page, tmp_path, monkeypatch, opened):
    asked = []
    target = tmp_path / "for leadership"

    def dialog(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    with qtbot.waitSignal(page.tasks.ended, timeout=120_000):  # written in the background
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert Path(asked[0]).name == "scale-across-report-2026-11-21.pdf"
    written = tmp_path / "for leadership.pdf"
    reader = PdfReader(written)
    assert reader.metadata.title == "Scale Across — adoption report"
    assert "Coalition: Alpha" in " ".join(p.extract_text() for p in reader.pages)
    assert opened == [str(written)]
    assert page.message.text() == f"Wrote the report to {written}"


def test_an_unwritable_place_is_reported_as_a_problem(qtbot, page, tmp_path, monkeypatch, opened):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "a-file" / "r.pdf"), "")
    )
    (tmp_path / "a-file").write_text("not a folder")
    with qtbot.waitSignal(page.problem, timeout=120_000) as signal:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].startswith("The report was not written: cannot write")
    assert "\n" not in signal.args[0] and opened == []


def test_an_empty_history_shows_what_will_appear(qtbot, db):
    widget = FiguresPage(lambda: db, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    assert widget.empty_label.isVisible() and not widget.scroll.isVisible()
    assert widget.empty_label.text().startswith("No figures yet.")
    assert not widget.export_button.isEnabled()


def test_a_database_problem_is_one_line_for_the_banner(qtbot):
    def broken():
        raise StorageError("the database file is locked")

    widget = FiguresPage(broken, today=TODAY)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.problem) as signal:
        widget.refresh()
    assert signal.args == ["The figures could not be computed: the database file is locked"]


def test_a_coalition_can_be_chosen_by_id(page):
    beta = page.report.coalitions[1]
    page.select_scope(beta.coalition_id)
    assert page.current_figures() is beta
    page.select_scope(None)
    assert page.current_figures() is page.report.overall


def test_axis_labels_shorten_then_turn_to_years_so_none_overlap():
    from facilitator.figures import Quarter
    from ui.followup.figures.chart_labels import quarter_labels

    quarters = [Quarter.from_index(Quarter(2025, 3).index + i) for i in range(5)]

    def width(text: str) -> float:
        return 10.0 * len(text)  # ten pixels a character

    assert quarter_labels(quarters, 80, width) == ["Q3 ’25", "Q4 ’25", "Q1 ’26", "Q2 ’26", "Q3 ’26"]
    assert quarter_labels(quarters, 50, width) == ["Q3 ’25", "Q4", "Q1 ’26", "Q2", "Q3"]
    long = [Quarter.from_index(Quarter(2016, 1).index + i) for i in range(40)]
    labels = quarter_labels(long, 8, width)
    assert [label for label in labels if label] == ["2016", "2018", "2020", "2022", "2024"]
    assert labels[8] == "2018"  # at the year's first quarter


def test_a_report_no_program_can_open_says_where_it_is(qtbot, page, tmp_path, monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) and False)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "r.pdf"), ""))

    with qtbot.waitSignal(page.tasks.ended, timeout=120_000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)

    written = tmp_path / "r.pdf"
    assert urls == [str(written)]
    assert page.message.text() == (
        f"Wrote the report to {written}. No program to open PDF files was found; the file is in {tmp_path}."
    )


def test_the_started_at_risk_card_says_how_many_ended_abandoned_per_scope(qtbot, db):
    from fit_history import build_fit_history

    build_fit_history(db)
    page = FiguresPage(lambda: db)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    card = page.started_fit
    assert card.title.text() == "Started at risk vs fit"
    assert card.text() == (
        "At risk: 1 of 2 abandoned (50 %) · Fit: 1 of 3 abandoned (33 %) · "
        "Not checked: 1 agreement, in neither group"
    )
    page.scope_combo.setCurrentIndex(page.scope_combo.findText("Beta"))
    assert card.at_risk.text() == "At risk: 0 of 1 abandoned (0 %)"
    assert card.fits.text() == "Fit: 1 of 2 abandoned (50 %)"
    assert card.not_checked.text() == "Not checked: 0 agreements, in neither group."
    assert card.isVisible()
    assert "At risk: 0 of 1 abandoned" in card.accessibleDescription()

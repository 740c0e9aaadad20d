"""One figure on the figures page: its name, headline value, what it means, its chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator import numbers
from facilitator.figures import (
    STARTED_FIT_EXPLANATION,
    STARTED_FIT_TITLE,
    FigureInfo,
    Figures,
    axis_scale,
    axis_text,
    detail,
    format_value,
    short_value,
    started_fit_text,
)
from facilitator.i18n import N_, _, ngettext
from ui.followup.figures.charts import QuarterChart
from ui.widgets import plain_label


class FigureCard(QFrame):
    """A card showing one figure of one scope: all-time value, then its quarters as a chart."""

    def __init__(self, info: FigureInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setProperty("role", "card")
        self.title = plain_label(_(info.title), "subheading")
        self.value = plain_label("", "figure")
        self.value.setWordWrap(False)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        explanation = [_(info.explanation)]
        if info.target is not None:
            # Translators: under a figure's name: what its chart's dashed line shows ("goal 70 %")
            explanation.append(_("Dashed line: {goal}.").format(goal=_(info.target_label)))
        self._explanation = " ".join(explanation)
        self.explanation = plain_label(self._explanation, "muted")
        self.detail = plain_label("")
        self.chart = QuarterChart(_(info.title))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.value, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.explanation)
        layout.addWidget(self.detail)
        layout.addWidget(self.chart, 1)

    def show_figures(self, figures: Figures) -> None:
        """Show the scope's all-time value and its value per quarter."""
        info, totals = self.info, figures.totals
        value = format_value(info, getattr(totals, info.key))
        # The title already says "days"; the short form keeps the title on fewer lines.
        self.value.setText(short_value(info, getattr(totals, info.key)))
        self.detail.setText(detail(info, totals))
        self.setAccessibleName(f"{_(info.title)}: {value}")
        values = list(figures.series(info.key))
        top, step = axis_scale(info, values)
        # Quarters where some teams are still within their six months may still rise.
        provisional = [bool(q.open_teams) for q in figures.quarters] if info.key == "adoption_rate" else []
        lighter = _("Lighter bars: some teams still within their six months.") if any(provisional) else ""
        self.explanation.setText(f"{self._explanation} {lighter}" if lighter else self._explanation)
        # A value in words: at the end of the quarter for a figure that adds up, in it otherwise.
        if info.cumulative:
            # Translators: a chart's value in words: the quarter ("2026 Q3"), the value, then its counts
            when = _("At the end of {quarter}: {value}. {detail}")
        else:
            # Translators: a chart's value in words: the quarter ("2026 Q3"), the value, then its counts
            when = _("In {quarter}: {value}. {detail}")
        texts = [
            when.format(quarter=q.quarter.label, value=format_value(info, v), detail=detail(info, q))
            for q, v in zip(figures.quarters, values, strict=True)
        ]
        self.chart.set_series(
            [q.quarter for q in figures.quarters],
            values,
            texts,
            line=info.cumulative,
            top=top,
            step=step,
            axis_text=lambda v: axis_text(info, v),
            value_text=lambda v: short_value(info, v),
            goal=info.target,
            goal_label=_(info.target_label) if info.target_label else "",
            provisional=provisional,
        )


TOP_PATTERNS_TITLE = N_("Patterns that reached the most teams")


class TopPatternsCard(QFrame):
    """The patterns of the scope that reached the most teams, all time."""

    SHOWN = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.rows: list[tuple[str, int]] = []
        self._lines = QGridLayout()
        self._lines.setHorizontalSpacing(12)
        self._lines.setVerticalSpacing(6)
        self._lines.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(plain_label(_(TOP_PATTERNS_TITLE), "subheading"))
        layout.addWidget(plain_label(_("Teams that agreed to adopt each, all time."), "muted"))
        layout.addLayout(self._lines)
        layout.addStretch(1)

    def show_figures(self, figures: Figures) -> None:
        """List the scope's best-reaching patterns with their number of teams."""
        while self._lines.count():
            item = self._lines.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.rows = [(p.name, p.teams) for p in figures.top_patterns[: self.SHOWN]]
        if not self.rows:
            self._lines.addWidget(plain_label(_("No patterns yet."), "muted"), 0, 0)
        for row, (name, teams) in enumerate(self.rows):
            self._lines.addWidget(plain_label(name), row, 0)
            count = plain_label(numbers.integer(teams))
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self._lines.addWidget(count, row, 1)
        self.setAccessibleName(_(TOP_PATTERNS_TITLE))
        self.setAccessibleDescription(
            "; ".join(
                ngettext("{pattern}: {count} team", "{pattern}: {count} teams", teams).format(
                    pattern=name, count=numbers.integer(teams)
                )
                for name, teams in self.rows
            )
            # Translators: a list of patterns, for screen readers, when there is none
            or _("none yet")
        )


class StartedFitCard(QFrame):
    """Do adoptions that started at risk end as abandoned more often than those that fit?"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        # As tall as its lines: the charts above take the page's spare height.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.title = plain_label(_(STARTED_FIT_TITLE), "subheading")
        self.explanation = plain_label(_(STARTED_FIT_EXPLANATION), "muted")
        self.at_risk = plain_label("")
        self.fits = plain_label("")
        self.not_checked = plain_label("", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        for widget in (self.title, self.explanation, self.at_risk, self.fits, self.not_checked):
            layout.addWidget(widget)

    def show_figures(self, figures: Figures) -> None:
        """Show the scope's at-risk and fitting agreements, and how many of each are abandoned."""
        text = started_fit_text(figures.fit)
        self.at_risk.setText(text.at_risk)
        self.fits.setText(text.fits)
        self.not_checked.setText(text.not_checked + ".")
        self.setAccessibleName(_(STARTED_FIT_TITLE))
        self.setAccessibleDescription(f"{text.sentence}. {text.not_checked}.")

    def text(self) -> str:
        """Return the card's figure as one line: "At risk: … · Fit: … · Not checked: …"."""
        return " · ".join(
            label.text().removesuffix(".") for label in (self.at_risk, self.fits, self.not_checked)
        )

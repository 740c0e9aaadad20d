"""Do adoptions that started at risk end as abandoned more often than those that fit?"""

from __future__ import annotations

import pytest
from fit_history import build_fit_history

from facilitator.figures import FitGroup, StartedFit, compute_figures, started_fit_text
from facilitator.storage import open_database


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("fit") / "history.sqlite3")
    try:
        build_fit_history(db)
        with db.transaction() as session:
            return compute_figures(session)
    finally:
        db.close()


def test_overall_counts_at_risk_fit_and_not_checked_apart(report):
    assert report.overall.fit == StartedFit(
        at_risk=FitGroup(agreements=2, abandoned=1),
        fits=FitGroup(agreements=3, abandoned=1),
        not_checked=FitGroup(agreements=1, abandoned=1),
    )
    assert report.overall.fit.at_risk.share == 0.5
    assert report.overall.fit.fits.share == pytest.approx(1 / 3)


def test_each_coalition_counts_the_agreements_of_its_events(report):
    alpha, beta = report.scope("Alpha"), report.scope("Beta")
    assert alpha.fit == StartedFit(FitGroup(1, 1), FitGroup(1, 0), FitGroup(1, 1))
    assert beta.fit == StartedFit(FitGroup(1, 0), FitGroup(2, 1), FitGroup(0, 0))
    assert alpha.fit.at_risk.share == 1.0
    assert beta.fit.at_risk.share == 0.0


def test_the_figure_in_words(report):
    text = started_fit_text(report.overall.fit)
    assert text.sentence == "At risk: 1 of 2 abandoned (50 %) · Fit: 1 of 3 abandoned (33 %)"
    assert text.not_checked == "Not checked: 1 agreement, in neither group"
    empty = started_fit_text(StartedFit())
    assert empty.at_risk == "At risk: no agreements"
    assert share_of_nothing() is None


def share_of_nothing():
    return FitGroup().share

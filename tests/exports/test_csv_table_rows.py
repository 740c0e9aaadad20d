"""CSV from the follow-up tables: the adoption tracker's and the history's rows, column by column."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid

from exports import csv_export
from exports.csv_export import HISTORY_COLUMNS, TRACKER_COLUMNS, csv_bytes
from facilitator.domain import AgreementStatus, EventStatus
from facilitator.followup.adoption_row import AdoptionRow, FitState
from facilitator.followup.history import HistoryRow


def _adoption(**changes) -> AdoptionRow:
    values = {
        "agreement_id": uuid.uuid5(uuid.NAMESPACE_URL, "a"),
        "event_id": uuid.uuid5(uuid.NAMESPACE_URL, "e"),
        "event_date": dt.date(2026, 1, 10),
        "event_title": "Winter",
        "coalitions": ("Checkout", "Search"),
        "adopter": "Zoë Lefèvre",
        "adopter_team": "=Payments",
        "patterns": ("Feature flags", "Contract tests"),
        "sponsor": "",
        "owners": ("Łukasz", "Ana"),
        "check_in": dt.date(2026, 2, 1),
        "status": AgreementStatus.IN_PROGRESS,
        "status_reason": "Started",
        "last_changed": dt.date(2026, 1, 12),
        "overdue": True,
        "days_overdue": 12,
        "fit": FitState.AT_RISK,
        "open_questions": 3,
    }
    return AdoptionRow(**{**values, **changes})


def test_tracker_rows_follow_the_tracker_columns():
    row = _adoption()
    data = csv_bytes(TRACKER_COLUMNS, csv_export.tracker_rows([row, _adoption(check_in=None, overdue=False)]))
    first, second = csv.DictReader(io.StringIO(data.decode(), newline=""))
    assert first == {
        "agreement_id": str(row.agreement_id),
        "event_id": str(row.event_id),
        "event_date": "2026-01-10",
        "event_title": "Winter",
        "coalitions": "Checkout; Search",
        "adopter": "Zoë Lefèvre",
        "adopter_team": "'=Payments",
        "patterns": "Feature flags; Contract tests",
        "sponsor": "",
        "owners": "Łukasz; Ana",
        "check_in": "2026-02-01",
        "status": "In progress",
        "status_reason": "Started",
        "last_changed": "2026-01-12",
        "overdue": "true",
        "days_overdue": "12",
        "fit": "At risk",
        "open_questions": "3",
    }
    assert (second["check_in"], second["overdue"]) == ("", "false")


def test_history_rows_follow_the_history_table():
    row = HistoryRow(
        event_id=uuid.uuid5(uuid.NAMESPACE_URL, "e"),
        date=dt.date(2025, 12, 1),
        title="",
        coalitions=("Checkout", "Search"),
        status=EventStatus.CLOSED,
        facilitator="Ana",
        participants=1234,
        teams=(),
        people=(),
        outcomes=2,
        failures=1,
        patterns=3,
        agreements=2,
        adopted=0,
        open=2,
        overdue=1,
    )
    data = csv_bytes(HISTORY_COLUMNS, csv_export.history_rows([row]))
    (read_back,) = csv.DictReader(io.StringIO(data.decode(), newline=""))
    # Counts as plain numbers (no "1,234"), an untitled event as an empty title.
    assert read_back == {
        "event_id": str(row.event_id),
        "event_date": "2025-12-01",
        "event_title": "",
        "coalitions": "Checkout; Search",
        "status": "Closed",
        "participants": "1234",
        "agreements": "2",
        "adopted": "0",
        "overdue": "1",
    }

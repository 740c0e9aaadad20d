"""A large event for the benchmarks: 50 participants, outcomes, patterns, boundaries and agreements."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any


def fill_event(db_path: Path) -> tuple[Any, uuid.UUID]:
    """Create a database at ``db_path`` holding one event with 50 records on every step.

    Returns:
        The open database and the event's id.
    """
    from facilitator.services import agreements, events, outcomes, participants, patterns
    from facilitator.storage import open_database

    db = open_database(db_path)
    with db.transaction() as s:
        event = events.plan_event(s, coalitions=["Bench Coalition"], date=dt.date(2026, 6, 1))
        people = [
            participants.add_participant(s, event.id, f"Person {i}", f"Team {i % 7}") for i in range(50)
        ]
        for i in range(50):
            outcomes.add_outcome(
                s,
                event.id,
                "success" if i % 3 else "failure",
                f"Outcome {i}",
                "What happened " * 5,
                "Evidence",
            )
        made = [
            patterns.create_pattern(s, event.id, f"Pattern {i}", summary="Summary " * 6) for i in range(50)
        ]
        for i in range(50):
            kind = ("works_when", "breaks_when", "prerequisite")[i % 3]
            patterns.add_boundary(s, made[i % 5].id, kind, f"Condition {i}", event_id=event.id)
        for i in range(50):
            deal = agreements.add_agreement(
                s, event.id, people[i].id, pattern_ids=[made[i].id], sponsor_id=people[0].id
            )
            agreements.add_support_item(s, deal.id, "coaching", amount=2, unit="hours", owner_id=people[1].id)
        event_id = event.id
    return db, event_id


def open_at_outcomes(tmp: Path, name: str, size: tuple[int, int]) -> tuple[Any, Any, Any]:
    """Open the large event in a main window at Outcomes & Patterns; return (app, db, window).

    Offscreen, with settings and data in ``tmp`` (set before the app's modules
    read them), the window at ``size``.
    """
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["SCALE_ACROSS_DATA_DIR"] = str(tmp)
    os.environ["XDG_CONFIG_HOME"] = str(tmp)
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db, event_id = fill_event(tmp / name)
    window = MainWindow(db)
    window.resize(*size)
    window.show()
    window.open_event(event_id, view=1)
    window.screen_.walkthrough.go_to(1)  # Outcomes & Patterns
    app.processEvents()
    return app, db, window

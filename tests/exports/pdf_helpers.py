"""Reading PDFs back in the export tests, and building events through the services."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader

from facilitator.domain import BoundaryKind, OutcomeKind, ParticipantRole, SupportType
from facilitator.services import agreements, events, outcomes, participants, patterns

HOSTILE = [
    "<b>unclosed",
    "a < b & c",
    '<a href="file:///etc/passwd">x</a>',
    '<img src="/etc/hosts"/>',
    '<font color="[[[getattr(pow, \'__globals__\')]]]">red</font>',
    "&amp; &lt;not an entity&gt; &#60;",
    "Zoë Łukasz 日本 Ωμέγα Привет 🚀 مريم שלום",
]


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def flat(value: str) -> str:
    """Collapse every run of whitespace (line breaks included) to one space."""
    return re.sub(r"\s+", " ", value).strip()


def pdf_text(pdf: bytes) -> str:
    """Return the whitespace-normalised text of every page."""
    return flat(" ".join(page.extract_text() or "" for page in reader(pdf).pages))


def make_event(session, *, title="", facilitator="Zoë Lefèvre", date=dt.date(2026, 5, 14)):
    return events.plan_event(
        session, coalitions=["Checkout Reliability Coalition"], date=date,
        facilitator=facilitator, title=title,
    )


def hostile_event(session):
    """An event whose every field a user types holds markup-like or multi-script text."""
    event = make_event(
        session, title=f"{HOSTILE[0]} {HOSTILE[6]}", facilitator=HOSTILE[1]
    )
    events.set_top_goal(session, event.id, event.coalitions[0].id, HOSTILE[4])
    adopter = participants.add_participant(
        session, event.id, HOSTILE[6], HOSTILE[2], ParticipantRole.POTENTIAL_ADOPTER
    )
    owner = participants.add_participant(
        session, event.id, HOSTILE[3], "Team & <Co>", ParticipantRole.COALITION_MEMBER
    )
    sponsor = participants.add_participant(
        session, event.id, HOSTILE[0], "", ParticipantRole.SPONSOR
    )
    outcome = outcomes.add_outcome(
        session, event.id, OutcomeKind.FAILURE, HOSTILE[2], HOSTILE[3], HOSTILE[5]
    )
    pattern = patterns.create_pattern(
        session, event.id, HOSTILE[4], summary=HOSTILE[1], guidance=HOSTILE[0],
        outcome_ids=[outcome.id],
    )
    for kind, value in zip(BoundaryKind, (HOSTILE[2], HOSTILE[3], HOSTILE[6]), strict=True):
        patterns.add_boundary(session, pattern.id, kind, value, event_id=event.id)
    agreement = agreements.add_agreement(
        session, event.id, adopter.id, pattern_ids=[pattern.id], sponsor_id=sponsor.id,
        check_in=dt.date(2026, 7, 1), limits=HOSTILE[5], notes=HOSTILE[4],
    )
    agreements.add_support_item(
        session, agreement.id, SupportType.COACHING, amount=3, unit="hours",
        owner_id=owner.id, description=HOSTILE[1], limits=HOSTILE[2],
    )
    return event


def loaded_event(tmp_path_factory, build):
    """Build an event through the services in a fresh database and return it fully loaded."""
    from facilitator.services.events import load_event
    from facilitator.storage import open_database

    database = open_database(tmp_path_factory.mktemp("exports") / "events.sqlite3")
    try:
        with database.transaction() as session:
            event_id = build(session).id
        with database.transaction() as session:
            return load_event(session, event_id)
    finally:
        database.close()

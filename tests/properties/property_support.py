"""What the text-integrity properties share: the text fields, the texts, the events.

Every free-text column of the records an event file carries is listed in
:data:`FIELDS`, keyed ``table.column``. ``test_every_text_column_is_covered``
compares that list with the database schema, so a text column added to the
models without a place here fails the suite instead of escaping the
properties.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from sqlalchemy import Enum, String, Text

from facilitator.domain import Base, BoundaryKind
from facilitator.services import agreements, events, fit, outcomes, participants, patterns
from facilitator.storage import Database, open_database
from facilitator.stored_text import clean

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "suite")
LONG_FACTOR = 40
"""How many times more examples the ``long`` profile runs than the suite."""


def settings_for(examples: int) -> settings:
    """Return the settings of the chosen profile with ``examples`` (scaled for ``long``)."""
    scaled = examples * LONG_FACTOR if PROFILE == "long" else examples
    return settings(settings.get_profile(PROFILE), max_examples=scaled)


# --- the fields -----------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """How the app accepts one text column (the services' rules).

    Attributes:
        limit: Most characters stored.
        required: Must not be empty once cleaned.
        single_line: An id-like text without line breaks.
        same_as: Set by the services from another field's text, not typed itself.
    """

    limit: int
    required: bool = False
    single_line: bool = False
    same_as: str | None = None


FIELDS: dict[str, Field] = {
    "events.title": Field(300),
    "events.facilitator": Field(200),
    "events.agenda_id": Field(64, required=True, single_line=True),
    "events.current_step_id": Field(64, required=True, single_line=True),
    "step_times.step_id": Field(64, required=True, single_line=True),
    "coalitions.name": Field(200, required=True),
    "top_goals.text": Field(5000),
    "participants.name": Field(200, required=True),
    "participants.team": Field(200),
    "outcomes.title": Field(500, required=True),
    "outcomes.what_happened": Field(20_000),
    "outcomes.evidence": Field(20_000),
    "patterns.name": Field(300, required=True),
    "patterns.summary": Field(20_000),
    "patterns.guidance": Field(20_000),
    "boundary_conditions.text": Field(5000, required=True),
    "agreements.limits": Field(20_000),
    "agreements.notes": Field(20_000),
    "status_changes.note": Field(5000),
    # change_status stores its note as the agreement's reason too.
    "agreements.status_reason": Field(5000, same_as="status_changes.note"),
    "support_items.description": Field(20_000),
    "support_items.unit": Field(40),
    "support_items.limits": Field(20_000),
    "fit_answers.note": Field(2000),
    "risk_acceptances.note": Field(2000),
}
TYPED = [name for name, field in FIELDS.items() if field.same_as is None]


def text_columns() -> set[str]:
    """Return every ``table.column`` of the schema that holds text (choices excluded)."""
    return {
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, String | Text)
        and not isinstance(column.type, Enum)
        # Who stored a record is the app's bookkeeping ("user@host"), never typed.
        and column.name != "stored_by"
        # An address is checked, not free text (most texts here are refused as one);
        # its properties: tests/services/test_email_address.py, tests/eventfile/test_eventfile_email.py.
        and f"{table.name}.{column.name}" != "participants.email"
        # A language is a catalog's code, chosen from a list, never typed text; its
        # properties: tests/services/test_document_language.py, tests/eventfile/test_eventfile_language.py.
        and f"{table.name}.{column.name}" not in ("events.document_language", "participants.language")
    }


# --- texts ------------------------------------------------------------------------

# What mail, chat and Office pastes bring, and what YAML or the PDF markup
# would misread: drawn far more often than a uniform pick from all of Unicode.
PASTED = [
    "\r\n", "\r", "\n", "\t", "\x0b", "\x0c", "\x85", "\u2028", "\u2029",
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x9f", "\u200b", "\u2060", "\ufeff", "\u00ad",
    "\u200c", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\ufe0f", "\U000e0067",
    "\ufffe", "\uffff", "\U0010ffff", "\ufdd0", "\ud800", "\udfff", "\ud83d\ude80",
    "שלום", "مريم", "e\u0301", "👩\u200d💻", "🇩🇪", "日本語", "한국어", "Łukasz", "Ωμέγα",
    " ", "  ", "\u00a0", "\u202f", "\u3000",
    "No", "yes", "null", "~", "true", "1:30", "0o17", "0777", "1e5", ".5", "2026-01-01",
    ": ", "- ", " #", "#", "'", '"', "\\", "&a", "*a", "!!str", "|", ">", "{", "}", "[", "]",
    ",", "%", "@", "`", "---", "...", "<b>", "&amp;", "<br/>", "<a href='file:///x'>",
]  # fmt: skip

_PIECE = st.one_of(st.sampled_from(PASTED), st.characters(exclude_categories=()))
_LINE_ENDS = str.maketrans(dict.fromkeys("\r\n\x0b\x0c\x85\u2028\u2029"))


def texts(
    field: Field, pieces: st.SearchStrategy[str] = _PIECE, *, long_texts: bool = True
) -> st.SearchStrategy[str]:
    """Return texts for ``field``: short mixes of ``pieces``, and for long fields very long ones."""
    short = st.lists(pieces, max_size=12).map("".join)
    strategy = short
    if field.limit >= 5000 and long_texts:
        # Very long text: a short mix repeated to any length up to the limit.
        # One text in four: PyYAML is pure Python, and ten fields of 20,000
        # characters in every example would make the suite slow.
        repeated = st.tuples(st.lists(pieces, min_size=1, max_size=6), st.integers(1, field.limit))
        long = repeated.map(lambda t: ("".join(t[0]) * t[1])[: t[1]])
        strategy = st.integers(0, 3).flatmap(lambda pick: long if pick == 0 else short)

    def fit(text: str) -> str:
        if field.single_line:
            text = text.translate(_LINE_ENDS)
        text = text[: field.limit]
        if field.required and not clean(text).text:
            text = text[: field.limit - 1] + "x"
        return text

    return strategy.map(fit)


def event_texts(
    pieces: st.SearchStrategy[str] = _PIECE, *, long_texts: bool = True
) -> st.SearchStrategy[dict[str, str]]:
    """Return one text for every typed field (``long_texts``: some up to the field's limit)."""
    return st.fixed_dictionaries({name: texts(FIELDS[name], pieces, long_texts=long_texts) for name in TYPED})


def expected(typed: dict[str, str]) -> dict[str, object]:
    """Return what the services store for ``typed``: each text cleaned, in a snapshot's shape."""
    stored = {name: clean(typed[FIELDS[name].same_as or name]).text for name in FIELDS}
    stored["status_changes.note"] = ["Agreed at the event", stored["status_changes.note"]]
    return stored


# --- events -----------------------------------------------------------------------

DATE = dt.date(2026, 11, 21)


@contextmanager
def fresh_databases(template: Path, count: int) -> Iterator[tuple[Path, list[Database]]]:
    """Yield a temporary folder and ``count`` empty databases copied from ``template``."""
    with tempfile.TemporaryDirectory() as folder:
        databases = []
        try:
            for index in range(count):
                path = Path(folder) / f"db{index}.sqlite3"
                shutil.copyfile(template, path)
                databases.append(open_database(path))
            yield Path(folder), databases
        finally:
            for database in databases:
                database.close()


BREAKS_WHEN = "The team is on call for another system"
"""The condition the fit check answers (a fixed text: the property varies the answer's note)."""


def build_event(db: Database, typed: dict[str, str]) -> uuid.UUID:
    """Store an event holding every typed text, through the services as the window does."""
    t = typed
    with db.transaction() as session:
        event = events.plan_event(
            session,
            coalitions=[t["coalitions.name"]],
            date=DATE,
            facilitator=t["events.facilitator"],
            title=t["events.title"],
            agenda_id=t["events.agenda_id"],
        )
        events.set_top_goal(session, event.id, event.coalitions[0].id, t["top_goals.text"])
        person = participants.add_participant(
            session, event.id, t["participants.name"], t["participants.team"], "coalition_member"
        )
        outcome = outcomes.add_outcome(
            session, event.id, "success", t["outcomes.title"],
            t["outcomes.what_happened"], t["outcomes.evidence"],
        )  # fmt: skip
        pattern = patterns.create_pattern(
            session, event.id, t["patterns.name"], summary=t["patterns.summary"],
            guidance=t["patterns.guidance"], outcome_ids=[outcome.id],
        )  # fmt: skip
        patterns.add_boundary(
            session, pattern.id, BoundaryKind.WORKS_WHEN, t["boundary_conditions.text"],
            event_id=event.id,
        )  # fmt: skip
        agreement = agreements.add_agreement(
            session, event.id, person.id, pattern_ids=[pattern.id], sponsor_id=person.id,
            limits=t["agreements.limits"], notes=t["agreements.notes"],
        )  # fmt: skip
        agreements.add_support_item(
            session, agreement.id, "coaching", amount=2.5, unit=t["support_items.unit"],
            owner_id=person.id, description=t["support_items.description"],
            limits=t["support_items.limits"],
        )  # fmt: skip
        agreements.change_status(session, agreement.id, "in_progress", t["status_changes.note"])
        breaks = patterns.add_boundary(
            session, pattern.id, BoundaryKind.BREAKS_WHEN, BREAKS_WHEN, event_id=event.id
        )
        fit.set_fit_answer(session, agreement.id, breaks.id, "holds", note=t["fit_answers.note"])
        fit.accept_risk(session, agreement.id, person.id, note=t["risk_acceptances.note"])
        events.move_to_step(session, event.id, t["events.current_step_id"])
        events.record_step_time(session, event.id, t["step_times.step_id"], 30)
        return event.id


def snapshot(db: Database, event_id: uuid.UUID) -> dict[str, object]:
    """Return the stored value of every field in :data:`FIELDS`, read from the database."""
    with db.transaction() as session:
        event = events.load_event(session, event_id)
        coalition = event.coalitions[0]
        person, outcome, pattern = event.participants[0], event.outcomes[0], event.patterns[0]
        agreement = event.agreements[0]
        support = agreement.support_items[0]
        history = sorted(agreement.status_history, key=lambda c: (c.changed_at, c.from_status is not None))
        return {
            "events.title": event.title,
            "events.facilitator": event.facilitator,
            "events.agenda_id": event.agenda_id,
            "events.current_step_id": event.current_step_id,
            "step_times.step_id": [row.step_id for row in event.step_times][0],
            "coalitions.name": coalition.name,
            "top_goals.text": event.goal_for(coalition),
            "participants.name": person.name,
            "participants.team": person.team,
            "outcomes.title": outcome.title,
            "outcomes.what_happened": outcome.what_happened,
            "outcomes.evidence": outcome.evidence,
            "patterns.name": pattern.name,
            "patterns.summary": pattern.summary,
            "patterns.guidance": pattern.guidance,
            "boundary_conditions.text": next(
                b.text for b in pattern.boundaries if b.kind == BoundaryKind.WORKS_WHEN
            ),
            "agreements.limits": agreement.limits,
            "agreements.notes": agreement.notes,
            "agreements.status_reason": agreement.status_reason,
            "status_changes.note": [change.note for change in history],
            "support_items.description": support.description,
            "support_items.unit": support.unit,
            "support_items.limits": support.limits,
            "fit_answers.note": agreement.fit_answers[0].note,
            "risk_acceptances.note": agreement.risk_acceptance.note if agreement.risk_acceptance else None,
        }

"""Write one event as an event file (format version 1), as YAML or JSON."""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from contextlib import suppress
from pathlib import Path
from typing import Literal

import yaml
from sqlalchemy.orm import Session

from facilitator.dates import iso, iso_moment
from facilitator.documents import CORE_RESOLVERS
from facilitator.domain import (
    Agreement,
    BoundaryCondition,
    BoundaryKind,
    Coalition,
    Event,
    FitAnswer,
    Participant,
    Pattern,
    StatusChange,
    SupportCapacity,
)
from facilitator.durable import write_atomically
from facilitator.eventfile.errors import EventFileError
from facilitator.eventfile.fields import number_for_file
from facilitator.eventfile.schema import FORMAT_NAME, FORMAT_VERSION
from facilitator.i18n import _
from facilitator.progress import Cancelled, Progress, report
from facilitator.services import events as event_service
from facilitator.services.fit import fit_questions

Format = Literal["yaml", "json"]

_BOUNDARY_KEYS = (
    (BoundaryKind.WORKS_WHEN, "works_when"),
    (BoundaryKind.BREAKS_WHEN, "breaks_when"),
    (BoundaryKind.PREREQUISITE, "prerequisites"),
)


def event_to_document(event: Event) -> dict[str, object]:
    """Return the event file content for an event loaded with ``load_event``.

    The result holds only ``dict``, ``list``, ``str``, ``int``, ``float`` and
    ``None``; dates are ISO strings, every id a UUID string, records in the
    order they are stored.
    """
    document: dict[str, object] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "event": _event(event),
        "coalitions": [
            {"id": str(c.id), "name": c.name, "top_goal": event.goal_for(c)} for c in event.coalitions
        ],
    }
    in_event = {c.id for c in event.coalitions}
    # A pattern can be owned by a coalition that is not part of this event;
    # the file must still say whose it is.
    others: dict[uuid.UUID, Coalition] = {}
    for pattern in event.patterns:
        if pattern.coalition_id not in in_event:
            others.setdefault(pattern.coalition_id, pattern.coalition)
    if others:
        document["other_coalitions"] = [{"id": str(c.id), "name": c.name} for c in others.values()]
    capacities = {c.participant_id: c for c in event.capacities}
    document["participants"] = [_participant(p, capacities.get(p.id)) for p in event.participants]
    document["outcomes"] = [
        {
            "id": str(o.id),
            "kind": o.kind.value,
            "title": o.title,
            "what_happened": o.what_happened,
            "evidence": o.evidence,
        }
        for o in event.outcomes
    ]
    outcome_ids = {o.id for o in event.outcomes}
    document["patterns"] = [_pattern(p, event, outcome_ids) for p in event.patterns]
    document["agreements"] = [_agreement(a) for a in event.agreements]
    return document


def _participant(participant: Participant, capacity: SupportCapacity | None) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": str(participant.id),
        "name": participant.name,
        "team": participant.team,
        "role": participant.role.value,
    }
    # Most people have none: files written before addresses existed look the same.
    if participant.email:
        entry["email"] = participant.email
    if participant.language:
        entry["language"] = participant.language
    entry["capacity_hours"] = number_for_file(capacity.hours if capacity else None)
    # Written only when the room accepted promising more than the capacity.
    if capacity is not None and capacity.accepted_hours is not None:
        entry["accepted_hours"] = number_for_file(capacity.accepted_hours)
    return entry


def _event(event: Event) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": str(event.id),
        "title": event.title,
        "date": iso(event.date),
        "facilitator": event.facilitator,
        "trigger": event.trigger.value,
        "agenda": event.agenda_id,
        "status": event.status.value,
        "closed_at": _moment(event.closed_at),
        "current_step": event.current_step_id,
        # Steps have no stored order; sorting keeps two exports identical.
        "step_seconds": {
            row.step_id: number_for_file(row.seconds)
            for row in sorted(event.step_times, key=lambda r: r.step_id)
        },
    }
    # Written only when chosen: files of events in the app's language look as before.
    if event.document_language:
        entry["document_language"] = event.document_language
    return entry


def _pattern(pattern: Pattern, event: Event, outcome_ids: set[uuid.UUID]) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": str(pattern.id),
        "coalition": str(pattern.coalition_id),
        "kind": pattern.kind.value,
        "name": pattern.name,
        "summary": pattern.summary,
        "guidance": pattern.guidance,
        # Links to outcomes of other events stay in the database; the file
        # only carries this event's outcomes.
        "outcomes": [
            str(link.outcome_id) for link in pattern.outcome_links if link.outcome_id in outcome_ids
        ],
    }
    for kind, key in _BOUNDARY_KEYS:
        entry[key] = [_boundary(b, event) for b in pattern.conditions(kind)]
    return entry


def _boundary(boundary: BoundaryCondition, event: Event) -> dict[str, object]:
    entry: dict[str, object] = {"id": str(boundary.id), "text": boundary.text}
    if boundary.event_id != event.id:
        entry["from_event"] = str(boundary.event_id) if boundary.event_id else None
    return entry


def _agreement(agreement: Agreement) -> dict[str, object]:
    return {
        "id": str(agreement.id),
        "adopter": str(agreement.adopter_id),
        "sponsor": str(agreement.sponsor_id) if agreement.sponsor_id else None,
        "patterns": [str(link.pattern_id) for link in agreement.pattern_links],
        "check_in": iso(agreement.check_in) if agreement.check_in else None,
        "limits": agreement.limits,
        "notes": agreement.notes,
        "status": agreement.status.value,
        "status_reason": agreement.status_reason,
        "support": [
            {
                "id": str(item.id),
                "type": item.type.value,
                "amount": number_for_file(item.amount),
                "unit": item.unit,
                "owner": str(item.owner_id) if item.owner_id else None,
                "description": item.description,
                "limits": item.limits,
            }
            for item in agreement.support_items
        ],
        "history": [
            {
                "from": change.from_status.value if change.from_status else None,
                "to": change.to_status.value,
                "note": change.note,
                "at": _moment(change.changed_at),
            }
            for change in _in_sequence(agreement.status_history)
        ],
        "fit": _fit(agreement),
        "risk_accepted": _risk_accepted(agreement),
    }


def _fit(agreement: Agreement) -> list[dict[str, object]]:
    """The answers to the agreement's current questions, in question order.

    A condition is named by its id, which it keeps in any database and
    whatever its words become; ``text`` repeats its words for the reader.
    An answer to a pattern the agreement no longer adopts is not a question
    (the app does not show it), so it is not written.
    """
    entries: list[dict[str, object]] = []
    for question in fit_questions(agreement):
        answer: FitAnswer | None = question.answer
        if answer is None:
            continue
        entries.append(
            {
                "condition": str(question.condition.id),
                "text": question.condition.text,
                "answer": answer.answer.value,
                "note": answer.note,
                "owner": str(answer.owner_id) if answer.owner_id else None,
                "at": _moment(answer.answered_at),
            }
        )
    return entries


def _risk_accepted(agreement: Agreement) -> dict[str, object] | None:
    acceptance = agreement.risk_acceptance
    if acceptance is None:
        return None
    return {
        "by": str(acceptance.accepted_by_id) if acceptance.accepted_by_id else None,
        "at": _moment(acceptance.accepted_at),
        "note": acceptance.note,
    }


def _in_sequence(changes: list[StatusChange]) -> list[StatusChange]:
    """Order changes by time, and changes made in the same second by their chain.

    Times are stored to the second, so "agreed" and a change made right after
    it can share a timestamp; following from→to keeps them in the order they
    happened, whatever order the database returns them in.
    """
    ordered: list[StatusChange] = []
    pending = sorted(changes, key=lambda c: c.changed_at)
    while pending:
        now = pending[0].changed_at
        same = [c for c in pending if c.changed_at == now]
        previous = ordered[-1].to_status if ordered else None
        chosen = next((c for c in same if c.from_status == previous), same[0])
        ordered.append(chosen)
        pending.remove(chosen)
    return ordered


def _moment(value: dt.datetime | None) -> str | None:
    return iso_moment(value) if value is not None else None


# --- serialising --------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as ``|`` blocks and never writes aliases."""

    def ignore_aliases(self, data: object) -> bool:
        # Our reader refuses aliases, so the writer must never produce one.
        return True


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)
# Text is written plain only when neither YAML 1.1 (the dumper's own
# resolvers, as other tools read) nor YAML 1.2 (our reader) would take it for
# something else: "09", "1e5" and "0o17" are numbers in 1.2 only.
for _core_tag, _core_regexp, _core_first in CORE_RESOLVERS:
    _Dumper.add_implicit_resolver(_core_tag, _core_regexp, list(_core_first))


def dump_event_document(document: dict[str, object], fmt: Format = "yaml") -> bytes:
    """Serialise an event document as UTF-8 YAML or JSON.

    Args:
        document: The result of :func:`event_to_document`.
        fmt: ``"yaml"`` (readable, for people) or ``"json"`` (for tools).

    Raises:
        ValueError: ``fmt`` is neither.
    """
    if fmt == "json":
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if fmt != "yaml":
        raise ValueError(f'unknown event file format {fmt!r}; use "yaml" or "json"')
    text = yaml.dump(
        document,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=88,
    )
    return text.encode("utf-8")


def format_for(path: str | os.PathLike[str]) -> Format:
    """Return the format a file name asks for: JSON for ``.json``, else YAML."""
    return "json" if Path(path).suffix.lower() == ".json" else "yaml"


def export_event(
    session: Session,
    event_id: uuid.UUID | str,
    path: str | os.PathLike[str],
    fmt: Format | None = None,
    *,
    progress: Progress | None = None,
) -> Path:
    """Write one event to ``path`` as an event file, all or nothing.

    Args:
        session: An open session.
        event_id: The event to export.
        path: The file to write; an existing file is replaced only once the
            new content is complete on disk.
        fmt: ``"yaml"`` or ``"json"``; by default from the file name.
        progress: Told (1, 3) once the event is read, (2, 3) once its text
            is made and (3, 3) once the file is written. A ``Cancelled``
            from the first two leaves ``path`` as it was; one from the last
            comes too late and is ignored (the file is written).

    Returns:
        The path written.

    Raises:
        NotFoundError: There is no such event.
        EventFileError: The file cannot be written (the message names it).
        Cancelled: ``progress`` stopped the export; nothing was written.
    """
    target = Path(path)
    document = event_to_document(event_service.load_event(session, event_id))
    report(progress, 1, 3)
    # Most of the time goes here: PyYAML takes a good part of a second over a large event.
    data = dump_event_document(document, fmt or format_for(target))
    report(progress, 2, 3)
    try:
        write_atomically(target, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise EventFileError(
            _("cannot write the event file {path}: {problem}").format(path=target, problem=reason)
        ) from None
    with suppress(Cancelled):  # the file is written: a Cancel now has nothing left to stop
        report(progress, 3, 3)
    return target

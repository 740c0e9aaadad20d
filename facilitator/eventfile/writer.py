"""Add a planned event file's records to the session."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from facilitator.domain import (
    Agreement,
    AgreementPattern,
    AgreementStatus,
    BoundaryCondition,
    BoundaryKind,
    Coalition,
    Event,
    EventCoalition,
    EventPattern,
    FitAnswer,
    Outcome,
    Participant,
    Pattern,
    PatternOutcome,
    RiskAcceptance,
    StatusChange,
    StepTime,
    SupportCapacity,
    SupportItem,
    TopGoal,
)
from facilitator.domain.base import utcnow
from facilitator.eventfile.plan import Plan
from facilitator.eventfile.records import (
    AgreementEntry,
    BoundaryEntry,
    EventDocument,
    PatternEntry,
)


class Writer:
    """Adds the planned records; every id and match was settled by the plan."""

    def __init__(self, session: Session, doc: EventDocument, plan: Plan) -> None:
        self.session = session
        self.doc = doc
        self.plan = plan
        self.coalitions: list[Coalition] = []
        self.participants: list[Participant] = []
        self.outcomes: list[Outcome] = []
        self.patterns: list[Pattern] = []
        # Per file pattern, the stored row of each of its conditions, in file order.
        self.conditions: list[list[BoundaryCondition]] = []

    def write(self) -> Event:
        """Add the event with all its records to the session and flush it."""
        info = self.doc.event
        event = Event(
            id=self.plan.event_id,
            title=info.title,
            date=info.date,
            facilitator=info.facilitator,
            trigger=info.trigger,
            agenda_id=info.agenda,
            status=info.status,
            current_step_id=info.current_step,
            closed_at=info.closed_at,
            document_language=info.document_language,
        )
        self.session.add(event)
        for step_id, seconds in info.step_seconds:
            event.step_times.append(StepTime(step_id=step_id, seconds=seconds))
        self._coalitions(event)
        self._people(event)
        for position, outcome_entry in enumerate(self.doc.outcomes):
            outcome = Outcome(
                id=self.plan.record_id(outcome_entry.id),
                kind=outcome_entry.kind,
                title=outcome_entry.title,
                what_happened=outcome_entry.what_happened,
                evidence=outcome_entry.evidence,
                position=position,
            )
            event.outcomes.append(outcome)
            self.outcomes.append(outcome)
        for position, pattern_entry in enumerate(self.doc.patterns):
            self._pattern(event, position, pattern_entry)
        for position, agreement_entry in enumerate(self.doc.agreements):
            self._agreement(event, position, agreement_entry)
        self.session.flush()
        return event

    def _coalitions(self, event: Event) -> None:
        # A goal imported with an old event must not become the coalition's
        # newest goal, so it is dated by its event, not by the import.
        recorded_at = dt.datetime.combine(event.date, dt.time())
        goals = iter(self.plan.goals)
        for entry, planned in zip(self.doc.coalitions, self.plan.coalitions, strict=True):
            if isinstance(planned, Coalition):
                coalition = planned
            else:
                coalition = Coalition(id=planned, name=entry.name)
                self.session.add(coalition)
            self.coalitions.append(coalition)
            if entry.in_event:
                position = len(event.coalition_links)
                event.coalition_links.append(EventCoalition(coalition=coalition, position=position))
                event.goals.append(TopGoal(coalition=coalition, text=next(goals), recorded_at=recorded_at))

    def _people(self, event: Event) -> None:
        for position, entry in enumerate(self.doc.participants):
            participant = Participant(
                id=self.plan.record_id(entry.id),
                name=entry.name,
                team=entry.team,
                role=entry.role,
                email=entry.email,
                language=entry.language,
                position=position,
            )
            event.participants.append(participant)
            self.participants.append(participant)
            if entry.capacity_hours is not None or entry.accepted_hours is not None:
                event.capacities.append(
                    SupportCapacity(
                        participant=participant,
                        hours=entry.capacity_hours or 0.0,
                        accepted_hours=entry.accepted_hours,
                    )
                )

    def _pattern(self, event: Event, position: int, entry: PatternEntry) -> None:
        planned = self.plan.patterns[position]
        if isinstance(planned, Pattern):
            pattern = planned
        else:
            pattern = Pattern(
                id=planned,
                coalition=self.coalitions[entry.coalition],
                kind=entry.kind,
                name=entry.name,
                summary=entry.summary,
                guidance=entry.guidance,
            )
            self.session.add(pattern)
        self.patterns.append(pattern)
        event.pattern_links.append(EventPattern(pattern=pattern, position=position))
        for index in entry.outcomes:
            self.session.add(PatternOutcome(pattern=pattern, outcome=self.outcomes[index]))
        # New conditions go after those a stored pattern already has.
        next_position: dict[BoundaryKind, int] = {}
        if isinstance(planned, Pattern):
            for row in planned.boundaries:
                next_position[row.kind] = max(next_position.get(row.kind, 0), row.position + 1)
        added: dict[int, BoundaryCondition] = {}
        for boundary, boundary_id in self.plan.boundaries[position]:
            row = BoundaryCondition(
                kind=boundary.kind,
                text=boundary.text,
                position=next_position.get(boundary.kind, 0),
                event_id=self._stated_at(boundary),
            )
            next_position[boundary.kind] = row.position + 1
            if boundary_id is not None:
                row.id = boundary_id
            pattern.boundaries.append(row)
            added[id(boundary)] = row
        self.conditions.append([added.get(id(b)) or _stored_row(pattern, b) for b in entry.boundaries])

    def _stated_at(self, boundary: BoundaryEntry) -> uuid.UUID | None:
        if boundary.stated_here:
            return self.plan.event_id
        # An event the database does not hold cannot be pointed at.
        if boundary.from_event in self.plan.known_events:
            return boundary.from_event
        return None

    def _agreement(self, event: Event, position: int, entry: AgreementEntry) -> None:
        agreement = Agreement(
            id=self.plan.record_id(entry.id),
            adopter=self.participants[entry.adopter],
            sponsor=self.participants[entry.sponsor] if entry.sponsor is not None else None,
            check_in=entry.check_in,
            limits=entry.limits,
            notes=entry.notes,
            status=entry.status,
            status_reason=entry.status_reason,
            position=position,
        )
        event.agreements.append(agreement)
        for index, pattern_index in enumerate(entry.patterns):
            agreement.pattern_links.append(
                AgreementPattern(pattern=self.patterns[pattern_index], position=index)
            )
        for index, item in enumerate(entry.support):
            agreement.support_items.append(
                SupportItem(
                    id=self.plan.record_id(item.id),
                    type=item.type,
                    amount=item.amount,
                    unit=item.unit,
                    owner=self.participants[item.owner] if item.owner is not None else None,
                    description=item.description,
                    limits=item.limits,
                    position=index,
                )
            )
        agreement.status_history.extend(_history(entry))
        now = utcnow()
        for answer in entry.fit:
            agreement.fit_answers.append(
                FitAnswer(
                    boundary=self.conditions[answer.pattern][answer.condition],
                    answer=answer.answer,
                    note=answer.note,
                    owner=self.participants[answer.owner] if answer.owner is not None else None,
                    answered_at=answer.at or now,
                )
            )
        accepted = entry.risk_accepted
        if accepted is not None:
            agreement.risk_acceptance = RiskAcceptance(
                accepted_by=self.participants[accepted.by] if accepted.by is not None else None,
                accepted_at=accepted.at or now,
                note=accepted.note,
            )


def _stored_row(pattern: Pattern, boundary: BoundaryEntry) -> BoundaryCondition:
    """Return the stored condition a condition the plan did not add stands for.

    The plan leaves out a condition whose id is stored (with this pattern) or,
    without an id, whose kind and wording the stored pattern already has.
    """
    wanted = boundary.id.uuid if boundary.id is not None else None
    for row in pattern.boundaries:
        if wanted is not None and row.id == wanted:
            return row
    return next(
        row
        for row in pattern.boundaries
        if wanted is None and (row.kind, row.text) == (boundary.kind, boundary.text)
    )


def _history(entry: AgreementEntry) -> list[StatusChange]:
    """Return the file's status history, or the one a file without history implies."""
    if entry.history is not None:
        return [
            StatusChange(
                from_status=change.from_status,
                to_status=change.to_status,
                note=change.note,
                changed_at=change.at,
            )
            for change in entry.history
        ]
    now = utcnow()
    changes = [
        StatusChange(
            from_status=None,
            to_status=AgreementStatus.AGREED,
            note="Agreed at the event",
            changed_at=now,
        )
    ]
    if entry.status != AgreementStatus.AGREED:
        changes.append(
            StatusChange(
                from_status=AgreementStatus.AGREED,
                to_status=entry.status,
                note=entry.status_reason,
                changed_at=now,
            )
        )
    return changes

"""The closed vocabularies of the domain, stored by their string value."""

from __future__ import annotations

import enum


# Not StrEnum: that would turn str() and f-strings of members from "Trigger.X" into the value.
class _Labelled(str, enum.Enum):  # noqa: UP042
    """A string enum whose members carry the label people read."""

    _value_: str

    @property
    def label(self) -> str:
        """Return the human label of the member."""
        return _LABELS.get(self, self.value.replace("_", " ").capitalize())

    @classmethod
    def values(cls) -> list[str]:
        """Return the stored values in declaration order."""
        return [member.value for member in cls]


class Trigger(_Labelled):
    """Why the coalition runs this Scale Across event (from the seed)."""

    SIGNIFICANT_PROGRESS = "significant_progress"
    PATTERN_DISCOVERY = "pattern_discovery"
    RELEVANT_LEARNINGS = "relevant_learnings"
    QUARTERLY_CADENCE = "quarterly_cadence"


class EventStatus(_Labelled):
    """Where an event is in its life."""

    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"


class ParticipantRole(_Labelled):
    """The part a person plays in the event."""

    COALITION_MEMBER = "coalition_member"
    POTENTIAL_ADOPTER = "potential_adopter"
    SPONSOR = "sponsor"
    PLATFORM_OWNER = "platform_owner"
    PROCESS_OWNER = "process_owner"
    OBSERVER = "observer"


class OutcomeKind(_Labelled):
    """Successes and failures are shared alike."""

    SUCCESS = "success"
    FAILURE = "failure"


class BoundaryKind(_Labelled):
    """The three lists that keep a pattern from being misapplied."""

    WORKS_WHEN = "works_when"
    BREAKS_WHEN = "breaks_when"
    PREREQUISITE = "prerequisite"


class FitAnswerKind(_Labelled):
    """Whether one of a pattern's conditions is true of the adopter's team."""

    HOLDS = "holds"
    DOES_NOT_HOLD = "does_not_hold"
    NOT_KNOWN = "not_known"


class SupportType(_Labelled):
    """What the coalition offers an adopter."""

    TIME = "time"
    COACHING = "coaching"
    ARTIFACT = "artifact"
    OTHER = "other"


class AgreementStatus(_Labelled):
    """Whether an agreed adoption happened."""

    AGREED = "agreed"
    IN_PROGRESS = "in_progress"
    ADOPTED = "adopted"
    ABANDONED = "abandoned"


_LABELS: dict[enum.Enum, str] = {
    FitAnswerKind.HOLDS: "Holds",
    FitAnswerKind.DOES_NOT_HOLD: "Does not hold",
    FitAnswerKind.NOT_KNOWN: "Not known yet",
    BoundaryKind.WORKS_WHEN: "Works when",
    BoundaryKind.BREAKS_WHEN: "Breaks when",
    BoundaryKind.PREREQUISITE: "Prerequisite",
    ParticipantRole.COALITION_MEMBER: "Coalition member",
    ParticipantRole.POTENTIAL_ADOPTER: "Potential adopter",
    ParticipantRole.PLATFORM_OWNER: "Platform owner",
    ParticipantRole.PROCESS_OWNER: "Process owner",
    AgreementStatus.IN_PROGRESS: "In progress",
}

"""The closed vocabularies of the domain, stored by their string value."""

from __future__ import annotations

import enum

from facilitator.i18n import N_, _


# Not StrEnum: that would turn str() and f-strings of members from "Trigger.X" into the value.
class _Labelled(str, enum.Enum):  # noqa: UP042
    """A string enum whose members carry the label people read."""

    _value_: str

    @property
    def label(self) -> str:
        """Return the human label of the member, in the language in use."""
        return _(_LABELS[self])

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


# Marked here, translated where ``label`` is read (the language is chosen after import).
_LABELS: dict[enum.Enum, str] = {
    # Translators: why a Scale Across event is run (its trigger)
    Trigger.SIGNIFICANT_PROGRESS: N_("Significant progress"),
    # Translators: why a Scale Across event is run (its trigger)
    Trigger.PATTERN_DISCOVERY: N_("Pattern discovery"),
    # Translators: why a Scale Across event is run (its trigger)
    Trigger.RELEVANT_LEARNINGS: N_("Relevant learnings"),
    # Translators: why a Scale Across event is run (its trigger)
    Trigger.QUARTERLY_CADENCE: N_("Quarterly cadence"),
    # Translators: the status of an event
    EventStatus.PLANNED: N_("Planned"),
    # Translators: the status of an event
    EventStatus.RUNNING: N_("Running"),
    # Translators: the status of an event
    EventStatus.CLOSED: N_("Closed"),
    ParticipantRole.COALITION_MEMBER: N_("Coalition member"),
    ParticipantRole.POTENTIAL_ADOPTER: N_("Potential adopter"),
    # Translators: a participant's role
    ParticipantRole.SPONSOR: N_("Sponsor"),
    ParticipantRole.PLATFORM_OWNER: N_("Platform owner"),
    ParticipantRole.PROCESS_OWNER: N_("Process owner"),
    # Translators: a participant's role
    ParticipantRole.OBSERVER: N_("Observer"),
    # Translators: the kind of an outcome (or of a pattern learnt from one)
    OutcomeKind.SUCCESS: N_("Success"),
    # Translators: the kind of an outcome (or of a pattern learnt from one)
    OutcomeKind.FAILURE: N_("Failure"),
    # Translators: a list of a pattern's boundary conditions
    BoundaryKind.WORKS_WHEN: N_("Works when"),
    # Translators: a list of a pattern's boundary conditions
    BoundaryKind.BREAKS_WHEN: N_("Breaks when"),
    # Translators: a list of a pattern's boundary conditions
    BoundaryKind.PREREQUISITE: N_("Prerequisite"),
    # Translators: an answer in the fit check: the condition holds for the adopter's team
    FitAnswerKind.HOLDS: N_("Holds"),
    # Translators: an answer in the fit check
    FitAnswerKind.DOES_NOT_HOLD: N_("Does not hold"),
    # Translators: an answer in the fit check
    FitAnswerKind.NOT_KNOWN: N_("Not known yet"),
    # Translators: a kind of support the coalition offers an adopter
    SupportType.TIME: N_("Time"),
    # Translators: a kind of support the coalition offers an adopter
    SupportType.COACHING: N_("Coaching"),
    # Translators: a kind of support the coalition offers an adopter (a document, template, tool)
    SupportType.ARTIFACT: N_("Artifact"),
    # Translators: a kind of support the coalition offers an adopter
    SupportType.OTHER: N_("Other"),
    # Translators: the status of an agreement (an adoption)
    AgreementStatus.AGREED: N_("Agreed"),
    # Translators: the status of an agreement (an adoption)
    AgreementStatus.IN_PROGRESS: N_("In progress"),
    # Translators: the status of an agreement (an adoption)
    AgreementStatus.ADOPTED: N_("Adopted"),
    # Translators: the status of an agreement (an adoption)
    AgreementStatus.ABANDONED: N_("Abandoned"),
}

"""Agreement mails as drafts: one ``.eml`` per adopter, with their agreement PDF attached.

Nothing is sent. A draft is a standard message (RFC 5322, MIME) that a mail
program opens ready to send: ``X-Unsent: 1`` makes Outlook and others open it
as a draft; there is no From, so the mail program fills in the sender. To is
the adopter when their address is known, Cc their sponsors whose addresses are
known; without an address the draft has no recipient and the facilitator adds
one. No Qt.

Addresses reach the headers only through :mod:`email.headerregistry` objects
(or, for an address whose part before the @ is not ASCII, as one quoted
mailbox in an RFC 6532 message); every name is put on one line first, so no
typed text can start a header of its own.
"""

from __future__ import annotations

import contextlib
import email.policy
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from exports.files import cannot_write, write_atomically
from exports.names import SUFFIX, adopter_file_name
from exports.pdf import render_agreement
from exports.values import (
    adopters,
    amount_text,
    coalition_names,
    date_text,
    event_name,
    person_text,
    reader_language,
)
from facilitator import numbers
from facilitator.domain import OutcomeKind
from facilitator.followup.check_ins import known_email
from facilitator.i18n import _, speaking
from facilitator.progress import Progress, report
from facilitator.stored_text import clean

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; exporting only reads them
    from facilitator.domain import Agreement, Event, Participant

__all__ = ["EXTENSION", "Draft", "agreement_drafts", "write_drafts"]

EXTENSION = ".eml"
_BULLET = "- "


@dataclass(frozen=True, slots=True)
class Draft:
    """One adopter's agreement mail, ready to write to a file.

    Attributes:
        adopter_id: The adopter (a participant of the event).
        adopter: The adopter as "Name (Team)".
        file_name: A file name safe on every common system, ending in ".eml".
        attachment_name: The attached PDF's file name.
        to: The To header as a mail program shows it, or "" when no address is known.
        cc: The Cc header, or "" when no sponsor's address is known.
        subject: The subject line.
        data: The whole message, as the file holds it (CRLF line ends).
    """

    adopter_id: uuid.UUID
    adopter: str
    file_name: str
    attachment_name: str
    to: str
    cc: str
    subject: str
    data: bytes


def agreement_drafts(event: Event, *, page_size: str = "A4", progress: Progress | None = None) -> list[Draft]:
    """Return one draft per adopter of a fully loaded event, in participant order.

    Each draft greets the adopter, says what they agreed (patterns, support
    and its owners and limits, sponsor, check-in date) and carries their
    agreement PDF (``exports.pdf.render_agreement``), in the adopter's language
    (else the event's document language). File names are unique
    within the list (compared case-insensitively). ``progress`` is told
    (drafts made, drafts in all) after each draft.

    Raises:
        Cancelled: ``progress`` stopped the work.
    """
    taken: set[str] = set()
    people = adopters(event)
    drafts = []
    for person in people:
        pdf_name = adopter_file_name(event, person, taken)
        pdf = render_agreement(event, person.id, page_size=page_size)
        with speaking(reader_language(event, person)):
            drafts.append(_draft(event, person, pdf_name, pdf))
        report(progress, len(drafts), len(people))
    return drafts


def write_drafts(
    event: Event, folder: Path, *, page_size: str = "A4", progress: Progress | None = None
) -> list[Path]:
    """Write one ``.eml`` draft per adopter into ``folder``; return the paths written.

    Every draft is made (and every PDF rendered) before the first file is
    written, so a problem leaves the folder untouched. A missing folder is
    created with its parents; files of the same name are replaced, so a
    re-export updates them. An event without agreements writes nothing.
    ``progress`` is told (drafts made, drafts in all) after each draft, all
    before the first file is written: a ``Cancelled`` from it writes nothing.

    Raises:
        ExportError: the folder cannot be made or a file cannot be written.
        Cancelled: ``progress`` stopped the work; nothing was written.
    """
    folder = Path(folder)
    drafts = agreement_drafts(event, page_size=page_size, progress=progress)
    if not drafts:
        return []
    if folder.exists() and not folder.is_dir():
        raise cannot_write(folder, _("it is a file, not a folder"))
    return [write_atomically(folder / draft.file_name, draft.data) for draft in drafts]


def _draft(event: Event, person: Participant, pdf_name: str, pdf: bytes) -> Draft:
    agreements = [a for a in event.agreements if a.adopter_id == person.id]
    people = {p.id: p for p in event.participants}
    adopter = _mailbox(person.name, person.email)
    own = adopter.addr_spec.casefold() if adopter is not None else ""
    sponsors: list[Address] = []
    for agreement in agreements:
        sponsor = people.get(agreement.sponsor_id) if agreement.sponsor_id else None
        box = _mailbox(sponsor.name, sponsor.email) if sponsor is not None else None
        if box is not None and box.addr_spec.casefold() not in {
            own,
            *(s.addr_spec.casefold() for s in sponsors),
        }:
            sponsors.append(box)
    to = [adopter] if adopter is not None else []
    # Python's mail headers cannot hold an address that is not ASCII before
    # the @; RFC 6532 (UTF-8 headers, which current mail programs read) can.
    utf8 = any(not box.addr_spec.isascii() for box in [*to, *sponsors])
    message = EmailMessage(policy=email.policy.default.clone(utf8=utf8))
    subject = _one_line(
        _("Your agreement from {event} ({date})").format(event=event_name(event), date=date_text(event.date))
    )
    if to:
        message["To"] = _header(to, utf8)
    if sponsors:
        message["Cc"] = _header(sponsors, utf8)
    message["Subject"] = subject
    message["X-Unsent"] = "1"
    message.set_content(_body(event, person, agreements, people, pdf_name))
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=pdf_name)
    # Files on disk in the form mail travels in: CRLF line ends.
    data = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
    return Draft(
        adopter_id=person.id,
        adopter=person_text(person),
        file_name=pdf_name.removesuffix(SUFFIX) + EXTENSION,
        attachment_name=pdf_name,
        to=str(message["To"] or ""),
        cc=str(message["Cc"] or ""),
        subject=subject,
        data=data,
    )


def _mailbox(name: str, address: str) -> Address | None:
    """Return the person's mailbox, or None without a plausible address.

    A domain that is not ASCII is written as IDNA (``bücher.de`` becomes
    ``xn--bcher-kva.de``), as mail headers carry it.
    """
    known = known_email(address)
    if not known:
        return None
    local, domain = known.rsplit("@", 1)
    # A domain IDNA 2003 refuses goes as typed, in a UTF-8 message.
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    return Address(display_name=_one_line(name), username=local, domain=domain)


def _header(boxes: Sequence[Address], utf8: bool) -> str | Sequence[Address]:
    if not utf8:
        return boxes
    return ", ".join(_quoted(box) for box in boxes)


def _quoted(box: Address) -> str:
    """Return ``"Name" <address>``, the name (on one line already) quoted, quotes and backslashes escaped."""
    if not box.display_name:
        return box.addr_spec
    name = box.display_name.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{name}" <{box.addr_spec}>'


def _body(
    event: Event,
    person: Participant,
    agreements: list[Agreement],
    people: dict[uuid.UUID, Participant],
    pdf_name: str,
) -> str:
    """Return the plain-text message: greeting, what was agreed, the request to sign."""
    names = _one_line(coalition_names(event))
    thanks = (
        _("Thank you for taking part in {event} ({coalitions}) on {date}. This is what you agreed:").format(
            event=_one_line(event_name(event)), coalitions=names, date=date_text(event.date)
        )
        if names
        else _("Thank you for taking part in {event} on {date}. This is what you agreed:").format(
            event=_one_line(event_name(event)), date=date_text(event.date)
        )
    )
    lines = [_("Hello {name},").format(name=_one_line(person.name)), "", thanks]
    several = len(agreements) > 1
    for number, agreement in enumerate(agreements, start=1):
        lines.append("")
        if several:
            heading = _("Agreement {number} of {total}").format(
                number=numbers.integer(number), total=numbers.integer(len(agreements))
            )
            lines += [heading, ""]
        lines += _agreement_lines(agreement, people)
    lines += [
        "",
        _(
            "Your agreement is attached as a PDF ({file}). It also says where each pattern "
            "works and where it breaks. Please read it, sign it and send it back by replying to this mail."
        ).format(file=pdf_name),
    ]
    if event.facilitator.strip():
        lines += ["", _("Kind regards,"), _one_line(event.facilitator)]
    return "\n".join(lines) + "\n"


def _agreement_lines(agreement: Agreement, people: dict[uuid.UUID, Participant]) -> list[str]:
    lines = [_("Patterns to adopt:")]
    # A failure pattern is adopted by avoiding it, as the agreement PDF says ("What to avoid").
    lines += [
        _item(
            _("{pattern} (a failure pattern: what to avoid)").format(pattern=pattern.name)
            if pattern.kind == OutcomeKind.FAILURE
            else pattern.name
        )
        for pattern in agreement.patterns
    ] or [_item(_("No pattern named yet."))]
    lines += ["", _("Support from the coalition:")]
    for support in agreement.support_items:
        amount = amount_text(support.amount, support.unit) or _("amount not set")
        owner = people.get(support.owner_id) if support.owner_id else None
        lines.append(
            _item(
                _("{support}: {amount}, by {owner}").format(
                    support=support.type.label, amount=amount, owner=person_text(owner)
                )
            )
        )
        if support.description:
            lines.append(_item(support.description, indent=True))
        if support.limits:
            lines.append(_item(_("Limits: {limits}").format(limits=support.limits), indent=True))
    if not agreement.support_items:
        lines.append(_item(_("No support from the coalition was agreed.")))
    lines.append(_field(_("Not included"), agreement.limits or _("nothing was stated")))
    lines.append("")
    sponsor = people.get(agreement.sponsor_id) if agreement.sponsor_id else None
    lines.append(_field(_("Sponsor"), person_text(sponsor)))
    lines.append(_field(_("Check-in"), date_text(agreement.check_in)))
    return lines


def _item(value: str, *, indent: bool = False) -> str:
    """Return a bullet (or an indented line under one); a value's later lines line up under its first."""
    prefix = " " * len(_BULLET) if indent else _BULLET
    return prefix + _text(value).replace("\n", "\n" + " " * len(prefix))


def _field(label: str, value: str) -> str:
    # Translators: a label before its value ("Sponsor: Ana (Payments)")
    prefix = _("{label}:").format(label=label) + " "
    return prefix + _text(value).replace("\n", "\n" + " " * len(prefix))


def _text(value: str) -> str:
    """Return text as the app stores it: control characters gone, every line end a newline."""
    return clean(value).text


def _one_line(value: str) -> str:
    """Return text on one line: for headers, where a line break would start a new header."""
    return " ".join(_text(value).split())

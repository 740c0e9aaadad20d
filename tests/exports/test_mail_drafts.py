"""Agreement mail drafts: standard .eml files read back with the email package, nothing injectable."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re

import pytest
from pdf_helpers import HOSTILE, flat, loaded_event, make_event, pdf_text

from exports import mail
from exports.errors import ExportError
from exports.mail import agreement_drafts, write_drafts
from exports.values import adopters, date_text, event_name
from facilitator.demo import create_demo_event
from facilitator.domain import ParticipantRole, SupportType
from facilitator.services import agreements, participants, patterns

# The demo's people by first name: an address for some, none for the others.
ADDRESSES = {"Ana": "ana@example.org", "Søren": "soren@bücher.de", "田中": "aiko.tanaka@example.org"}
INJECTED = "Ana\r\nBcc: x@evil.example"


def demo_with_addresses(session):
    event = create_demo_event(session, date=dt.date(2026, 5, 14))
    for person in event.participants:
        address = ADDRESSES.get(person.name.split()[0])
        if address:
            participants.update_participant(session, person.id, email=address)
    return event


def foreign_event(session):
    """Non-ASCII names, a name that tries to add a header, an address that is not ASCII before the @."""
    event = make_event(session, title="Review\r\nBcc: y@evil.example", facilitator="Zoë Lefèvre")
    zoe = participants.add_participant(session, event.id, "Zoë Łukasz 日本", "Ωμέγα", email="zoë@bücher.de")
    ana = participants.add_participant(session, event.id, INJECTED, "Pay", email="ana@example.org")
    sam = participants.add_participant(
        session, event.id, 'Sam "Boss" \\ Lee', "", ParticipantRole.SPONSOR, email="sam@example.org"
    )
    flags = patterns.create_pattern(session, event.id, "Flags").id
    for person in (zoe, ana):
        agreement = agreements.add_agreement(
            session, event.id, person.id, pattern_ids=[flags], sponsor_id=sam.id, check_in=dt.date(2026, 7, 1)
        )
        agreements.add_support_item(session, agreement.id, SupportType.TIME, amount=2, owner_id=sam.id)
    # An address that came in around the checks (an old file, a direct edit) is never used.
    ana.email = "ana@example.org\r\nBcc: z@evil.example"
    return event


@pytest.fixture(scope="module")
def addressed(tmp_path_factory):
    return loaded_event(tmp_path_factory, demo_with_addresses)


@pytest.fixture(scope="module")
def foreign(tmp_path_factory):
    return loaded_event(tmp_path_factory, foreign_event)


def parse(data: bytes):
    return email.message_from_bytes(data, policy=email.policy.default)


def body_of(message) -> str:
    """Return the plain-text part, its line ends (CRLF in the file) as newlines."""
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def attachment(message):
    (part,) = list(message.iter_attachments())
    return part


def test_one_draft_per_adopter_with_to_cc_subject_and_x_unsent(addressed):
    drafts = agreement_drafts(addressed)
    people = adopters(addressed)
    assert [d.adopter_id for d in drafts] == [p.id for p in people]
    subject = f"Your agreement from {event_name(addressed)} (14 May 2026)"
    by_first = {p.name.split()[0]: d for p, d in zip(people, drafts, strict=True)}
    for first, draft in by_first.items():
        message = parse(draft.data)
        assert message["X-Unsent"] == "1"
        assert message["From"] is None
        assert message["Subject"] == draft.subject == subject
        assert message["Bcc"] is None
        assert not message.defects
        if first in ADDRESSES:
            (address,) = message["To"].addresses
            assert address.display_name == next(p.name for p in people if p.name.startswith(first))
        else:
            assert message["To"] is None
        (cc,) = message["Cc"].addresses  # every agreement is sponsored by Aiko, who has an address
        assert (cc.display_name, cc.addr_spec) == ("田中 愛子 (Aiko Tanaka)", "aiko.tanaka@example.org")
    assert parse(by_first["Ana"].data)["To"].addresses[0].addr_spec == "ana@example.org"
    # A domain that is not ASCII travels as IDNA, as mail headers carry it.
    assert parse(by_first["Søren"].data)["To"].addresses[0].addr_spec == "soren@xn--bcher-kva.de"
    assert b"xn--bcher-kva.de".decode("idna") == "bücher.de"


def test_the_body_says_what_was_agreed(addressed):
    for draft in agreement_drafts(addressed):
        message = parse(draft.data)
        body = body_of(message)
        mine = [a for a in addressed.agreements if a.adopter_id == draft.adopter_id]
        adopter = mine[0].adopter
        assert body.startswith(f"Hello {adopter.name},\n")
        for agreement in mine:
            for pattern in agreement.patterns:
                avoid = " (a failure pattern: what to avoid)" if pattern.kind.value == "failure" else ""
                assert f"- {pattern.name}{avoid}\n" in body
            assert f"Check-in: {date_text(agreement.check_in)}" in body
            assert f"Not included: {agreement.limits}" in body
            for item in agreement.support_items:
                assert f"by {item.owner.display_name}\n  Limits: {item.limits}" in body
        assert f"Sponsor: {mine[0].sponsor.display_name}" in body
        assert "sign it and send it back" in body
        assert body.rstrip().endswith("Zoë Lefèvre")


def test_the_agreement_pdf_is_attached(addressed):
    for draft in agreement_drafts(addressed):
        part = attachment(parse(draft.data))
        assert part.get_content_type() == "application/pdf"
        assert part.get_filename() == draft.attachment_name
        assert draft.attachment_name.endswith(".pdf")
        assert draft.file_name == draft.attachment_name.removesuffix(".pdf") + ".eml"
        pdf = part.get_content()
        assert pdf.startswith(b"%PDF-")
        name = next(p.name for p in addressed.participants if p.id == draft.adopter_id)
        assert name in pdf_text(pdf)


def test_the_file_is_crlf_throughout(addressed):
    data = agreement_drafts(addressed)[0].data
    assert b"\n" not in data.replace(b"\r\n", b"")
    head = data.split(b"\r\n\r\n", 1)[0]
    assert all(len(line) <= 78 for line in head.split(b"\r\n"))


def test_without_addresses_nobody_is_addressed(demo_event):
    for draft in agreement_drafts(demo_event):
        message = parse(draft.data)
        assert message["To"] is None and message["Cc"] is None and message["Bcc"] is None
        assert (draft.to, draft.cc) == ("", "")
        assert message["X-Unsent"] == "1"


def test_typed_text_cannot_add_a_header(foreign):
    zoe_draft, ana_draft = agreement_drafts(foreign)
    for draft in (zoe_draft, ana_draft):
        message = parse(draft.data)
        assert message["Bcc"] is None
        assert not re.search(rb"^(Bcc|X-Evil):", draft.data, re.IGNORECASE | re.MULTILINE)
        # Every header is one of ours.
        assert {name.lower() for name, _ in message.items()} <= {
            "to", "cc", "subject", "x-unsent", "mime-version", "content-type",
        }  # fmt: skip
        assert message["Subject"] == "Your agreement from Review Bcc: y@evil.example (14 May 2026)"
        assert str(message["Cc"]) == '"Sam \\"Boss\\" \\\\ Lee" <sam@example.org>'
        assert message["Cc"].addresses[0].display_name == 'Sam "Boss" \\ Lee'
    # Ana's stored address holds a line break: it is no address, so there is no To at all.
    assert parse(ana_draft.data)["To"] is None
    body = body_of(parse(ana_draft.data))
    assert body.startswith("Hello Ana Bcc: x@evil.example,\n")


def test_non_ascii_names_and_addresses_survive(foreign):
    zoe_draft = agreement_drafts(foreign)[0]
    message = parse(zoe_draft.data)
    # Not ASCII before the @: an RFC 6532 message, its headers in UTF-8.
    assert str(message["To"]) == "Zoë Łukasz 日本 <zoë@xn--bcher-kva.de>"
    assert zoe_draft.to == "Zoë Łukasz 日本 <zoë@xn--bcher-kva.de>"
    assert 'To: "Zoë Łukasz 日本" <zoë@xn--bcher-kva.de>\r\n'.encode() in zoe_draft.data
    body = body_of(message)
    assert body.startswith("Hello Zoë Łukasz 日本,\n")
    assert attachment(message).get_filename() == "2026-05-14 Agreement - Zoë Łukasz 日本 (Ωμέγα).pdf"
    assert "Zoë Łukasz 日本" in flat(pdf_text(attachment(message).get_content()))


def test_hostile_text_comes_through_the_body_as_typed(hostile):
    (draft,) = agreement_drafts(hostile)
    message = parse(draft.data)
    body = body_of(message)
    assert f"- {HOSTILE[4]}\n" in body
    assert f"Not included: {HOSTILE[5]}" in body
    assert f"  Limits: {HOSTILE[2]}" in body
    assert f"  {HOSTILE[1]}\n" in body  # the support's description
    assert message["Subject"] == f"Your agreement from {HOSTILE[0]} {HOSTILE[6]} (14 May 2026)"


def test_write_drafts_renders_everything_before_writing(tmp_path, addressed, monkeypatch):
    folder = tmp_path / "new" / "mail"
    paths = write_drafts(addressed, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in paths)
    assert len(paths) == 4 and all(p.suffix == ".eml" for p in paths)
    assert len({p.name.casefold() for p in paths}) == 4
    for path in paths:
        assert parse(path.read_bytes())["X-Unsent"] == "1"

    calls = []

    def failing(event, adopter_id, *, page_size="A4"):
        calls.append(adopter_id)
        if len(calls) == 2:
            raise RuntimeError("rendering failed")
        return b"%PDF-1.4"

    monkeypatch.setattr(mail, "render_agreement", failing)
    untouched = tmp_path / "untouched"
    with pytest.raises(RuntimeError):
        write_drafts(addressed, untouched)
    assert not untouched.exists()


def test_write_drafts_refuses_a_file_for_a_folder(tmp_path, addressed, demo_event):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="it is a file, not a folder"):
        write_drafts(addressed, blocker)

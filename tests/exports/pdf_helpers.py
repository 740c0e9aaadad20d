"""Reading PDFs back in the export tests, and building events through the services."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader
from pypdf.generic import ContentStream

from facilitator.domain import BoundaryKind, OutcomeKind, ParticipantRole, SupportType
from facilitator.services import agreements, events, outcomes, participants, patterns

HOSTILE = [
    "<b>unclosed",
    "a < b & c",
    '<a href="file:///etc/passwd">x</a>',
    '<img src="/etc/hosts"/>',
    "<font color=\"[[[getattr(pow, '__globals__')]]]\">red</font>",
    "&amp; &lt;not an entity&gt; &#60;",
    "Zoë Łukasz 日本 Ωμέγα Привет 🚀 مريم שלום",
]

# Right-to-left sentences long enough to wrap, with and without Latin words and numbers.
HEBREW = "הצוות אימץ את תהליך הפריסה היומית, ואחרי שלושה שבועות זמן ההובלה ירד משבעה ימים ליומיים בלבד."
ARABIC = "اعتمد الفريق النشر اليومي، وبعد ثلاثة أسابيع انخفض وقت التسليم من سبعة أيام إلى يومين فقط لا غير."
MIXED_HEBREW = "Zoë adopts תכנון מבוסס-נתונים in Q3 (with 2 teams)."
MIXED_ARABIC = "تبنّى فريق Payments النمط في الربع Q3 من عام 2026، بعد 12 أسبوعاً (حوالي 3 أشهر)."
LONG_ARABIC = " ".join([ARABIC] * 40)
HEBREW_BOUNDARY = "הצוות מחזיק את צינור הפריסה שלו והבדיקות רצות בפחות מחמש עשרה דקות"
ARABIC_BOUNDARY = "يملك الفريق خط النشر الخاص به وتعمل الاختبارات في أقل من خمس عشرة دقيقة"


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def flat(value: str) -> str:
    """Collapse every run of whitespace (line breaks included) to one space."""
    return re.sub(r"\s+", " ", value).strip()


def pdf_text(pdf: bytes) -> str:
    """Return the whitespace-normalised text of every page."""
    return flat(" ".join(page.extract_text() or "" for page in reader(pdf).pages))


_BFCHAR = re.compile(r"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>")


def _glyph_texts(font) -> dict[int, str]:
    """Return {glyph code: text} from a font's ToUnicode map (single-byte codes)."""
    font = font.get_object()
    if "/ToUnicode" not in font:
        return {}
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    body = cmap.split("beginbfchar", 1)[-1]
    return {int(code, 16): bytes.fromhex(value).decode("utf-16-be") for code, value in _BFCHAR.findall(body)}


def drawn_lines(pdf: bytes) -> list[str]:
    """Return every line of text as drawn, left to right, page after page.

    Unlike pypdf's ``extract_text``, which turns right-to-left runs back into
    typing order by guesswork, this is what a reader sees: the glyphs of each
    text line in drawing order, each as its ToUnicode text. A glyph that
    stands for several letters (a lam-alef ligature, drawn right to left) is
    written in display order too. A line ends at ``BT``, ``ET``, ``T*`` and at a
    move that changes the baseline.
    """
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        if "".join(current).strip():
            lines.append("".join(current))
        current.clear()

    for page in reader(pdf).pages:
        fonts = {name: _glyph_texts(font) for name, font in page["/Resources"]["/Font"].items()}
        glyphs: dict[int, str] = {}

        for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
            if operator in (b"BT", b"ET", b"T*", b"Tm") or (operator == b"Td" and float(operands[1]) != 0):
                end_line()
            elif operator == b"Tf":
                glyphs = fonts.get(operands[0], {})
            elif operator in (b"Tj", b"TJ"):
                strings = operands[0] if operator == b"TJ" else operands
                for string in strings:
                    if isinstance(string, (bytes, str)) and not isinstance(string, float):
                        data = (
                            string.original_bytes
                            if hasattr(string, "original_bytes")
                            else bytes(string, "latin-1")
                        )
                        current.extend(glyphs.get(code, chr(code))[::-1] for code in data)
        end_line()
    return lines


def glyph_codes(pdf: bytes) -> list[dict[str, list[int]]]:
    """Return, per embedded font subset, {text: the glyph codes standing for it}."""
    result = []
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            codes: dict[str, list[int]] = {}
            for code, value in _glyph_texts(font).items():
                codes.setdefault(value, []).append(code)
            result.append(codes)
    return result


def make_event(session, *, title="", facilitator="Zoë Lefèvre", date=dt.date(2026, 5, 14)):
    return events.plan_event(
        session,
        coalitions=["Checkout Reliability Coalition"],
        date=date,
        facilitator=facilitator,
        title=title,
    )


def hostile_event(session):
    """An event whose every field a user types holds markup-like or multi-script text."""
    event = make_event(session, title=f"{HOSTILE[0]} {HOSTILE[6]}", facilitator=HOSTILE[1])
    events.set_top_goal(session, event.id, event.coalitions[0].id, HOSTILE[4])
    adopter = participants.add_participant(
        session, event.id, HOSTILE[6], HOSTILE[2], ParticipantRole.POTENTIAL_ADOPTER
    )
    owner = participants.add_participant(
        session, event.id, HOSTILE[3], "Team & <Co>", ParticipantRole.COALITION_MEMBER
    )
    sponsor = participants.add_participant(session, event.id, HOSTILE[0], "", ParticipantRole.SPONSOR)
    outcome = outcomes.add_outcome(session, event.id, OutcomeKind.FAILURE, HOSTILE[2], HOSTILE[3], HOSTILE[5])
    pattern = patterns.create_pattern(
        session,
        event.id,
        HOSTILE[4],
        summary=HOSTILE[1],
        guidance=HOSTILE[0],
        outcome_ids=[outcome.id],
    )
    for kind, value in zip(BoundaryKind, (HOSTILE[2], HOSTILE[3], HOSTILE[6]), strict=True):
        patterns.add_boundary(session, pattern.id, kind, value, event_id=event.id)
    agreement = agreements.add_agreement(
        session,
        event.id,
        adopter.id,
        pattern_ids=[pattern.id],
        sponsor_id=sponsor.id,
        check_in=dt.date(2026, 7, 1),
        limits=HOSTILE[5],
        notes=HOSTILE[4],
    )
    agreements.add_support_item(
        session,
        agreement.id,
        SupportType.COACHING,
        amount=3,
        unit="hours",
        owner_id=owner.id,
        description=HOSTILE[1],
        limits=HOSTILE[2],
    )
    return event


def rtl_event(session):
    """An event written in Hebrew and Arabic: long paragraphs, narrow table cells, a long split."""
    event = make_event(session, title="סדנת הרחבה: תכנון מבוסס-נתונים", facilitator="مريم الحسيني")
    events.set_top_goal(session, event.id, event.coalitions[0].id, MIXED_ARABIC)
    adopter = participants.add_participant(
        session, event.id, "מרים כהן", "צוות תשלומים", ParticipantRole.POTENTIAL_ADOPTER
    )
    owner = participants.add_participant(
        session,
        event.id,
        "محمد عبد الرحمن",
        "Platform Engineering",
        ParticipantRole.COALITION_MEMBER,
    )
    sponsor = participants.add_participant(session, event.id, "نور الهدى", "القيادة", ParticipantRole.SPONSOR)
    success = outcomes.add_outcome(
        session, event.id, OutcomeKind.SUCCESS, "זמן ההובלה ירד", HEBREW, MIXED_HEBREW
    )
    # Long enough to split across pages: the second half must read right to left too.
    long_arabic = outcomes.add_outcome(
        session, event.id, OutcomeKind.SUCCESS, "انخفض وقت التسليم", LONG_ARABIC
    )
    pattern = patterns.create_pattern(
        session,
        event.id,
        "פריסה יומית",
        summary=ARABIC,
        guidance=HEBREW,
        outcome_ids=[success.id, long_arabic.id],
    )
    for kind, value in zip(BoundaryKind, (HEBREW_BOUNDARY, ARABIC_BOUNDARY, MIXED_HEBREW), strict=True):
        patterns.add_boundary(session, pattern.id, kind, value, event_id=event.id)
    agreement = agreements.add_agreement(
        session,
        event.id,
        adopter.id,
        pattern_ids=[pattern.id],
        sponsor_id=sponsor.id,
        check_in=dt.date(2026, 7, 1),
        limits=ARABIC,
        notes=HEBREW,
    )
    agreements.add_support_item(
        session,
        agreement.id,
        SupportType.COACHING,
        amount=3,
        unit="hours",
        owner_id=owner.id,
        description=HEBREW_BOUNDARY,
        limits=ARABIC_BOUNDARY,
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

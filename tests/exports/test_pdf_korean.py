"""Korean names print in Hangul, not as replacement characters."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from exports.pdf import render_summary
from facilitator.services import events, participants


def test_hangul_names_are_drawn_and_extracted(db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["플랫폼 연합"], date=dt.date(2026, 4, 1))
        participants.add_participant(session, event.id, "김민준", "결제팀", "potential_adopter")
        loaded = events.load_event(session, event.id)
    pdf = render_summary(loaded)
    text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "김민준" in text and "플랫폼 연합" in text and "\ufffd" not in text
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("NanumGothic" in f for f in fonts)

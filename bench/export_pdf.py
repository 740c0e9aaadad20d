"""Benchmark: the PDF exports of a large event, next to bare ReportLab.

Builds, through the services in a temporary SQLite file, an event with 30
outcomes, 20 patterns with boundaries, 60 agreements and 25 adopters, then
prints the time (median of several runs) and the peak Python memory
(tracemalloc) of

* the event summary, and
* all adopter documents together,

next to two floors measured in the same run, both a bare ReportLab document
(``SimpleDocTemplate`` + ``Paragraph``, the same shipped fonts):

* A: the very paragraphs our renderers lay out (same markup, same number),
  as one flat story per document: the ratio is the cost of our tables, page
  templates, running header and "Page x of y" (target: at most 1.5x);
* B: the same text volume (extracted from our PDFs) in ~300-character
  paragraphs: what prose of that size costs.

Run: .venv/bin/python bench/export_pdf.py [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NAMES = [
    "Ana Núñez",
    "Søren Ødegård",
    "Çağla Yıldız",
    "田中 愛子",
    "Łukasz Wróblewski",
    "Zoë Lefèvre",
    "Ωμέγα Παπαδόπουλος",
    "Иван Петров",
    "Priya Raman",
    "Kwame Mensah",
]
SENTENCE = (
    "Teams that own their pipeline merged daily and kept the change failure rate down; "
    "the first week was paired with someone who had done it before. "
)


def build_event(db_path: Path):
    """Create the large event through the services; return it fully loaded."""
    from facilitator.domain import (
        BoundaryKind,
        OutcomeKind,
        ParticipantRole,
        SupportType,
    )
    from facilitator.services import (
        agreements,
        events,
        outcomes,
        participants,
        patterns,
    )
    from facilitator.services.events import load_event
    from facilitator.storage import open_database

    db = open_database(db_path)
    try:
        with db.transaction() as s:
            event = events.plan_event(
                s,
                coalitions=["Checkout Reliability Coalition"],
                date=dt.date(2026, 6, 1),
                facilitator="Zoë Lefèvre",
                title="Scale Across — quarterly patterns",
            )
            events.set_top_goal(s, event.id, event.coalitions[0].id, SENTENCE * 2)
            adopters = [
                participants.add_participant(
                    s,
                    event.id,
                    f"{NAMES[i % len(NAMES)]} {i}",
                    f"Team {i}",
                    ParticipantRole.POTENTIAL_ADOPTER,
                )
                for i in range(25)
            ]
            owners = [
                participants.add_participant(
                    s, event.id, f"{NAMES[i]} (coach)", "Checkout", ParticipantRole.COALITION_MEMBER
                )
                for i in range(5)
            ]
            sponsor = participants.add_participant(
                s, event.id, "田中 愛子 (Aiko Tanaka)", "Leadership", ParticipantRole.SPONSOR
            )
            made_outcomes = [
                outcomes.add_outcome(
                    s,
                    event.id,
                    OutcomeKind.FAILURE if i % 4 == 0 else OutcomeKind.SUCCESS,
                    f"Outcome {i}: lead time from 9 to {3 + i % 5} days",
                    SENTENCE * 3,
                    f"DORA median over 8 weeks, sample {i}: 9.1 → 3.5 days.",
                )
                for i in range(30)
            ]
            made_patterns = []
            for i in range(20):
                pattern = patterns.create_pattern(
                    s,
                    event.id,
                    f"Pattern {i}: trunk-based development, variant {i}",
                    kind=OutcomeKind.FAILURE if i % 5 == 0 else OutcomeKind.SUCCESS,
                    summary=SENTENCE * 2,
                    guidance=SENTENCE * 2,
                    outcome_ids=[made_outcomes[i].id, made_outcomes[(i + 10) % 30].id],
                )
                for kind in BoundaryKind:
                    for n in range(3):
                        patterns.add_boundary(
                            s,
                            pattern.id,
                            kind,
                            f"{kind.label} {n}: the team owns its pipeline and tests run in under 15 minutes",
                            event_id=event.id,
                        )
                made_patterns.append(pattern)
            for i in range(60):
                agreement = agreements.add_agreement(
                    s,
                    event.id,
                    adopters[i % 25].id,
                    pattern_ids=[made_patterns[i % 20].id, made_patterns[(i + 7) % 20].id],
                    sponsor_id=sponsor.id,
                    check_in=dt.date(2026, 7, 1) + dt.timedelta(days=i),
                    limits="No on-call cover; no changes to the adopter's pipeline.",
                )
                for n in range(2):
                    agreements.add_support_item(
                        s,
                        agreement.id,
                        SupportType.COACHING if n else SupportType.TIME,
                        amount=4 + n,
                        unit="hours",
                        owner_id=owners[(i + n) % 5].id,
                        description="Pairing in the first two sprints.",
                        limits="Two sessions a week at most.",
                    )
            event_id = event.id
        with db.transaction() as s:
            return load_event(s, event_id)
    finally:
        db.close()


def bare_reportlab(paragraphs: list[str]) -> bytes:
    """A floor: these paragraphs in the shipped fonts, one after another, nothing else."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from exports.pdf.fonts import REGULAR, register_fonts

    register_fonts()
    body = ParagraphStyle("Body", fontName=REGULAR, fontSize=9.5, leading=13.2)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, initialFontName=REGULAR).build(
        [Paragraph(markup, body) for markup in paragraphs]
    )
    return buffer.getvalue()


def paragraphs_of(render) -> list[str]:
    """The markup of every paragraph ``render`` lays out (the same escaped text, same runs)."""
    from exports.pdf.paragraph import Para

    seen: list[str] = []
    original = Para.__init__

    def recording(self, text, *args, **kwargs):
        if text is not None:  # None: the second half of a split paragraph
            seen.append(text)
        original(self, text, *args, **kwargs)

    Para.__init__ = recording
    try:
        render()
    finally:
        Para.__init__ = original
    return seen


def text_chunks(pdfs: list[bytes], size: int = 300) -> list[str]:
    """The text of the documents (via pypdf), escaped, in chunks of about ``size`` characters."""
    from pypdf import PdfReader

    chunks = []
    for pdf in pdfs:
        for page in PdfReader(io.BytesIO(pdf)).pages:
            current = ""
            for line in (page.extract_text() or "").splitlines():
                current = f"{current} {line}".strip()
                if len(current) >= size:
                    chunks.append(escape(current))
                    current = ""
            if current:
                chunks.append(escape(current))
    return chunks


def measure(action, runs: int) -> tuple[float, float]:
    """Return (median seconds, peak MiB): timing runs without tracemalloc, then one with it."""
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    gc.collect()
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from exports.pdf import adopters, render_agreement, render_summary

    with tempfile.TemporaryDirectory() as folder:
        event = build_event(Path(folder) / "bench.sqlite3")
    people = adopters(event)
    summary = render_summary(event)  # warm-up: registers the fonts once per process
    documents = [render_agreement(event, p.id) for p in people]

    def summary_render():
        return render_summary(event)

    def documents_render():
        return [render_agreement(event, p.id) for p in people]

    # Floor A: the very paragraphs we lay out (same markup, same count), as one flat story
    # per document: what is left is the cost of our tables, templates and page numbers.
    summary_paragraphs = paragraphs_of(summary_render)
    document_paragraphs = [paragraphs_of(lambda p=p: render_agreement(event, p.id)) for p in people]
    # Floor B: the same text in ~300-character paragraphs: what prose of that volume costs.
    summary_chunks = text_chunks([summary])
    document_chunks = [text_chunks([d]) for d in documents]

    print(
        f"Event: {len(event.outcomes)} outcomes, {len(event.patterns)} patterns, "
        f"{len(event.agreements)} agreements, {len(people)} adopters; median of {runs} runs."
    )
    rows = [
        (
            "summary",
            summary_render,
            lambda: bare_reportlab(summary_paragraphs),
            lambda: bare_reportlab(summary_chunks),
            summary,
            len(summary_paragraphs),
        ),
        (
            f"{len(people)} adopter documents",
            documents_render,
            lambda: [bare_reportlab(p) for p in document_paragraphs],
            lambda: [bare_reportlab(c) for c in document_chunks],
            b"".join(documents),
            sum(map(len, document_paragraphs)),
        ),
    ]
    for label, ours, floor_a, floor_b, pdf, count in rows:
        our_time, our_peak = measure(ours, runs)
        a_time, a_peak = measure(floor_a, runs)
        b_time, b_peak = measure(floor_b, runs)
        print(f"{label}: {count:,} paragraphs, {len(pdf) / 1024:,.0f} KiB of PDF")
        print(f"    ours                                {our_time * 1000:6.0f} ms   peak {our_peak:5.1f} MiB")
        print(
            f"    floor A: same paragraphs, flat      {a_time * 1000:6.0f} ms   "
            f"peak {a_peak:5.1f} MiB   ratio {our_time / a_time:4.2f}x time, "
            f"{our_peak / a_peak:4.2f}x memory (target <= 1.5x)"
        )
        print(
            f"    floor B: same text, 300-char prose  {b_time * 1000:6.0f} ms   "
            f"peak {b_peak:5.1f} MiB   ratio {our_time / b_time:4.2f}x time, "
            f"{our_peak / b_peak:4.2f}x memory"
        )


if __name__ == "__main__":
    main()

"""Render the PDFs the README shows to PNG pages in docs/screenshots/ (needs pdftoppm).

Run: .venv/bin/python docs/make_pdf_screenshots.py [--out DIR]

The summary and the first agreement come from the sample event; the
leadership report from a small generated history (bench/make_history.py), so
its charts have quarters to show. Pages are rendered at 60 dpi, as they are
looked at: a page a reader takes in at a glance.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: (file stem in docs/screenshots, which PDF, its pages to keep)
PAGES = (
    ("pdf-summary", "summary", (1, 2, 3)),
    ("pdf-agreement", "agreement", (1, 2)),
    ("pdf-report", "report", (1, 4)),
    # The page of an at-risk adopter's agreement where "Fit with your context" starts.
    ("pdf-agreement-fit", "agreement-fit", (0,)),
)


def main() -> int:
    """Write the summary, agreement and report pages as PNG files."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: apt-get install poppler-utils", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SCALE_ACROSS_DATA_DIR"] = tmp
        work = Path(tmp)
        pdfs = _write_pdfs(work)
        for stem, kind, pages in PAGES:
            for page in pages:
                if kind == "agreement-fit":
                    page = _page_with(pdfs[kind], "Fit with your context")
                    target = args.out / stem
                else:
                    target = args.out / (f"{stem}-{page:02d}" if kind == "report" else f"{stem}-{page}")
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-r",
                        "60",
                        "-f",
                        str(page),
                        "-l",
                        str(page),
                        "-singlefile",
                        str(pdfs[kind]),
                        str(target),
                    ],
                    check=True,
                )
                print(f"wrote {target}.png")
    return 0


def _page_with(pdf: Path, words: str) -> int:
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    return next((n for n, page in enumerate(pages, start=1) if words in (page.extract_text() or "")), 1)


def _write_pdfs(work: Path) -> dict[str, Path]:
    from exports.files import export_agreement, export_summary
    from exports.pdf import adopters
    from exports.report_file import export_report
    from facilitator.demo import create_demo_event
    from facilitator.figures import compute_figures
    from facilitator.services import events
    from facilitator.services.fit import at_risk
    from facilitator.storage import open_database

    db = open_database(work / "sample.sqlite3")
    with db.transaction() as session:
        # Rendered while the session is open, so the summary reads what was left open.
        event = events.load_event(session, create_demo_event(session).id)
        risky = next((a.adopter_id for a in event.agreements if at_risk(a)), adopters(event)[0].id)
        pdfs = {
            "summary": export_summary(event, work / "summary.pdf"),
            "agreement": export_agreement(event, adopters(event)[0].id, work / "agreement.pdf"),
            "agreement-fit": export_agreement(event, risky, work / "agreement-fit.pdf"),
        }
    db.close()
    history = work / "history.sqlite3"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_history.py"), "--events", "240", "--db", str(history)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    db = open_database(history)
    with db.transaction() as session:
        report = compute_figures(session)
    pdfs["report"] = export_report(report, work / "report.pdf")
    db.close()
    return pdfs


if __name__ == "__main__":
    raise SystemExit(main())

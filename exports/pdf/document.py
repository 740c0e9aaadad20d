"""Page layout shared by both documents: templates, running header and footer,
"Page x of y", PDF metadata and the bookmark outline."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from typing import IO, Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from exports.pdf.fonts import REGULAR
from exports.pdf.markup import plain, text
from exports.pdf.paragraph import Para, SectionHeading
from exports.pdf.styles import HAIRLINE, MUTED, Styles, make_styles
from facilitator import i18n, numbers
from facilitator.i18n import _
from facilitator.progress import Progress, report

PAGE_SIZES = {"a4": A4, "letter": LETTER}

MARGIN_X = 20 * mm
MARGIN_TOP_FIRST = 18 * mm
MARGIN_TOP_LATER = 22 * mm
MARGIN_BOTTOM = 22 * mm
FOOTER_TEXT_Y = 12 * mm  # baseline of the footer line
FOOTER_RULE_Y = 16 * mm
HEADER_TEXT_FROM_TOP = 12 * mm
HEADER_RULE_FROM_TOP = 14.5 * mm
PAGE_NUMBER_WIDTH = 32 * mm  # room kept right of the footer text for "Page x of y"

# TTFont objects keep per-document state; one build at a time is the safe use.
_build_lock = threading.Lock()


def page_size_of(name: str) -> tuple[float, float]:
    """Return the (width, height) in points of "A4" or "Letter" (any case).

    Raises:
        ValueError: any other name.
    """
    key = str(name).strip().lower().removeprefix("us ").strip()
    try:
        return PAGE_SIZES[key]
    except KeyError:
        raise ValueError(_("page size must be A4 or Letter (got {name})").format(name=repr(name))) from None


def section_heading(title: str, styles: Styles) -> SectionHeading:
    """Return a section heading that becomes a top-level entry of the PDF outline."""
    heading = SectionHeading(text(title, styles.section.fontName), styles.section)
    heading.outline_title = plain(title, 120)
    return heading


class NumberedCanvas(Canvas):
    """Holds pages back until the end so each can say "Page x of y"."""

    # Set and used by ReportLab's Canvas; its stubs leave them out.
    _pagesize: tuple[float, float]
    _startPage: Callable[[], None]

    def __init__(self, filename: str | IO[bytes], /, **options: Any) -> None:
        # ``options`` are whatever the document passes on to ReportLab's Canvas.
        super().__init__(filename, **options)
        self._held_pages: list[dict[str, object]] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        width = self._pagesize[0]
        self.saveState()
        self.setFont(REGULAR, 7.5)
        self.setFillColor(MUTED)
        page = _("Page {number} of {total}").format(
            number=numbers.integer(self.getPageNumber()), total=numbers.integer(total)
        )
        self.drawRightString(width - MARGIN_X, FOOTER_TEXT_Y, page)
        self.restoreState()


@dataclass(frozen=True)
class DocumentInfo:
    """What a document says about itself: metadata and running lines."""

    title: str  # PDF metadata title
    author: str  # PDF metadata author (the facilitator)
    subject: str  # PDF metadata subject
    header: str  # left of the running header on later pages
    header_right: str  # right of the running header (e.g. the date)
    footer: str  # left of the footer on every page: names the event


class Document(BaseDocTemplate):
    """A4 or Letter pages: a first page without header, later pages with one."""

    def __init__(self, buffer: BytesIO, info: DocumentInfo, styles: Styles, page_size: str):
        size = page_size_of(page_size)
        super().__init__(
            buffer,
            pagesize=size,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP_LATER,
            bottomMargin=MARGIN_BOTTOM,
            title=plain(info.title, 300),
            author=plain(info.author, 200),
            subject=plain(info.subject, 300),
            creator="Scale Across Facilitator",
            # The language the document is written in (the reader's: i18n.speaking).
            lang=i18n.language().replace("_", "-"),
            # Otherwise every page also references Helvetica, which is not embedded.
            initialFontName=REGULAR,
        )
        self._styles = styles
        width, height = size
        frame_width = width - 2 * MARGIN_X

        def frame(name: str, top_margin: float) -> Frame:
            return Frame(
                MARGIN_X,
                MARGIN_BOTTOM,
                frame_width,
                height - MARGIN_BOTTOM - top_margin,
                id=name,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )

        first, later = frame("first", MARGIN_TOP_FIRST), frame("later", MARGIN_TOP_LATER)
        self.addPageTemplates(
            [
                PageTemplate(
                    id="First", frames=[first], onPage=self._first_page, autoNextPageTemplate="Later"
                ),
                PageTemplate(id="Later", frames=[later], onPage=self._later_page),
            ]
        )
        self._footer = one_line(info.footer, styles.header, frame_width - PAGE_NUMBER_WIDTH)
        right_width = 45 * mm
        self._header = one_line(info.header, styles.header, frame_width - right_width - 4 * mm)
        self._header_right = one_line(info.header_right, styles.header_right, right_width)
        self._sections = 0

    # Page decoration -------------------------------------------------------

    def _first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.showOutline()
        self._draw_footer(canvas)

    def _later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canvas.saveState()
        top = height - HEADER_TEXT_FROM_TOP
        self._header.drawOn(canvas, MARGIN_X, top - self._header.height + 2)
        self._header_right.drawOn(
            canvas, width - MARGIN_X - self._header_right.width, top - self._header_right.height + 2
        )
        canvas.setStrokeColor(HAIRLINE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, height - HEADER_RULE_FROM_TOP, width - MARGIN_X, height - HEADER_RULE_FROM_TOP)
        canvas.restoreState()
        self._draw_footer(canvas)

    def _draw_footer(self, canvas: Canvas) -> None:
        width = self.pagesize[0]
        canvas.saveState()
        canvas.setStrokeColor(HAIRLINE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, FOOTER_RULE_Y, width - MARGIN_X, FOOTER_RULE_Y)
        self._footer.drawOn(canvas, MARGIN_X, FOOTER_TEXT_Y - 2.2)
        canvas.restoreState()

    # Outline -----------------------------------------------------------------

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, SectionHeading) and flowable.outline_title:
            self._sections += 1
            key = f"section-{self._sections}"
            cursor: float = self.frame._y  # type: ignore[attr-defined]  # the frame's cursor; not in the stubs
            top = cursor + flowable.getSpaceAfter() + flowable.height + 6
            self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
            self.canv.addOutlineEntry(flowable.outline_title, key, level=0, closed=False)


def one_line(value: str, style: ParagraphStyle, width: float) -> Para:
    """Return a wrapped Paragraph of ``value`` cut with "…" to fit on one line."""
    full = plain(value)

    def paragraph(candidate: str) -> Para:
        para = Para(text(candidate, style.fontName), style)
        para.wrap(width, 10_000)
        return para

    para = paragraph(full)
    if len(para.blPara.lines) <= 1:
        return para
    low, high = 0, len(full)
    while low < high:
        middle = (low + high + 1) // 2
        if len(paragraph(full[:middle].rstrip() + "…").blPara.lines) <= 1:
            low = middle
        else:
            high = middle - 1
    return paragraph(full[:low].rstrip() + "…")


class LayoutProgress:
    """Turns ReportLab's build callbacks into (units done, units in all) for a ``Progress``.

    The units are the story's top-level flowables laid out, plus one for
    finishing the file (numbering the pages, compressing): ReportLab says
    how many flowables it has handled after each, which costs nothing, while
    the number of pages is only known at the end. A table split across pages
    puts its rest back into the story, so the count ReportLab gives can step
    back; what is reported only goes forward.
    """

    def __init__(self, progress: Progress, flowables: int) -> None:
        self.progress = progress
        self.total = flowables + 1
        self.done = 0

    def __call__(self, kind: str, value: int) -> None:
        if kind == "PROGRESS":
            self.step(min(value, self.total - 1))

    def step(self, done: int) -> None:
        """Report ``done`` units if that is further than before (may raise Cancelled)."""
        if done > self.done:
            self.done = done
            report(self.progress, done, self.total)


def build_pdf(
    story: list[Flowable],
    info: DocumentInfo,
    styles: Styles,
    page_size: str,
    progress: Progress | None = None,
) -> bytes:
    """Lay out ``story`` on numbered pages and return the PDF bytes.

    ``progress``, if given, is told how far the layout got (see
    :class:`LayoutProgress`); a ``Cancelled`` from it stops the build.
    """
    buffer = BytesIO()
    layout = LayoutProgress(progress, len(story)) if progress is not None else None
    with _build_lock:
        # Binary (Flate only) streams, not ReportLab's default ASCII85 on top: a quarter
        # smaller, and the pure-Python ASCII85 encoder was a tenth of the build time.
        use_a85 = rl_config.useA85
        rl_config.useA85 = 0
        try:
            document = Document(buffer, info, styles, page_size)
            if layout is not None:
                document.setProgressCallBack(layout)
            document.build(story, canvasmaker=NumberedCanvas)
        finally:
            rl_config.useA85 = use_a85
    if layout is not None:
        layout.step(layout.total)
    return buffer.getvalue()


class Renderer:
    """What every document's renderer starts from: page size, text width, styles."""

    def __init__(self, page_size: str) -> None:
        """Take "A4" or "Letter" (any case).

        Raises:
            ValueError: an unknown page size.
        """
        self.page_size = page_size
        self.width = page_size_of(page_size)[0] - 2 * MARGIN_X
        self.styles: Styles = make_styles()

    def build(self, story: list[Flowable], info: DocumentInfo, progress: Progress | None = None) -> bytes:
        """Lay out ``story`` on numbered pages and return the PDF bytes (``progress``: see ``build_pdf``)."""
        return build_pdf(story, info, self.styles, self.page_size, progress)

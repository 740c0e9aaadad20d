"""Draws a slide for the back of the room: large, scaled to the screen, paged rather than cut.

Sizes are pixels of a 1080-line screen (40 pt is 53 px at 96 DPI) and scale
with the screen, as a slide does. Records start large and shrink to a
readable minimum (24 pt at 1080p); what still does not fit goes on further
pages, and each column says how many more records it holds.

The layout is computed in the room's own size (``virtual_size``), so the
console's small preview is the same picture scaled down: same lines, same pages.
"""

from __future__ import annotations

import uuid
from enum import Enum

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from facilitator.i18n import _, ngettext
from facilitator.numbers import integer
from ui.room.placed import RECORD_PX, BarShape, Measure, Placed, Run, clip_to, end_of, paint
from ui.room.slide import Column, Item, Section, Slide, Tone
from ui.theme import PALETTES

REFERENCE_HEIGHT = 1080
REFERENCE_WIDTH = 1920
MARGIN = 56
POSITION_PX = 34
QUESTION_PX = 62
QUESTION_MIN_PX = 54  # 40.5 pt on a 1080p screen
# The question keeps at most this share of the height; the records need the rest.
QUESTION_SHARE = 0.3
QUESTION_LARGE_SHARE = 0.2
RECORD_MIN_PX = 32  # 24 pt on a 1080p screen
SIDE_SHARE = 0.4


class Mode(Enum):
    """What the room sees: the step, or a blank screen as clickers ask for."""

    LIVE = "live"
    BLACK = "black"
    WHITE = "white"


class RoomCanvas(QWidget):
    """Paints one slide; never takes the keyboard focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.slide: Slide | None = None
        self.mode = Mode.LIVE
        self.page = 0
        self.palette_name = "light"
        self.virtual_size: QSize | None = None
        self._measure = Measure(self.font())
        self._placed: Placed | None = None

    # -- what to show ----------------------------------------------------------
    def show_slide(self, slide: Slide | None, page: int | None = None) -> None:
        """Show ``slide`` (at ``page``, else the page shown so far); redraw once."""
        self.slide = slide
        if page is not None:
            self.page = max(page, 0)
        self._placed = None
        self.update()

    def set_mode(self, mode: Mode) -> None:
        """Show the step, or black, or white."""
        self.mode = mode
        self.update()

    def set_palette_name(self, name: str) -> None:
        """Use the colours of a theme (light, dark, high contrast)."""
        self.palette_name = name if name in PALETTES else "light"
        self.update()

    def set_virtual_size(self, size: QSize | None) -> None:
        """Lay out as on a screen of ``size`` and scale to this widget (the console's preview)."""
        self.virtual_size = size
        self._placed = None
        self.update()

    def placed(self) -> Placed:
        """Return the current layout (computed now if the slide, size or page changed)."""
        if self._placed is None:
            self._placed = self._lay_out()
        return self._placed

    def page_count(self) -> int:
        """Return how many pages the slide takes at the smallest readable size."""
        return self.placed().pages

    def page_of(self, key: uuid.UUID) -> int | None:
        """Return the page where the record ``key`` is, or None when it is not on the slide."""
        return self.placed().item_pages.get(key)

    def resizeEvent(self, event) -> None:
        """A new size lays the slide out again."""
        self._placed = None
        super().resizeEvent(event)

    # -- layout --------------------------------------------------------------
    def _room_size(self) -> QSize:
        return self.virtual_size if self.virtual_size is not None else self.size()

    def _scale(self) -> float:
        size = self._room_size()
        return max(min(size.width() / REFERENCE_WIDTH, size.height() / REFERENCE_HEIGHT), 0.05)

    def _px(self, units: float) -> int:
        return max(round(units * self._scale()), 1)

    def _lay_out(self) -> Placed:
        placed = Placed()
        slide = self.slide
        size = self._room_size()
        if slide is None or size.isEmpty():
            return placed
        margin = self._px(MARGIN)
        width = size.width() - 2 * margin
        y = margin
        position_px = self._px(POSITION_PX)
        line = self._measure.line_height(position_px)
        timer_width = 0
        if slide.timer:
            timer_width = (
                QFontMetrics(self._measure.font(position_px, True)).horizontalAdvance(slide.timer) + 4
            )
            colour = "danger" if slide.timer_over else "text"
            placed.runs.append(
                Run(
                    QRect(margin + width - timer_width, y, timer_width, line),
                    slide.timer,
                    position_px,
                    True,
                    colour=colour,
                    align=Qt.AlignmentFlag.AlignRight,
                )
            )
        position_width = width - timer_width - self._px(24)
        placed.runs.append(
            Run(QRect(margin, y, position_width, line), slide.position, position_px, colour="muted")
        )
        y += line + self._px(12)
        y = self._lay_question(placed, slide.question, margin, y, width, size.height())
        y += self._px(28)
        body = QRect(margin, y, width, size.height() - margin - y)
        if slide.note and not slide.main and not slide.side:
            px = self._px(RECORD_PX)
            placed.runs.append(Run(body, slide.note, px, colour="muted"))
            return placed
        self._lay_body(placed, slide, body)
        if placed.pages > 1:
            px = self._px(POSITION_PX)
            line = self._measure.line_height(px)
            box = QRect(margin, size.height() - margin // 2 - line, width, line)
            text = _("Page {number} of {count}").format(
                number=integer(min(self.page, placed.pages - 1) + 1), count=integer(placed.pages)
            )
            placed.runs.append(Run(box, text, px, True, colour="muted", align=Qt.AlignmentFlag.AlignRight))
        return placed

    def _lay_question(self, placed: Placed, question: str, x: int, y: int, width: int, height: int) -> int:
        budget = int(height * QUESTION_SHARE)
        px = self._px(QUESTION_PX)
        # The largest size for a short question; a long one gives its lines to the records.
        if self._measure.height(question, px, width, True) > height * QUESTION_LARGE_SHARE:
            px = self._px(QUESTION_MIN_PX)
        text = question
        if self._measure.height(text, px, width, True) > budget:
            # Longer than any room reads: the first lines, and the facilitator says the rest.
            text = clip_to(self._measure, question, px, width, budget, True)
        used = self._measure.height(text, px, width, True)
        placed.runs.append(Run(QRect(x, y, width, used), text, px, True))
        return y + used

    def _areas(self, slide: Slide, body: QRect) -> list[tuple[tuple[Section, ...], QRect]]:
        gap = self._px(48)
        if slide.main and slide.side:
            side_width = int(body.width() * SIDE_SHARE)
            main_rect = QRect(body.x(), body.y(), body.width() - side_width - gap, body.height())
            side_rect = QRect(body.right() - side_width + 1, body.y(), side_width, body.height())
            return [(slide.main, main_rect), (slide.side, side_rect)]
        return [(slide.main or slide.side, body)]

    def _lay_body(self, placed: Placed, slide: Slide, body: QRect) -> None:
        areas = self._areas(slide, body)
        # One size for the whole slide: the largest at which everything fits, else the minimum.
        px = self._px(RECORD_MIN_PX)
        for units in range(RECORD_PX, RECORD_MIN_PX - 1, -2):
            candidate = self._px(units)
            if all(
                self._natural(sections, rect.width(), candidate) <= rect.height() for sections, rect in areas
            ):
                px = candidate
                break
        placed.record_px = px
        # The main records page; the side (fit check, capacity, still open) keeps
        # its first page and says how many more there are.
        for number, (sections, rect) in enumerate(areas):
            self._lay_area(placed, sections, rect, px, paged=number == 0)

    def _heading_height(self, section: Section, px: int, width: int) -> int:
        return self._measure.height(section.heading, px, width, True) + self._px(10) if section.heading else 0

    def _column_width(self, section: Section, width: int) -> int:
        gap = self._px(40)
        count = max(len(section.columns), 1)
        return (width - gap * (count - 1)) // count

    def _column_heading_height(self, column: Column, px: int, width: int) -> int:
        return self._measure.height(column.heading, px, width, True) + self._px(8) if column.heading else 0

    def _item_height(self, item: Item, px: int, width: int) -> int:
        text_width = width - self._gutter(px)
        height = self._measure.height(item.title, px, text_width, True)
        for line in item.lines:
            height += self._measure.height(line, px, text_width)
        if item.bar is not None:
            height += self._px(14) + px // 2
        return height

    def _gutter(self, px: int) -> int:
        return int(px * 1.3)

    def _natural(self, sections: tuple[Section, ...], width: int, px: int) -> int:
        total = 0
        for section in sections:
            total += self._section_natural(section, width, px) + self._px(24)
        return total

    def _section_natural(self, section: Section, width: int, px: int) -> int:
        column_width = self._column_width(section, width)
        tallest = 0
        for column in section.columns:
            height = self._column_heading_height(column, px, column_width)
            items = column.items or ((Item(column.empty),) if column.empty else ())
            height += sum(self._item_height(item, px, column_width) + self._gap(px) for item in items)
            tallest = max(tallest, height)
        return self._heading_height(section, px, width) + tallest

    def _gap(self, px: int) -> int:
        return px // 2

    def _shares(self, sections: tuple[Section, ...], rect: QRect, px: int) -> list[int]:
        """Give each section the height it needs, the tallest ones sharing what is left."""
        spacing = self._px(24)
        wants = [self._section_natural(s, rect.width(), px) for s in sections]
        left = rect.height() - spacing * len(sections)
        shares = [0] * len(sections)
        pending = list(range(len(sections)))
        while pending:
            fair = max(left // len(pending), 0)
            small = [i for i in pending if wants[i] <= fair]
            if not small:
                for i in pending:
                    shares[i] = fair
                break
            for i in small:
                shares[i] = wants[i]
                left -= wants[i]
                pending.remove(i)
        return shares

    def _paginate(self, items: tuple[Item, ...], px: int, width: int, available: int) -> list[list[int]]:
        """Split items into pages that fit ``available`` with a line kept for "N more"."""
        more = self._measure.line_height(px)
        pages: list[list[int]] = [[]]
        used = 0
        for index, item in enumerate(items):
            height = self._item_height(item, px, width) + self._gap(px)
            remaining = len(items) - index - 1
            reserve = more if remaining else 0
            if pages[-1] and used + height + reserve > available:
                pages.append([])
                used = 0
            pages[-1].append(index)
            used += height
        return pages

    def _lay_area(
        self, placed: Placed, sections: tuple[Section, ...], rect: QRect, px: int, *, paged: bool
    ) -> None:
        shares = self._shares(sections, rect, px)
        y = rect.y()
        for section, share in zip(sections, shares, strict=True):
            bottom = y + share
            heading = self._heading_height(section, px, rect.width())
            if section.heading:
                text = section.heading
                placed.runs.append(
                    Run(QRect(rect.x(), y, rect.width(), heading), text, px, True, colour="accent")
                )
            column_width = self._column_width(section, rect.width())
            gap = self._px(40)
            for number, column in enumerate(section.columns):
                x = rect.x() + number * (column_width + gap)
                self._lay_column(
                    placed, column, QRect(x, y + heading, column_width, bottom - y - heading), px, paged
                )
            y = bottom + self._px(24)

    def _lay_column(self, placed: Placed, column: Column, rect: QRect, px: int, paged: bool) -> None:
        y = rect.y()
        if column.heading:
            height = self._column_heading_height(column, px, rect.width())
            placed.runs.append(
                Run(QRect(rect.x(), y, rect.width(), height), column.heading, px, True, column.tone)
            )
            y += height
        if not column.items:
            if column.empty:
                text = column.empty
                placed.runs.append(
                    Run(QRect(rect.x(), y, rect.width(), end_of(rect) - y), text, px, colour="muted")
                )
            return
        pages = self._paginate(column.items, px, rect.width(), end_of(rect) - y)
        if paged:
            placed.pages = max(placed.pages, len(pages))
            for number, chunk in enumerate(pages):
                for index in chunk:
                    key = column.items[index].key
                    if key is not None:
                        placed.item_pages.setdefault(key, number)
        page = pages[min(self.page, len(pages) - 1) if paged else 0]
        for index in page:
            item = column.items[index]
            height = min(self._item_height(item, px, rect.width()), end_of(rect) - y)
            self._lay_item(placed, item, QRect(rect.x(), y, rect.width(), height), px)
            y += height + self._gap(px)
        hidden = len(column.items) - 1 - page[-1]
        if hidden:
            # Translators: how many more records a column of the room view holds on its next pages
            text = ngettext("+ {count} more", "+ {count} more", hidden).format(count=integer(hidden))
            line = self._measure.line_height(px)
            placed.runs.append(Run(QRect(rect.x(), y, rect.width(), line), text, px, True, colour="muted"))

    def _lay_item(self, placed: Placed, item: Item, rect: QRect, px: int) -> None:
        gutter = self._gutter(px)
        if item.tone in (Tone.OK, Tone.DANGER):
            placed.stripes.append((QRect(rect.x(), rect.y(), max(self._px(6), 2), rect.height()), item.tone))
        if item.mark:
            placed.runs.append(
                Run(QRect(rect.x() + self._px(12), rect.y(), gutter, px * 2), item.mark, px, True, item.tone)
            )
        x = rect.x() + gutter
        width = rect.width() - gutter
        y = rect.y()
        bottom = end_of(rect)
        title = item.title
        height = self._measure.height(title, px, width, True)
        if y + height > bottom:
            title = clip_to(self._measure, title, px, width, bottom - y, True)
            height = self._measure.height(title, px, width, True)
        placed.runs.append(Run(QRect(x, y, width, height), title, px, True))
        y += height
        for line in item.lines:
            if y >= bottom:
                break
            height = self._measure.height(line, px, width)
            text = line if y + height <= bottom + 1 else clip_to(self._measure, line, px, width, bottom - y)
            height = self._measure.height(text, px, width)
            placed.runs.append(Run(QRect(x, y, width, height), text, px, tone=item.tone, colour="muted"))
            y += height
        if item.bar is not None and y + self._px(10) + px // 2 <= bottom + 1:
            share = item.bar.used / item.bar.available if item.bar.available > 0 else 1.0
            placed.bars.append(
                BarShape(QRect(x, y + self._px(10), width, px // 2), min(share, 1.0), item.bar.over)
            )

    # -- painting --------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the slide, or black or white."""
        painter = QPainter(self)
        colours = PALETTES[self.palette_name]
        if self.mode is not Mode.LIVE:
            painter.fillRect(self.rect(), QColor("#000000" if self.mode is Mode.BLACK else "#ffffff"))
            return
        painter.fillRect(self.rect(), QColor(colours["window"]))
        room = self._room_size()
        if self.virtual_size is not None and room.width() > 0:
            factor = min(self.width() / room.width(), self.height() / room.height())
            painter.scale(factor, factor)
        paint(painter, self.placed(), colours, self._measure)

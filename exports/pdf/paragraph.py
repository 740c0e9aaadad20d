"""The one Paragraph class the documents use: ReportLab's, remembering its last wrap.

A table wraps every cell to measure its rows, then again to draw it, and the
frame wraps the table once more when it splits across pages; a Paragraph
breaks its lines anew each time. The width decides the result (the height
offered does not), so the last result is kept per width: the same layout,
about half the line-breaking work.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph


class Para(Paragraph):
    """A Paragraph that reuses its line breaks when wrapped again at the same width."""

    _last_wrap: tuple | None = None

    def wrap(self, availWidth, availHeight):
        last = self._last_wrap
        if last is not None and last[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = last
            return self.width, self.height
        result = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            self._last_wrap = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return result


class SectionHeading(Para):
    """A section heading; the document adds a top-level bookmark for it."""

    outline_title = ""

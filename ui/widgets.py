"""Small widget helpers with no dependency on the database layer."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def heading(text: str, role: str = "subheading") -> QLabel:
    """Return a word-wrapping label styled by the stylesheet's ``role``.

    The text is shown as typed, never as markup: headings carry names people
    typed, and Qt would otherwise guess that "<b>Ops</b>" is rich text.
    """
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def tooltip_text(text: str) -> str:
    """Return ``text`` as a tooltip that shows it as typed.

    Qt guesses whether a tooltip is rich text, so typed text with tags would
    render (an image, a link); escaped inside a paragraph it cannot.
    """
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def plain_label(text: str, role: str = "") -> QLabel:
    """Return a word-wrapping label that shows ``text`` as typed, never as markup.

    For names and figures people typed: a coalition called "<b>Ops</b>"
    must read as that, not in bold.
    """
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def size_in_lines(dialog: QWidget, width_em: float, height_lines: float) -> None:
    """Size a dialog in units of its own text, within the screen it will show on.

    A size in pixels that suits 100 % zoom squeezes the content at 200 %;
    measured in text, the dialog grows with the zoom until it meets the
    screen (at most 90 % of it), and then its lists scroll.
    """
    dialog.ensurePolished()
    metrics = dialog.fontMetrics()
    width = round(metrics.averageCharWidth() * width_em * 2)  # an em is about two average characters
    height = round(metrics.lineSpacing() * height_lines)
    parent = dialog.parentWidget()
    screen = (parent.screen() if parent is not None else None) or dialog.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, round(room.width() * 0.9))
        height = min(height, round(room.height() * 0.9))
    dialog.resize(width, height)

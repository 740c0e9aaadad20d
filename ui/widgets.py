"""Small widget helpers with no dependency on the database layer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def heading(text: str, role: str = "subheading") -> QLabel:
    """Return a word-wrapping label styled by the stylesheet's ``role``."""
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


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

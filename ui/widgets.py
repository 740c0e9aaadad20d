"""Small widget helpers with no dependency on the database layer."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def heading(text: str, role: str = "subheading") -> QLabel:
    """Return a word-wrapping label styled by the stylesheet's ``role``."""
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label

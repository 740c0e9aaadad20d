"""The Qt binding itself must not crash a long session."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget


def test_qt_calls_that_return_no_object_keep_none_alive(qapp):
    # PySide6 6.12.0 released a reference to None on every such call. On
    # Python 3.11 None is reference-counted like any object, so a few thousand
    # focus checks in a meeting ended the app with "deallocating None".
    widget = QWidget()
    calls = (QApplication.activeModalWidget, QApplication.focusWidget, widget.parentWidget, widget.parent)
    before = sys.getrefcount(None)
    for call in calls:
        for _ in range(200):
            assert call() is None
    # Other threads may hold or drop a few references meanwhile; a broken
    # binding loses 800.
    assert abs(sys.getrefcount(None) - before) < 100

"""Fixtures the window's tests share: a worker held at a gate, files "opened" without a desktop,
and the Figures page of a history (for the leadership report).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from held_work import Gate
from PySide6.QtGui import QDesktopServices

from ui.actions import Act

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "figures"))
from figures_history import TODAY, build_history


@pytest.fixture
def gate():
    """A shut gate; opened at teardown, so a failed test leaves no worker waiting while the window closes."""
    held = Gate()
    yield held
    held.open.set()


@pytest.fixture
def opened(monkeypatch):
    """Record the files and folders the app asks the desktop to open, instead of opening them."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


@pytest.fixture
def figures(qtbot, db, window):
    """The Figures page of ``window`` (the test module's) over a built history, dated ``TODAY``."""
    build_history(db)
    window.show_followup(Act.FIGURES)
    page = window.followup.pages[Act.FIGURES]
    page._fixed_today = TODAY
    page.refresh()
    return page

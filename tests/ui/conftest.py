"""Fixtures the window's tests share: a worker held at a gate, and files "opened" without a desktop."""

from __future__ import annotations

import pytest
from held_work import Gate
from PySide6.QtGui import QDesktopServices


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

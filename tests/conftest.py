"""Shared fixtures: every test gets its own data directory and database file."""

from __future__ import annotations

import os
import shutil

# Qt must pick the platform before it is first imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from facilitator.storage import open_database

# Fixtures shared by the refused-file tests of several folders (immutable_folder).
pytest_plugins = ["refused_files"]


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory, monkeypatch):
    """Point the app's data directory (and default database) at a fresh folder."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SCALE_ACROSS_DATA_DIR", str(data))
    monkeypatch.delenv("SCALE_ACROSS_DB", raising=False)
    return data


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """Give every test fresh QSettings in a temporary folder."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def isolated_qt_application(qapp):
    """Leave the QApplication as the test found it.

    The main window styles the whole application (theme and zoom), the start-up
    path sets its font, and slow pages set a wait cursor. Left behind, these
    change the fonts and geometry of every later test in the process, which is
    how a zoomed stylesheet once moved a double click off its link. A modal
    dialog left open would swallow the next test's input: that fails the test
    that left it.
    """
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    sheet, font, palette = qapp.styleSheet(), qapp.font(), qapp.palette()
    yield
    # pytest-qt has closed the test's widgets and asked Qt to delete them;
    # do it now, so a dialog owned by one of them goes with it.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    while QApplication.overrideCursor() is not None:
        QApplication.restoreOverrideCursor()
    left_open = []
    while (modal := QApplication.activeModalWidget()) is not None and len(left_open) < 20:
        left_open.append(type(modal).__name__)
        modal.close()
        modal.deleteLater()
    if qapp.styleSheet() != sheet:
        qapp.setStyleSheet(sheet)
    if qapp.font() != font:
        qapp.setFont(font)
    if qapp.palette() != palette:
        qapp.setPalette(palette)
    assert not left_open, f"the test left modal dialogs open: {left_open}"


@pytest.fixture
def db_path(tmp_path):
    """Return the path of a database file that does not exist yet."""
    return tmp_path / "events.sqlite3"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """Return a database file migrated to head once per test run.

    Migrating costs tens of milliseconds per file and most tests need an empty
    database, not the act of creating one (tests/storage covers that), so they
    start from a copy of this file.
    """
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        # Session fixtures run before the per-test data folder exists; never
        # let one touch the user's real data folder.
        patch.setenv("SCALE_ACROSS_DATA_DIR", str(path.parent / "data"))
        open_database(path).close()
    leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-")]
    assert not leftovers, f"closing the template left {leftovers}: its copy would miss pages"
    return path


@pytest.fixture
def db(db_path, migrated_template):
    """Return an open, migrated database on a real file of its own."""
    shutil.copyfile(migrated_template, db_path)
    database = open_database(db_path)
    yield database
    database.close()

"""Start-up shows the stored events first and opens the database right after."""

from __future__ import annotations

import pytest

from facilitator.demo import create_demo_event
from facilitator.storage import StorageError, open_database
from ui.app import start_window


def test_a_known_database_paints_first_then_opens(qtbot, db_path):
    db = open_database(db_path)
    with db.transaction() as session:
        create_demo_event(session)
    db.close()

    window = start_window(str(db_path))
    qtbot.addWidget(window)
    assert window._db is None  # not opened yet: the list came from the quick read
    assert window.start.proxy.rowCount() == 1
    window.show()
    qtbot.waitUntil(lambda: window._db is not None)
    window.start.open_current()
    assert window.editor.event.title == "Scale Across — checkout delivery patterns"
    window.close()
    window.close_database()


def test_a_new_database_takes_the_careful_path(qtbot, db_path):
    window = start_window(str(db_path))
    qtbot.addWidget(window)
    assert window._db is not None and db_path.exists()
    assert window.start.empty_label.isVisibleTo(window)
    window.close_database()


def test_a_foreign_file_is_refused_before_any_window(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list")
    with pytest.raises(StorageError, match="not a SQLite file"):
        start_window(str(notes))

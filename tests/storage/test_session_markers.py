"""A session that did not end cleanly, or a -wal left behind, calls for a check at the next start."""

from __future__ import annotations

import shutil
from pathlib import Path

from database_files import add_raw_participants, populate

from facilitator.storage.session_markers import (
    mark_session_closed,
    mark_session_open,
    previous_session_unclean,
)

# --- session markers ---------------------------------------------------------


def test_a_session_left_open_is_unclean_until_closed(db_path):
    populate(db_path)
    assert not previous_session_unclean(db_path)

    mark_session_open(db_path)
    assert previous_session_unclean(db_path)
    # The marker lives in the data folder, not beside the user's file.
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]

    mark_session_closed(db_path)
    assert not previous_session_unclean(db_path)


def test_a_wal_with_frames_left_beside_the_file_counts_as_unclean(db_path, tmp_path):
    populate(db_path)
    shutil.copy(db_path, tmp_path / "copy.sqlite3")
    Path(f"{db_path}-wal").write_bytes(add_raw_participants(tmp_path / "copy.sqlite3", 1))

    assert previous_session_unclean(db_path)

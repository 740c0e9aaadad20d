"""Real database files for the integrity, recovery and session marker tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

from sqlalchemy import select

from facilitator.domain import Participant
from facilitator.services import events, participants
from facilitator.storage import open_database
from facilitator.storage.database import integrity_check


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def populate(path: Path, people: int = 20, name: str = "Ærø Coalition") -> set:
    """Create a database with one event and ``people`` participants; return their ids."""
    db = open_database(path)
    try:
        with db.transaction() as session:
            event_id = events.plan_event(session, coalitions=[name], date=dt.date(2026, 5, 4)).id
        ids = set()
        for n in range(people):
            with db.transaction() as session:
                ids.add(participants.add_participant(session, event_id, f"{name} person {n}", "Team").id)
    finally:
        db.close()
    return ids


def stored_participants(path: Path) -> set:
    db = open_database(path)
    try:
        assert integrity_check(db) == "ok"
        with db.transaction() as session:
            return set(session.scalars(select(Participant.id)))
    finally:
        db.close()


def wal_of(path: Path, edit) -> bytes:
    """Return the bytes of the -wal a raw connection writes while ``edit`` runs on it.

    The connection stays open while the -wal is read: closing it would
    checkpoint the -wal into the file and delete it.
    """
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        edit(connection)
        return Path(f"{path}-wal").read_bytes()
    finally:
        connection.close()


def add_raw_participants(path: Path, count: int):
    def edit(connection):
        (event_id,) = connection.execute("SELECT id FROM events").fetchone()
        for n in range(count):
            connection.execute(
                "INSERT INTO participants (id, event_id, name, team, role, position) "
                "VALUES (?, ?, ?, 't', 'potential_adopter', ?)",
                (os.urandom(16).hex(), event_id, f"from the other file {n}", 1000 + n),
            )

    return wal_of(path, edit)

"""Facts about our database file, importable without SQLAlchemy (fast start-up)."""

# "SCAF": written into the SQLite header so another application's file is
# recognised as such (see facilitator.storage.file_check).
APPLICATION_ID = 0x53434146

# The first 16 bytes of every SQLite database file.
SQLITE_MAGIC = b"SQLite format 3\x00"

# The newest revision in migrations/versions; a test keeps the two in step.
HEAD_REVISION = "0011"


def shipped_revisions() -> set[str]:
    """Return the revision ids this app ships, from the migration files' names, without Alembic.

    Each file in migrations/versions is named after its revision id
    ("0003_search_index.py"); a test keeps this equal to what Alembic reads.
    """
    from pathlib import Path

    versions = Path(__file__).with_name("migrations") / "versions"
    return {path.name.split("_", 1)[0] for path in versions.glob("[0-9]*_*.py")}

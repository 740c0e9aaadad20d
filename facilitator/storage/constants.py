"""Facts about our database file, importable without SQLAlchemy (fast start-up)."""

# "SCAF": written into the SQLite header so another application's file is
# recognised as such (see facilitator.storage.file_check).
APPLICATION_ID = 0x53434146

# The first 16 bytes of every SQLite database file.
SQLITE_MAGIC = b"SQLite format 3\x00"

# The newest revision in migrations/versions; a test keeps the two in step.
HEAD_REVISION = "0009"

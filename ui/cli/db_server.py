"""``scale-across db …`` on a shared PostgreSQL database, and ``db copy`` between any two.

On a server, ``check`` connects and reports without changing anything,
``backup`` and ``backups`` are ``pg_dump`` files in the app's backup folder,
``reindex`` rebuilds the tsvector index, and ``restore`` says what to use
instead (replacing a shared history is the server owner's call, with
``pg_restore``).
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys

from facilitator.dates import iso_time
from facilitator.file_size import describe_size
from ui.cli.common import PROG, CommandError, open_db, open_target
from ui.cli.progress import progress_bar


def run_on_server(args: argparse.Namespace) -> int:
    """Run ``db ACTION`` on the server database ``--db`` names."""
    from facilitator.storage.database import resolve_database_url

    url = resolve_database_url(args.db)
    action = args.db_command
    if action == "check":
        return _check(url)
    if action == "backup":
        return _backup(url, args.keep)
    if action == "backups":
        return _backups(url)
    if action == "reindex":
        from facilitator.storage.server import safe_url

        return reindex(args, safe_url(url))
    raise CommandError(
        "restore replaces the shared history of everyone on that server, so the app leaves it to "
        "the server's owner: pg_restore --clean --if-exists --no-owner --dbname=DATABASE FILE.pgdump "
        f"(list the dumps with: {PROG} db backups --db URL)"
    )


def _check(url: str) -> int:
    """Connect, read the schema revision and the role's rights, change nothing."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import DBAPIError

    from facilitator.storage.constants import HEAD_REVISION
    from facilitator.storage.database import writable_or_new
    from facilitator.storage.migrate import current_revision
    from facilitator.storage.server import describe_connection_error, safe_url
    from facilitator.storage.server_dump import list_dumps

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar()
            revision = current_revision(connection)
            may_write = writable_or_new(connection)
            documents = (
                connection.execute(text("SELECT count(*) FROM search_docs")).scalar()
                if connection.execute(text("SELECT to_regclass('search_docs')")).scalar()
                else None
            )
    except (DBAPIError, ModuleNotFoundError) as exc:
        raise CommandError(describe_connection_error(url, exc)) from None
    finally:
        engine.dispose()
    shown = safe_url(url)
    state = {
        HEAD_REVISION: "ok",
        None: "empty (the app creates its tables on first open)",
    }.get(revision, f"schema revision {revision}, this app's is {HEAD_REVISION} (migrated on next open)")
    print(f"{shown}: {state}")
    print(f"  server: PostgreSQL {version}; your role may {'read and write' if may_write else 'only read'}")
    if documents is not None:
        print(f"  search index: {documents} records")
    dumps = list_dumps(url)
    newest = f"newest {dumps[0].path} ({iso_time(dumps[0].created)})" if dumps else "none yet"
    tool = "pg_dump is on PATH" if shutil.which("pg_dump") else "pg_dump is not on PATH"
    print(f"  dumps in the backup folder: {newest}; {tool}")
    return 0 if revision in (HEAD_REVISION, None) or may_write else 1


def _backup(url: str, keep: int) -> int:
    from facilitator.storage import StorageError
    from facilitator.storage.server import safe_url
    from facilitator.storage.server_dump import list_dumps, take_dump

    try:
        dump = take_dump(url)
    except StorageError as exc:
        raise CommandError(str(exc)) from None
    for old in list_dumps(url)[keep:]:
        old.path.unlink(missing_ok=True)
    print(f"Dumped {safe_url(url)} to {dump.path} ({describe_size(dump.size)})")
    return 0


def _backups(url: str) -> int:
    from facilitator.storage.backups import backup_folder
    from facilitator.storage.server import safe_url
    from facilitator.storage.server_dump import list_dumps

    found = list_dumps(url)
    if not found:
        print(
            f"No dumps of {safe_url(url)} yet in {backup_folder()}; take one with: "
            f"{PROG} db backup --db {shlex.quote(safe_url(url))}"
        )
    for dump in found:
        print(f"{iso_time(dump.created)}  {describe_size(dump.size):>10}  {dump.path}")
    return 0


def reindex(args: argparse.Namespace, shown: str) -> int:
    """``db reindex`` on a file or a server; ``shown`` names the database in the report."""
    from facilitator.search import reindex as rebuild

    db = open_db(args)
    try:
        with progress_bar("Indexing records", "records") as progress:
            count = rebuild(db, progress=progress)
    finally:
        db.close()
    print(f"Rebuilt the search index of {shown}: {count} records indexed")
    return 0


def copy(args: argparse.Namespace) -> int:
    """``db copy --from A --to B``: copy the events B lacks; report those that differ."""
    from facilitator.eventfile.copying import copy_history

    source = open_target(args.source, create=False)
    try:
        target = open_target(args.target, create=True)
        try:
            with progress_bar("Copying events", "events") as progress:
                report = copy_history(source, target, progress=progress)
        finally:
            target.close()
    finally:
        source.close()
    where = target.url if target.path is None else str(target.path)
    print(
        f"Copied {len(report.copied)} events to {where}; {len(report.unchanged)} were already there "
        f"unchanged; {len(report.differing)} differ; {len(report.refused)} could not be copied"
    )
    for label in report.copied:
        print(f"  copied: {label}")
    for label in report.differing:
        print(f"{PROG}: warning: differs on both sides, left as it is: {label}", file=sys.stderr)
    for label in report.refused:
        print(f"{PROG}: warning: not copied: {label}", file=sys.stderr)
    return 0 if report.clean else 1

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

from facilitator import numbers
from facilitator.dates import iso_time
from facilitator.file_size import describe_size
from facilitator.i18n import _, ngettext
from ui.cli.common import PROG, CommandError, open_db, open_target, warn
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
        _(
            "restore replaces the shared history of everyone on that server, so the app leaves it to "
            "the server's owner: {restore} (list the dumps with: {command})"
        ).format(
            restore="pg_restore --clean --if-exists --no-owner --dbname=DATABASE FILE.pgdump",
            command=f"{PROG} db backups --db URL",
        )
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
    if revision == HEAD_REVISION:
        # Translators: the verdict of `db check` on a sound database.
        print(_("{path}: ok").format(path=shown))
    elif revision is None:
        print(_("{url}: empty (the app creates its tables on first open)").format(url=shown))
    else:
        print(
            _("{url}: schema revision {revision}, this app's is {head} (migrated on next open)").format(
                url=shown, revision=revision, head=HEAD_REVISION
            )
        )
    if may_write:
        print(_("  server: PostgreSQL {version}; your role may read and write").format(version=version))
    else:
        print(_("  server: PostgreSQL {version}; your role may only read").format(version=version))
    if documents is not None:
        said = ngettext("  search index: {count} record", "  search index: {count} records", documents)
        print(said.format(count=numbers.integer(documents)))
    dumps = list_dumps(url)
    if dumps:
        newest = _("newest {path} ({moment})").format(path=dumps[0].path, moment=iso_time(dumps[0].created))
    else:
        # Translators: there are no dumps in the backup folder yet.
        newest = _("none yet")
    if shutil.which("pg_dump"):
        print(_("  dumps in the backup folder: {newest}; pg_dump is on PATH").format(newest=newest))
    else:
        print(_("  dumps in the backup folder: {newest}; pg_dump is not on PATH").format(newest=newest))
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
    print(
        _("Dumped {url} to {dump} ({size})").format(
            url=safe_url(url), dump=dump.path, size=describe_size(dump.size)
        )
    )
    return 0


def _backups(url: str) -> int:
    from facilitator.storage.backups import backup_folder
    from facilitator.storage.server import safe_url
    from facilitator.storage.server_dump import list_dumps

    found = list_dumps(url)
    if not found:
        print(
            _("No dumps of {url} yet in {folder}; take one with: {command}").format(
                url=safe_url(url),
                folder=backup_folder(),
                command=f"{PROG} db backup --db {shlex.quote(safe_url(url))}",
            )
        )
    for dump in found:
        print(f"{iso_time(dump.created)}  {describe_size(dump.size):>10}  {dump.path}")
    return 0


def reindex(args: argparse.Namespace, shown: str) -> int:
    """``db reindex`` on a file or a server; ``shown`` names the database in the report."""
    from facilitator.search import reindex as rebuild

    db = open_db(args)
    try:
        # Translators: the progress bar's label and its unit ("Indexing records: 40%| 400/1000 records").
        with progress_bar(_("Indexing records"), _("records")) as progress:
            count = rebuild(db, progress=progress)
    finally:
        db.close()
    said = ngettext(
        "Rebuilt the search index of {database}: {count} record indexed",
        "Rebuilt the search index of {database}: {count} records indexed",
        count,
    )
    print(said.format(database=shown, count=numbers.integer(count)))
    return 0


def copy(args: argparse.Namespace) -> int:
    """``db copy --from A --to B``: copy the events B lacks; report those that differ."""
    from facilitator.eventfile.copying import copy_history

    source = open_target(args.source, create=False)
    try:
        target = open_target(args.target, create=True)
        try:
            # Translators: the progress bar's label and its unit.
            with progress_bar(_("Copying events"), _("events")) as progress:
                report = copy_history(source, target, progress=progress)
        finally:
            target.close()
    finally:
        source.close()
    where = target.url if target.path is None else str(target.path)
    copied = len(report.copied)
    print(
        ngettext(
            "Copied {count} event to {database}; {unchanged} were already there unchanged; "
            "{differing} differ; {refused} could not be copied",
            "Copied {count} events to {database}; {unchanged} were already there unchanged; "
            "{differing} differ; {refused} could not be copied",
            copied,
        ).format(
            count=numbers.integer(copied),
            database=where,
            unchanged=numbers.integer(len(report.unchanged)),
            differing=numbers.integer(len(report.differing)),
            refused=numbers.integer(len(report.refused)),
        )
    )
    for label in report.copied:
        print(_("  copied: {event}").format(event=label))
    for label in report.differing:
        warn(_("differs on both sides, left as it is: {event}").format(event=label))
    for label in report.refused:
        warn(_("not copied: {event}").format(event=label))
    return 0 if report.clean else 1

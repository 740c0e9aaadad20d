"""Dumps of a shared PostgreSQL database with ``pg_dump``: the way back before a migration.

A dump is ``pg_dump --format=custom`` written to a temporary name, checked
with ``pg_restore --list`` and only then renamed to
``<server>-<database>-YYYYMMDD-HHMMSS-ffffff[-reason].pgdump`` in the app's
backup folder, so a dump that is there is whole. The password reaches
``pg_dump`` through its environment (``PGPASSWORD``), never its command line,
which other users of the machine can read; with no password in the URL,
libpq finds it in ``~/.pgpass`` or the service file as usual.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url

from facilitator import paths
from facilitator.dates import file_stamp, iso_time, parse_file_stamp
from facilitator.i18n import _, ngettext
from facilitator.storage.errors import StorageError

__all__ = ["RECENT", "Dump", "dump_stem", "list_dumps", "take_dump", "way_back"]

SUFFIX = ".pgdump"
#: A dump younger than this counts as a way back before a migration.
RECENT = dt.timedelta(hours=24)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Dump:
    """One dump file of a server database."""

    path: Path
    created: dt.datetime
    size: int


def dump_stem(url: str | URL) -> str:
    """Return the file-name stem of a database's dumps: its server and name, made safe."""
    parsed = make_url(url)
    server = parsed.host or str(parsed.query.get("service") or "local")
    if parsed.port:
        server += f"_{parsed.port}"
    return _UNSAFE.sub("_", f"{server}-{parsed.database or 'default'}")


def list_dumps(url: str | URL, folder: Path | None = None) -> list[Dump]:
    """Return the dumps of this database in the backup folder, newest first."""
    folder = folder or paths.backup_dir()
    pattern = re.compile(
        rf"^{re.escape(dump_stem(url))}-(?P<stamp>\d{{8}}-\d{{6}}-\d{{6}})(-[a-z0-9-]+)?{re.escape(SUFFIX)}$"
    )
    found = []
    for entry in folder.iterdir() if folder.is_dir() else ():
        match = pattern.match(entry.name)
        if match is None or not entry.is_file():
            continue
        found.append(Dump(entry, parse_file_stamp(match["stamp"]), entry.stat().st_size))
    return sorted(found, key=lambda d: (d.created, d.path.name), reverse=True)


def _connection_settings(url: URL) -> tuple[str, dict[str, str]]:
    """Return a libpq connection string without the password, and the environment with it."""
    from psycopg.conninfo import make_conninfo

    _args, options = create_engine(url.set(drivername="postgresql+psycopg")).dialect.create_connect_args(url)
    password = options.pop("password", None)
    environment = dict(os.environ)
    if password:
        environment["PGPASSWORD"] = str(password)
    # The dialect also hands psycopg Python objects (its adapters): libpq takes only text.
    settings = {k: str(v) for k, v in options.items() if isinstance(v, str | int)}
    return make_conninfo("", **settings), environment


def take_dump(url: str | URL, reason: str = "manual", folder: Path | None = None) -> Dump:
    """Dump the database with ``pg_dump`` into the backup folder and check the file.

    Raises:
        StorageError: ``pg_dump`` is not on PATH, or it or the check failed
            (the message is the tool's first line; no password in it).
    """
    tool, lister = shutil.which("pg_dump"), shutil.which("pg_restore")
    if tool is None or lister is None:
        raise StorageError(
            _(
                "pg_dump is not on PATH here (Debian: apt-get install postgresql-client); "
                "ask whoever runs the server for a recent dump"
            )
        )
    parsed = make_url(url)
    folder = folder or paths.backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    created = dt.datetime.now()
    final = folder / f"{dump_stem(parsed)}-{file_stamp(created)}-{reason}{SUFFIX}"
    temp = final.with_name(f".{final.name}.part")
    conninfo, environment = _connection_settings(parsed)
    try:
        for command in (
            [tool, "--format=custom", "--no-owner", f"--file={temp}", f"--dbname={conninfo}"],
            [lister, "--list", str(temp)],
        ):
            done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                # Translators: what pg_dump said when it said nothing ("pg_dump: failed").
                first = (done.stderr.strip().splitlines() or [_("failed")])[0]
                raise StorageError(f"{Path(command[0]).name}: {first.replace(str(parsed.password), '***')}")
        os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)
    return Dump(final, created, final.stat().st_size)


def way_back(url: str | URL, folder: Path | None = None) -> str:
    """Make sure a recent dump exists before a migration; return what was done, for the user.

    Takes a dump where ``pg_dump`` is on PATH; otherwise accepts one younger
    than :data:`RECENT` already in the backup folder.

    Raises:
        StorageError: neither: the migration must not run (the message says what to do).
    """
    try:
        dump = take_dump(url, reason="before-migration", folder=folder)
    except StorageError as exc:
        recent = [d for d in list_dumps(url, folder) if dt.datetime.now() - d.created < RECENT]
        if recent:
            return _("{problem}; the dump {path} from {moment} is the way back").format(
                problem=exc, path=recent[0].path, moment=iso_time(recent[0].created)
            )
        hours = int(RECENT.total_seconds() // 3600)
        message = ngettext(
            "this shared database needs an upgrade, and there is no way back yet: {problem}. "
            "Put a dump from the last hour in {folder} (pg_dump --format=custom, named {name}) "
            "or open it where pg_dump is installed; nothing was changed",
            "this shared database needs an upgrade, and there is no way back yet: {problem}. "
            "Put a dump from the last {count} hours in {folder} (pg_dump --format=custom, named {name}) "
            "or open it where pg_dump is installed; nothing was changed",
            hours,
        )
        raise StorageError(
            message.format(
                problem=exc,
                count=hours,
                folder=folder or paths.backup_dir(),
                name=f"{dump_stem(url)}-…{SUFFIX}",
            )
        ) from None
    return _("before upgrading the shared database, took a dump: {path}").format(path=dump.path)

"""A shared database on a PostgreSQL server: its URL, its errors in words, who may write.

A lead points the app at a server with a URL
(``postgresql://user@host/db``, ``postgresql:///db?service=coalitions``)
or with libpq's own settings (``PGSERVICE``, ``PGHOST`` …) and ``~/.pgpass``
for the password, so no password needs to be written anywhere. The app
never prints, logs or stores a password: every URL it shows is rendered with
the password hidden, and a driver's message that quotes the connection
string is not passed on as it is.
"""

from __future__ import annotations

import re

from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError

from facilitator.i18n import _
from facilitator.storage.errors import StorageError

__all__ = [
    "DRIVER",
    "checked_url",
    "describe_connection_error",
    "is_server_url",
    "normalise_url",
    "safe_url",
    "writable",
]

#: The driver the app installs with its ``postgresql`` extra (psycopg 3).
DRIVER = "postgresql+psycopg"

_SCHEMES = ("postgres", "postgresql", "postgresql+psycopg")
_FAILED_AT = re.compile(r'connection to server (at|on) (?P<where>"[^"]*"(, port \d+)?|socket "[^"]*")')


def is_server_url(url: str | URL) -> bool:
    """Tell whether ``url`` names a PostgreSQL database."""
    return make_url(url).get_backend_name() == "postgresql"


def normalise_url(value: str) -> str:
    """Give ``postgres://`` and ``postgresql://`` URLs (as libpq writes them) the app's driver.

    Any other URL is returned unchanged; so is one that names a driver of its own.
    """
    scheme, sep, rest = value.partition("://")
    if sep and scheme.lower() in ("postgres", "postgresql"):
        return f"{DRIVER}://{rest}"
    return value


def checked_url(value: str) -> str:
    """Return a database URL normalised (:func:`normalise_url`), if it names a database the app opens.

    Raises:
        StorageError: it cannot be read as a URL (shown without its password),
            or it names another kind of database than SQLite and PostgreSQL.
    """
    value = normalise_url(value)
    try:
        backend = make_url(value).get_backend_name()
    except (ArgumentError, ValueError):
        shown = _PASSWORD_IN_URL.sub(r"\1***@", value)
        raise StorageError(
            _(
                "not a valid database URL: {url} (for PostgreSQL: postgresql://USER@HOST:PORT/DATABASE)"
            ).format(url=repr(shown))
        ) from None
    if backend not in ("sqlite", "postgresql"):
        raise StorageError(
            _(
                "{backend} databases are not supported: use a SQLite file or a PostgreSQL server "
                "(postgresql://USER@HOST:PORT/DATABASE)"
            ).format(backend=backend)
        )
    return value


# user:password@ in a URL too broken to parse, so that even it is shown without the password.
_PASSWORD_IN_URL = re.compile(r"(://[^:/@]*:)[^@]*@")


def safe_url(url: str | URL) -> str:
    """Return ``url`` as it may be shown: the password replaced by ``***``."""
    return make_url(url).render_as_string(hide_password=True)


def describe_connection_error(url: str | URL, exc: BaseException) -> str:
    """Return one line saying why the server at ``url`` could not be used, password never shown.

    The common cases are named in words (no driver, no server, wrong
    password, no such database, no permission); anything else keeps the
    server's first line, with any password it may quote removed.
    """
    parsed = make_url(url)
    where = _where(parsed)
    original = getattr(exc, "orig", None) or exc
    message = " ".join(str(original).split()) or type(original).__name__
    lowered = message.lower()
    if isinstance(original, ModuleNotFoundError) or "can't load plugin" in lowered:
        return _(
            "cannot use {url}: the PostgreSQL driver is not installed; "
            'install it with: pip install "scale-across-facilitator[postgresql]"'
        ).format(url=safe_url(parsed))
    if "password authentication failed" in lowered:
        return _("the server at {where} refused the user name or password for {user}").format(
            where=where, user=_user(parsed)
        )
    if "no password supplied" in lowered:
        return _(
            "the server at {where} asks for a password for {user}: put it in ~/.pgpass "
            "(or use a service file), or run from a terminal to be asked for it"
        ).format(where=where, user=_user(parsed))
    if "does not exist" in lowered and "database" in lowered:
        # Translators: {database} is a name in quotes, or "(default)" translated.
        name = repr(parsed.database) if parsed.database else repr(_("(default)"))
        return _("there is no database {database} on the server at {where}").format(
            database=name, where=where
        )
    if "connection refused" in lowered or "could not connect" in lowered or "timeout" in lowered:
        return _("no PostgreSQL server answers at {where}: check the host and port, and that it runs").format(
            where=where
        )
    if "could not translate host name" in lowered or "name or service not known" in lowered:
        return _("the server's host name in {url} is not known: check the URL").format(url=safe_url(parsed))
    if "permission denied" in lowered:
        return _("the server at {where} refused {user}: {problem}").format(
            where=where, user=_user(parsed), problem=_scrub(message, parsed)
        )
    return _("cannot use {url}: {problem}").format(url=safe_url(parsed), problem=_scrub(message, parsed))


def _where(url: URL) -> str:
    if url.host:
        return f"{url.host}:{url.port or 5432}"
    service = url.query.get("service")
    if service:
        # Translators: where a server is, when a libpq service file names it ("the server at service 'x'").
        return _("service {name}").format(name=repr(service))
    # Translators: where a server is, when nothing names it ("the server at the default server …").
    return _("the default server (libpq settings)")


def _user(url: URL) -> str:
    if url.username:
        # Translators: who the server refused ("refused user 'anna'").
        return _("user {name}").format(name=repr(url.username))
    # Translators: who the server refused, when the URL names no user.
    return _("this user")


def _scrub(message: str, url: URL) -> str:
    """Remove the password, should the driver's message quote it."""
    first = message.split(" DETAIL:")[0].split(" HINT:")[0]
    if url.password:
        first = first.replace(str(url.password), "***")
    return _FAILED_AT.sub("connection to the server", first)


def writable(connection: Connection) -> bool:
    """Tell whether this connection's role may write the app's records.

    A lead given only SELECT (the read-only role in the README), or a
    server or role set to read-only transactions, opens the app read-only.
    """
    read_only_setting = connection.exec_driver_sql("SHOW default_transaction_read_only").scalar()
    if str(read_only_setting).lower() == "on":
        return False
    in_recovery = connection.exec_driver_sql("SELECT pg_is_in_recovery()").scalar()
    if in_recovery:
        return False
    allowed = connection.exec_driver_sql(
        "SELECT has_table_privilege('events', 'INSERT') AND has_table_privilege('events', 'UPDATE')"
    ).scalar()
    return bool(allowed)

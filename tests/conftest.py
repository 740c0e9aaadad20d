"""Shared fixtures: every test gets its own data directory and database.

The storage, services, search, follow-up and figures tests run on both
backends: their ``db`` is a SQLite file and, in a second run of each test, a
database on a private PostgreSQL server that this file starts for the whole
run (``tests/pg_server.py``) and stops at its end.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Qt must pick the platform before it is first imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app speaks the system's language (facilitator/i18n.py): the tests expect
# English whatever the machine's locale; those about languages set their own.
os.environ.pop("LANGUAGE", None)
os.environ.pop("LC_ALL", None)
os.environ.pop("LC_MESSAGES", None)
os.environ["LANG"] = "C.UTF-8"

import pytest

from facilitator.storage import open_database
from tests import pg_server

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
    from PySide6.QtCore import QEvent, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    from facilitator import i18n

    sheet, font, palette = qapp.styleSheet(), qapp.font(), qapp.palette()
    language, direction, qt_locale = i18n.language(), qapp.layoutDirection(), QLocale()
    locale_dirs = list(i18n.extra_locale_dirs)
    yield
    # Catalogs a test added (the pseudo-locales) go with it, and so does the list of
    # languages cached while they were there: it once offered en_XA in View ▸ Language.
    i18n.extra_locale_dirs[:] = locale_dirs
    i18n.available_languages.cache_clear()
    # A language chosen by a test (``german``, View ▸ Language) goes with it.
    i18n.set_language(language)
    for translator in qapp.findChildren(QTranslator, "scale-across-qt"):
        qapp.removeTranslator(translator)
        translator.setParent(None)
    if qapp.layoutDirection() != direction:
        qapp.setLayoutDirection(direction)
    QLocale.setDefault(qt_locale)
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
def german():
    """Speak German in this test: words, dates and numbers (English again after it)."""
    from facilitator import i18n

    return i18n.set_language("de")


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


# Tests in these folders get ``db`` on SQLite and on PostgreSQL.
BOTH_BACKENDS = ("storage", "services", "search", "followup", "figures")


def pytest_configure(config):
    """Start the PostgreSQL server of this run (once: xdist workers inherit its URL)."""
    config.addinivalue_line("markers", "sqlite_only: a test of something only a SQLite file has")
    if hasattr(config, "workerinput") or os.environ.get(pg_server.URL_VARIABLE):
        return
    try:
        url, folder = pg_server.start_private()
    except pg_server.ServerUnavailable as exc:
        # Recorded for the PostgreSQL tests, which then fail (CI) or skip.
        os.environ["SCALE_ACROSS_TEST_PG_MISSING"] = str(exc)
        return
    os.environ[pg_server.URL_VARIABLE] = url
    config.stash[_SERVER_FOLDER] = folder


_SERVER_FOLDER = pytest.StashKey[Path]()


def pytest_unconfigure(config):
    """Stop the server this process started."""
    folder = config.stash.get(_SERVER_FOLDER, None)
    if folder is not None:
        pg_server.stop(folder)


def pytest_generate_tests(metafunc):
    """Run every test that uses ``db`` in :data:`BOTH_BACKENDS` on both backends."""
    if "backend" not in metafunc.fixturenames:
        return
    folder = Path(str(metafunc.definition.path)).parent.name
    if folder in BOTH_BACKENDS and metafunc.definition.get_closest_marker("sqlite_only") is None:
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request):
    """Name the database backend of this test ("sqlite" unless parametrized)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server_url():
    """Return the superuser URL of this run's PostgreSQL server.

    Without a server the test skips, except where ``SCALE_ACROSS_REQUIRE_PG``
    is set (CI): there it fails, so a broken server never passes as green.
    """
    url = os.environ.get(pg_server.URL_VARIABLE)
    if url:
        return url
    why = os.environ.get("SCALE_ACROSS_TEST_PG_MISSING", "no server was started")
    if os.environ.get(pg_server.REQUIRE_VARIABLE):
        pytest.fail(f"PostgreSQL is required here and unavailable: {why}")
    pytest.skip(f"PostgreSQL unavailable: {why}")


@pytest.fixture(scope="session")
def pg_databases(pg_server_url, worker_id):
    """Make fresh databases on the server, named for this worker; drop them at the end."""
    from tests.pg_databases import Databases

    databases = Databases(pg_server_url, prefix=f"t_{worker_id}")
    yield databases
    databases.drop_all()


@pytest.fixture(scope="session")
def pg_worker_url(pg_databases, tmp_path_factory):
    """Return the URL of this worker's migrated database (emptied before each test)."""
    url = pg_databases.create("shared")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SCALE_ACROSS_DATA_DIR", str(tmp_path_factory.mktemp("pg-data")))
        open_database(url).close()
    return url


@pytest.fixture
def db_url(backend, request, db_path):
    """Return the URL (or path) of an empty, migrated database of this test's backend."""
    if backend == "postgresql":
        from tests.pg_databases import empty_tables

        url = request.getfixturevalue("pg_worker_url")
        empty_tables(url)
        return url
    shutil.copyfile(request.getfixturevalue("migrated_template"), db_path)
    return db_path


@pytest.fixture
def db(db_url):
    """Return an open, migrated, empty database of this test's backend."""
    database = open_database(db_url)
    yield database
    database.close()

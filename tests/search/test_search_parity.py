"""Search on PostgreSQL finds exactly what FTS5 finds on SQLite, for the same records and queries.

One corpus, stored through the services on both backends with the same ids;
every query must return the same set of records on both (the order is each
engine's own ranking and is not compared). The corpus holds what differs
between tokenizers: accents that decompose and letters that do not, case,
punctuation inside words, e-mail addresses, hosts, paths, versions, numbers,
hyphens, apostrophes, scripts without spaces, and text that looks like
query syntax.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from facilitator.search import search
from facilitator.services import events, outcomes
from facilitator.storage import open_database

CORPUS = [
    "Zoë Lefèvre runs the Café retro",
    "ZOE LEFEVRE reviewed it",
    "Łukasz Żółw and Søren Ødegård pair daily",
    "Straße und Maß: the Großhandel team",
    "Æsir Œuvre Þorn Ðóra",
    "e-mail ana.nunez@example.org before the check-in",
    "see https://wiki.example.com/checkout/deploys for v1.2.3 notes",
    "path /srv/app/config.yaml and C:\\Users\\team",
    "error rate 0.5% down from 12,5 % (was 3-4 incidents)",
    "O'Brien's team doesn't deploy on Fridays",
    'NEAR(durian, mango) AND NOT kiwi OR "quoted" * ^ :',
    "チェックアウト 配送 チーム",
    "Résumé of the résumés: naïve coöperation",
    "team-owned pipelines; teamwork; teams",
    "Deploys daily, deploys weekly, deployment frozen",
    "Incident hazelnut-7 and hazelnut_8",
    "İstanbul ılık ısı",
    "tab\tseparated\tfields and new\nlines",
]

QUERIES = [
    "zoe",
    "Zoë",
    "ZOË lef",
    "lefevre",
    "cafe",
    "lukasz",
    "zolw",
    "soren odegard",
    "strasse",
    "mass",
    "grosshandel",
    "aesir",
    "oeuvre",
    "thorn",
    "dora",
    "ana",
    "nunez",
    "example",
    "example.org",
    "ana.nunez@example.org",
    "wiki",
    "checkout",
    "v1",
    "1.2.3",
    "srv",
    "config.yaml",
    "users",
    "0.5",
    "12",
    "3-4",
    "o'brien",
    "brien",
    "doesn",
    "fridays",
    "near",
    "durian",
    "not",
    "quoted",
    "チェックアウト",
    "配送",
    "resume",
    "résumés",
    "naive",
    "cooperation",
    "team",
    "team-owned",
    "teamw",
    "te",
    "dep",
    "deploy",
    "deploys daily",
    "hazelnut",
    "hazelnut-7",
    "hazelnut_8",
    "istanbul",
    "ilik",
    "tab",
    "separated fields",
    "lines",
    "a",
    "é",
    "'",
    "-",
    "*",
    '"',
    "(",
    "team NOT",
    "fri",
    "zo",
]


@pytest.fixture(scope="module")
def both(pg_databases, migrated_template, tmp_path_factory):
    """The corpus as outcomes of one event on SQLite and on PostgreSQL: (db, outcome ids) each.

    Built once for all queries, in databases of their own (other tests empty
    the worker's shared one between tests).
    """
    path = tmp_path_factory.mktemp("parity") / "parity.sqlite3"
    shutil.copyfile(migrated_template, path)
    url = pg_databases.create("parity")
    sides = []
    for target in (path, url):
        with pytest.MonkeyPatch.context() as patch:  # module fixtures run outside the per-test data folder
            patch.setenv("SCALE_ACROSS_DATA_DIR", str(path.parent / "data"))
            db = open_database(target)
        with db.transaction() as s:
            event = events.plan_event(
                s, coalitions=["Parity"], date=dt.date(2026, 3, 1), title="Parity event"
            )
            ids = [outcomes.add_outcome(s, event.id, "success", text).id for text in CORPUS]
        sides.append((db, ids))
    yield sides
    for db, _ids in sides:
        db.close()


def _found(side, query):
    """Return which corpus entries (by number) a search finds."""
    db, ids = side
    with db.transaction() as s:
        return sorted(ids.index(hit.record_id) for hit in search(s, query, limit=100) if hit.record_id in ids)


@pytest.mark.parametrize("query", QUERIES)
def test_postgresql_finds_what_fts5_finds(both, query):
    sqlite, postgresql = both
    assert _found(postgresql, query) == _found(sqlite, query)

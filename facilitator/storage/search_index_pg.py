"""The search index on PostgreSQL: the same documents as on SQLite, in a tsvector.

``search_docs`` is the table of ``search_index``'s SQLite twin (one row per
searchable record, kept in step by triggers on every source table, in the
writing transaction), plus ``tsv``, a generated tsvector under a GIN index.

Hits must be the same as FTS5's for the same records and queries, so the
text is cut into words the way FTS5's ``unicode61`` tokenizer cuts it, not by
PostgreSQL's own parser (which keeps e-mail addresses, hosts, paths and
hyphenated words whole): :data:`NORMALISE` folds :data:`FOLDS` letters,
removes accents with the ``unaccent`` extension and turns every run of
characters that are not letters or digits into one space; ``to_tsvector``
with the ``simple`` configuration then only lowercases. A query word goes
through the same function (``facilitator.search.query_pg``).

Snippets come from ``ts_headline`` over the stored text as typed, with the
``scale_search`` configuration (``unaccent`` then ``simple``), so "zoe"
marks "Zoë" in context.

Documents are numbered newest first, as on SQLite: a new one takes the next
value of a descending sequence, and a rebuild numbers them by event date.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from facilitator.progress import Progress, report
from facilitator.storage.search_index import (
    FOLDS,
    MATCH_END,
    MATCH_START,
    SOURCES,
    Source,
)

__all__ = ["install", "rebuild", "uninstall"]

NORMALISE = "scale_search_norm"
CONFIG = "scale_search"
SEQUENCE = "search_docs_ids"


def _unaccent_schema(connection: Connection) -> str:
    connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema: str = connection.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension AS e JOIN pg_namespace AS n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'unaccent'"
    ).scalar_one()
    return '"' + schema.replace('"', '""') + '"'


def _fold_sql(expr: str) -> str:
    for letter, plain in FOLDS.items():
        expr = f"replace({expr}, '{letter}', '{plain}')"
    return expr


def _normalise_function(unaccent: str) -> str:
    # IMMUTABLE for the generated column: true as long as the unaccent rules
    # file does not change, which is the usual contract of this idiom; a
    # rebuild (db reindex) refreshes every document should it ever change.
    folded = _fold_sql("body")
    return (
        f"CREATE OR REPLACE FUNCTION {NORMALISE}(body text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$ "
        f"SELECT regexp_replace({unaccent}.unaccent('{unaccent}.unaccent'::regdictionary, {folded}), "
        "'[^[:alnum:]]+', ' ', 'g') $fn$"
    )


def _config_statements(connection: Connection, unaccent: str) -> list[str]:
    exists = connection.exec_driver_sql(f"SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}'").first()
    if exists:
        return []
    return [
        f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple)",
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR "
        "asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart "
        f"WITH {unaccent}.unaccent, simple",
    ]


def _body_sql(source: Source, row: str) -> str:
    joined = " || chr(10) || ".join(f"coalesce({row}.{f}::text, '')" for f in source.fields)
    cleaned = f"replace(replace({joined}, '{MATCH_START}', ''), '{MATCH_END}', '')"
    return f"btrim({cleaned}, chr(10))"


def _source_statements(source: Source) -> list[str]:
    name, table = f"search_{source.table}", source.table
    function = (
        f"CREATE OR REPLACE FUNCTION {name}_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN "
        "IF TG_OP = 'DELETE' THEN DELETE FROM search_docs WHERE record_id = OLD.id; RETURN NULL; END IF; "
        "INSERT INTO search_docs (record_id, kind, event_id, body) VALUES "
        f"(NEW.id, '{source.kind}', {source.event.format(row='NEW')}, {_body_sql(source, 'NEW')}) "
        "ON CONFLICT (record_id) DO UPDATE SET kind = excluded.kind, event_id = excluded.event_id, "
        "body = excluded.body WHERE search_docs.body IS DISTINCT FROM excluded.body "
        "OR search_docs.event_id IS DISTINCT FROM excluded.event_id; "
        "RETURN NULL; END $fn$"
    )
    columns = ", ".join(source.watched())
    run = f"FOR EACH ROW EXECUTE FUNCTION {name}_sync()"
    return [
        function,
        f"DROP TRIGGER IF EXISTS {name}_ai ON {table}",
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} {run}",
        f"DROP TRIGGER IF EXISTS {name}_au ON {table}",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {columns} ON {table} {run}",
        f"DROP TRIGGER IF EXISTS {name}_ad ON {table}",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} {run}",
    ]


def install(connection: Connection) -> None:
    """Create what is missing of the index: extension, function, table, triggers (idempotent)."""
    unaccent = _unaccent_schema(connection)
    statements = [
        _normalise_function(unaccent),
        *_config_statements(connection, unaccent),
        f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE} INCREMENT BY -1 MAXVALUE 0 START WITH 0",
        (
            "CREATE TABLE IF NOT EXISTS search_docs ("
            f"id bigint PRIMARY KEY DEFAULT nextval('{SEQUENCE}'), record_id uuid NOT NULL UNIQUE, "
            "kind varchar(32) NOT NULL, event_id uuid, body text NOT NULL, "
            f"tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, {NORMALISE}(body))) STORED)"
        ),
        "CREATE INDEX IF NOT EXISTS search_docs_tsv ON search_docs USING gin (tsv)",
    ]
    for source in SOURCES:
        statements += _source_statements(source)
    for statement in statements:
        connection.exec_driver_sql(statement)


def uninstall(connection: Connection) -> None:
    """Drop the index's table, triggers, functions and configuration (the extension stays)."""
    for source in SOURCES:
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS search_{source.table}_sync() CASCADE")
    connection.exec_driver_sql("DROP TABLE IF EXISTS search_docs")
    connection.exec_driver_sql(f"DROP SEQUENCE IF EXISTS {SEQUENCE}")
    connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {NORMALISE}(text)")
    connection.exec_driver_sql(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


def rebuild(connection: Connection, *, progress: Progress | None = None, batch: int = 2000) -> int:
    """Drop and refill the index from the source tables; return the number of documents.

    The documents are numbered into a temporary table first, then copied in
    batches of ``batch`` documents (the tsvector and its GIN index are the
    slow part), reporting (documents indexed, documents in all) after each.
    """
    uninstall(connection)
    install(connection)
    selects = " UNION ALL ".join(
        f"SELECT src.id AS record_id, '{s.kind}' AS kind, {s.event.format(row='src')} AS event_id, "
        f"{_body_sql(s, 'src')} AS body, CAST({s.undated.format(row='src')} AS date) AS undated "
        f"FROM {s.table} AS src"
        for s in SOURCES
    )
    connection.exec_driver_sql(
        "CREATE TEMPORARY TABLE search_docs_rebuild ON COMMIT DROP AS "
        "SELECT row_number() OVER (ORDER BY coalesce(e.date, d.undated) DESC NULLS LAST, "
        "e.created_at DESC NULLS LAST, d.kind) AS id, d.record_id, d.kind, d.event_id, d.body "
        f"FROM ({selects}) AS d LEFT JOIN events AS e ON e.id = d.event_id"
    )
    count: int = connection.exec_driver_sql("SELECT count(*) FROM search_docs_rebuild").scalar_one()
    report(progress, 0, count)
    for first in range(1, count + 1, batch):
        last = min(first + batch - 1, count)
        connection.exec_driver_sql(
            "INSERT INTO search_docs (id, record_id, kind, event_id, body) "
            "SELECT id, record_id, kind, event_id, body FROM search_docs_rebuild "
            "WHERE id BETWEEN %(first)s AND %(last)s",
            {"first": first, "last": last},
        )
        if last < count:
            report(progress, last, count)
    connection.exec_driver_sql("DROP TABLE search_docs_rebuild")
    # The next new document is numbered below every one there.
    connection.exec_driver_sql(
        f"SELECT setval('{SEQUENCE}', (SELECT coalesce(min(id), 1) - 1 FROM search_docs), false)"
    )
    if count:
        report(progress, count, count)
    return count

"""Search on PostgreSQL: the words of :func:`facilitator.search.query.query_words` as a tsquery.

Each word goes through the index's own normalisation (``scale_search_norm``,
see ``facilitator.storage.search_index_pg``), so it is cut into the same
tokens as the stored text: a word that holds punctuation ("e-mail",
"v1.2") becomes a phrase of adjacent tokens, as FTS5 reads a quoted word,
and the prefix applies to its last token. Tokens are letters and digits
only and are quoted besides, so nothing typed is tsquery syntax.

As on SQLite, up to ``rank_limit`` matches are ranked (``ts_rank``); more
are listed newest first (by document number).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from facilitator.storage.search_index import MATCH_END, MATCH_START

SNIPPET_WORDS = 16
# ts_headline's options: one fragment of at most SNIPPET_WORDS words around
# the best match, marked with the same private-use characters as FTS5's snippets.
_HEADLINE = (
    f'StartSel="{MATCH_START}", StopSel="{MATCH_END}", MaxWords={SNIPPET_WORDS}, MinWords=6, '
    'ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "'
)

# A record of few words is shown whole, as FTS5's snippet shows it.
_WHOLE = f'StartSel="{MATCH_START}", StopSel="{MATCH_END}", HighlightAll=true'


def tsquery(connection: Connection, words: list[str], prefix: bool) -> str | None:
    """Return the ``to_tsquery`` text for ``words`` (all must match), or None if none has a token."""
    normalised = connection.execute(
        text(
            "SELECT scale_search_norm(w) FROM unnest(CAST(:words AS text[])) WITH ORDINALITY AS t(w, n) "
            "ORDER BY n"
        ),
        {"words": words},
    ).scalars()
    phrases = []
    for tokens in (str(value or "").split() for value in normalised):
        if tokens:
            phrases.append(" <-> ".join("'" + t.replace("\\", "").replace("'", "''") + "'" for t in tokens))
    if not phrases:
        return None
    if prefix:
        phrases[-1] += ":*"
    return " & ".join(f"({p})" for p in phrases)


def matches(
    connection: Connection, words: list[str], prefix: bool, *, limit: int, rank_limit: int
) -> list[tuple[int, str]]:
    """Return (document number, snippet) of up to ``limit`` best or newest matches."""
    query = tsquery(connection, words, prefix)
    if query is None:
        return []
    params = {"q": query, "cap": rank_limit + 1, "limit": limit, "options": _HEADLINE, "whole": _WHOLE}
    count = connection.execute(
        text(
            "SELECT count(*) FROM (SELECT 1 FROM search_docs "
            "WHERE tsv @@ to_tsquery('simple', :q) LIMIT :cap) AS m"
        ),
        params,
    ).scalar_one()
    if not count:
        return []
    order = "rank DESC, id" if count <= rank_limit else "id"
    rows = connection.execute(
        text(
            "SELECT id, body, ts_headline('scale_search', body, to_tsquery('simple', :q), "
            "CASE WHEN short THEN :whole ELSE :options END) "
            f"FROM (SELECT id, body, length(tsv) <= {SNIPPET_WORDS} AS short, "
            "ts_rank(tsv, to_tsquery('simple', :q)) AS rank FROM search_docs "
            f"WHERE tsv @@ to_tsquery('simple', :q) ORDER BY {order} LIMIT :limit) AS best ORDER BY {order}"
        ),
        params,
    ).all()
    return [(rowid, _cut(body, headline)) for rowid, body, headline in rows]


def _cut(body: str, headline: str) -> str:
    """Mark where the snippet leaves text out, as FTS5's snippet does with "…"."""
    plain = headline.replace(MATCH_START, "").replace(MATCH_END, "")
    if plain and not body.startswith(plain.lstrip()):
        headline = "…" + headline
    if plain and not body.rstrip().endswith(plain.rstrip()):
        headline += "…"
    return headline

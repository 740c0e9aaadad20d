"""Tables written in raw SQL, not ORM models: the search index, the history token and the kept figures.

Schema comparisons with the models (Alembic's autogenerate, the migration
tests) leave them out; their own tests check them.
"""

from __future__ import annotations

from collections.abc import Mapping

from facilitator.storage import figures_stale, history_token
from facilitator.storage.search_index import is_search_table


def is_raw_table(name: str | None) -> bool:
    """Tell whether a table is one of the raw-SQL tables (or an FTS5 shadow table)."""
    return is_search_table(name) or name in (history_token.TABLE, figures_stale.STALE, figures_stale.FACTS)


def alembic_include_name(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    """Alembic's ``include_name`` hook: leave the raw-SQL tables out of model comparisons."""
    return not (type_ == "table" and is_raw_table(name))

"""Hypothesis profiles for the text-integrity properties, and a migrated empty database.

``suite`` (the default) is what the normal test run uses: derandomised, so a
run is repeatable, with the small example counts the tests give. ``long``
multiplies every count (see ``property_support.budget``) and draws fresh
examples each run::

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/properties

The profiles are registered here and applied per test by
``property_support.settings_for``, never loaded globally, so other folders'
Hypothesis tests keep their own settings.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from facilitator.storage import open_database

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "suite", derandomize=True, deadline=None, database=None, suppress_health_check=_QUIET
)
settings.register_profile("long", deadline=None, suppress_health_check=_QUIET, print_blob=True)


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    """Return the path of a migrated, empty database; copy it for a fresh one per example.

    Migrating takes a fifth of a second, copying a few milliseconds: examples
    run many times, fixtures only once.
    """
    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    open_database(path).close()
    return path

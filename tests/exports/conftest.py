"""Events for the export tests, built once per module through the services."""

from __future__ import annotations

import pytest
from pdf_helpers import hostile_event, loaded_event, rtl_event

from facilitator.demo import create_demo_event


@pytest.fixture(scope="module")
def demo_event(tmp_path_factory):
    """The app's sample event, fully loaded (usable without a session)."""
    return loaded_event(tmp_path_factory, create_demo_event)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """An event whose every typed field holds markup-like or multi-script text."""
    return loaded_event(tmp_path_factory, hostile_event)


@pytest.fixture(scope="module")
def rtl(tmp_path_factory):
    """An event written in Hebrew and Arabic, with long paragraphs and narrow cells."""
    return loaded_event(tmp_path_factory, rtl_event)

"""One fold for every filter: a name found on one page is found on all of them."""

from __future__ import annotations

import pytest

from facilitator.folding import fold
from facilitator.storage.search_index import fold as index_fold
from ui.followup.adoptions.model import fold as adoption_fold
from ui.followup.library.model import fold as library_fold


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("zoe", "Zoë"), ("lukasz", "Łukasz"), ("SOREN", "Søren"), ("strasse", "Straße"), ("aesir", "Æsir")],
)
def test_what_people_type_matches_the_stored_name(typed, stored):
    assert fold(typed) == fold(stored)


def test_every_filter_and_the_index_share_the_same_letters():
    assert adoption_fold is library_fold is fold
    assert index_fold("Łukasz Søren") == "Lukasz Soren"

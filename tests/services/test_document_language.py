"""Documents in the reader's language: the event's and each participant's, stored and migrated."""

from __future__ import annotations

import uuid

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect

from facilitator import i18n
from facilitator.domain import Event, Participant
from facilitator.services import NotFoundError, ServiceError, events, languages, participants
from facilitator.storage import open_database
from facilitator.storage.migrate import alembic_config
from facilitator.storage.sqlite_setup import configure_sqlite_engine


@pytest.fixture
def person_id(act, event_id):
    return act(participants.add_participant, event_id, "Ana Núñez", "Payments").id


def _event_language(reopen, event_id):
    with reopen() as session:
        return session.get(Event, event_id).document_language


def _person_language(reopen, person_id):
    with reopen() as session:
        return session.get(Participant, person_id).language


def test_a_new_event_and_person_speak_the_apps_language(reopen, event_id, person_id):
    assert _event_language(reopen, event_id) is None
    assert _person_language(reopen, person_id) is None


@pytest.mark.parametrize("written", ["de", "DE", "de_AT", "de-DE", "de_DE.UTF-8", " de "])
def test_the_document_language_is_stored_as_its_catalogs_code(act, reopen, event_id, written):
    act(languages.set_document_language, event_id, written)
    assert _event_language(reopen, event_id) == "de"


def test_the_document_language_goes_back_to_the_apps(act, reopen, event_id):
    act(languages.set_document_language, event_id, "de")
    act(languages.set_document_language, event_id, None)
    assert _event_language(reopen, event_id) is None
    act(languages.set_document_language, event_id, "en")
    assert _event_language(reopen, event_id) == "en"
    act(languages.set_document_language, event_id, "")
    assert _event_language(reopen, event_id) is None


def test_a_person_gets_their_own_language(act, reopen, event_id, person_id):
    act(languages.set_participant_language, person_id, "de_CH")
    assert _person_language(reopen, person_id) == "de"
    assert _event_language(reopen, event_id) is None
    act(languages.set_participant_language, person_id, None)
    assert _person_language(reopen, person_id) is None


@pytest.mark.parametrize("wanted", ["xx", "Klingon", "zz_ZZ", "1de"])
def test_a_language_without_a_catalog_is_refused_naming_those_there_are(act, reopen, event_id, wanted):
    act(languages.set_document_language, event_id, "de")
    with pytest.raises(ServiceError) as refused:
        act(languages.set_document_language, event_id, wanted)
    message = str(refused.value)
    assert "there is no translation for" in message
    assert f"documents can be written in: {', '.join(i18n.available_languages())}" in message
    assert {"en", "de"} <= set(i18n.available_languages())
    assert _event_language(reopen, event_id) == "de"


def test_a_persons_language_without_a_catalog_is_refused(act, reopen, person_id):
    with pytest.raises(ServiceError, match="documents can be written in: en, de"):
        act(languages.set_participant_language, person_id, "xx")
    with pytest.raises(ServiceError, match="a code like en or de"):
        act(languages.set_participant_language, person_id, 7)
    assert _person_language(reopen, person_id) is None


def test_unknown_records_are_not_found(act):
    with pytest.raises(NotFoundError):
        act(languages.set_document_language, uuid.uuid4(), "de")
    with pytest.raises(NotFoundError):
        act(languages.set_participant_language, uuid.uuid4(), "de")


def test_a_closed_event_may_still_change_the_language_of_its_documents(act, reopen, event_id, person_id):
    act(events.close_event, event_id)
    act(languages.set_document_language, event_id, "de")
    act(languages.set_participant_language, person_id, "en")
    assert _event_language(reopen, event_id) == "de"
    assert _person_language(reopen, person_id) == "en"


def test_the_refusal_speaks_german(act, event_id, german):
    with pytest.raises(ServiceError, match="keine Übersetzung"):
        act(languages.set_document_language, event_id, "xx")


def test_migration_0011_adds_both_columns_and_keeps_the_records(db, db_url, backend, act, reopen, event_id):
    person = act(participants.add_participant, event_id, "Zoë Lefèvre", "Checkout").id
    db.close()
    engine = create_engine(db_url if backend == "postgresql" else f"sqlite:///{db_url}")
    if backend == "sqlite":
        configure_sqlite_engine(engine)
    config = alembic_config()
    try:
        with engine.connect() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0010")
            assert "document_language" not in _columns(connection, "events")
            assert "language" not in _columns(connection, "participants")
            command.upgrade(config, "head")
            connection.commit()
            assert "document_language" in _columns(connection, "events")
            assert "language" in _columns(connection, "participants")
    finally:
        engine.dispose()
    assert _event_language(reopen, event_id) is None
    assert _person_language(reopen, person) is None
    reopened = open_database(db_url)
    try:
        with reopened.transaction() as session:
            languages.set_document_language(session, event_id, "de")
            languages.set_participant_language(session, person, "en")
    finally:
        reopened.close()
    assert _event_language(reopen, event_id) == "de"
    assert _person_language(reopen, person) == "en"


def _columns(connection, table):
    return {column["name"] for column in inspect(connection).get_columns(table)}

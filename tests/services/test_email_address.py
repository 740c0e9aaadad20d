"""The e-mail address rule: one plausible address, or none (facilitator.domain.email_address)."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.email_address import (
    MAX_EMAIL_LENGTH,
    EmailAddressError,
    normalise_email,
)

LONG_LOCAL = "a" * 64
LONG_DOMAIN = f"{'d' * 63}.{'e' * 63}.{'f' * 57}.org"  # 189 characters: 64 + 1 + 189 = 254

VALID = [
    # (typed, stored)
    ("ana@example.org", "ana@example.org"),
    ("  Ana.Nunez+checkout@Example.ORG \t\n", "Ana.Nunez+checkout@Example.ORG"),
    ("o'brien@mail.example.co.uk", "o'brien@mail.example.co.uk"),
    ("first_last-1@sub-domain.example.org", "first_last-1@sub-domain.example.org"),
    ("#!$%&*/=?^`{|}~@example.org", "#!$%&*/=?^`{|}~@example.org"),
    ("zoë@bücher.de", "zoë@bücher.de"),  # RFC 6531: non-ASCII on both sides
    ("łukasz.wróblewski@przykład.pl", "łukasz.wróblewski@przykład.pl"),
    ("用户@例子.广告", "用户@例子.广告"),
    ("उपयोगकर्ता@उदाहरण.कॉम", "उपयोगकर्ता@उदाहरण.कॉम"),  # combining vowel signs in the domain
    ("مريم@مثال.عرب", "مريم@مثال.عرب"),
    ("ana@xn--bcher-kva.de", "ana@xn--bcher-kva.de"),  # punycode
    ("a@b.co", "a@b.co"),
    ("1@2.3", "1@2.3"),
    (f"{LONG_LOCAL}@{LONG_DOMAIN}", f"{LONG_LOCAL}@{LONG_DOMAIN}"),  # every limit reached
]

INVALID = [
    # (typed, phrase the message holds)
    ("zoe@example", "the part after @ needs a dot, like name@example.org"),
    ("ana@localhost", "needs a dot"),
    ("ana.example.org", "needs an @ between the name and the domain"),
    ("ana@@example.org", "has 2 @ signs; an address has exactly one"),
    ("ana@example.org@other.org", "has 2 @ signs"),
    ("@example.org", "nothing comes before the @"),
    ("ana@", "nothing comes after the @"),
    ("ana @example.org", "contains a space or line break"),
    ("ana@exa mple.org", "contains a space or line break"),
    ("ana\u00a0nunez@example.org", "contains a space or line break"),  # no-break space
    ("ana\n@example.org", "contains a space or line break"),
    ("ana\u200b@example.org", "invisible character (U+200B)"),
    ("ana\x07@example.org", "invisible character (U+0007)"),
    ("ana@example.org.", "cannot start or end with a dot"),  # trailing dot
    ("ana@.example.org", "cannot start or end with a dot"),
    ("ana@example..org", "two dots in a row"),
    (".ana@example.org", "the part before @ cannot start or end with a dot"),
    ("ana.@example.org", "the part before @ cannot start or end with a dot"),
    ("ana..nunez@example.org", "the part before @ cannot"),
    ("ana@-example.org", 'the part "-example" of the domain cannot start or end with a hyphen'),
    ("ana@example-.org", "cannot start or end with a hyphen"),
    ("ana@exa_mple.org", '"_" cannot be part of the domain'),
    ("ana@example.org/x", '"/" cannot be part of the domain'),
    ("Ana Núñez <ana@example.org>", "contains a space"),
    ("<ana@example.org>", '"<" cannot be part of an address; give the address alone'),
    ("ana@example.org,bo@example.org", '"," cannot be part of an address'),
    ("ana@example.org;bo@example.org", '";" cannot be part of an address'),
    ('"ana"@example.org', '""" cannot be part of an address'),
    ("ana(work)@example.org", '"(" cannot be part of an address'),
    ("ana@[192.0.2.1]", '"[" cannot be part of an address'),
    ("mailto:ana@example.org", '":" cannot be part of an address'),
    ("ana\\@example.org", '"\\" cannot be part of an address'),
    ("a" * 65 + "@example.org", "the part before @ has 65 characters, at most 64"),
    ("ana@" + "d" * 64 + ".org", "a part of the domain has 64 characters, at most 63"),
    ("ana@" + "d." * 124 + "org", "it has 255 characters, at most 254"),  # too long
]


@pytest.mark.parametrize(("typed", "stored"), VALID, ids=[case[0][:30] for case in VALID])
def test_a_plausible_address_is_kept_as_typed_without_surrounding_spaces(typed, stored):
    assert normalise_email(typed) == stored
    assert normalise_email(stored) == stored  # normalising again changes nothing


@pytest.mark.parametrize("typed", ["", " ", "\t\n ", "\u3000"])
def test_empty_or_blank_means_no_address(typed):
    assert normalise_email(typed) == ""


@pytest.mark.parametrize(("typed", "phrase"), INVALID, ids=[case[0][:30] for case in INVALID])
def test_anything_but_one_plausible_address_is_refused_in_one_line(typed, phrase):
    with pytest.raises(EmailAddressError) as caught:
        normalise_email(typed)

    message = str(caught.value)
    assert phrase in message
    assert " is not an e-mail address: " in message
    assert message.startswith('"') and "\n" not in message and len(message) < 250


def test_the_message_quotes_the_address_as_typed_without_its_surrounding_spaces():
    with pytest.raises(EmailAddressError) as caught:
        normalise_email("  zoe@example ")

    assert str(caught.value) == (
        '"zoe@example" is not an e-mail address: the part after @ needs a dot, like name@example.org'
    )


def test_the_refusal_is_a_value_error_for_callers_outside_the_app():
    assert issubclass(EmailAddressError, ValueError)


# Plain address parts: what a generated address is made of.
_ATOM = st.text(string.ascii_letters + string.digits + "-_+", min_size=1, max_size=20)
_LABEL = st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9-]{0,10}[A-Za-z0-9])?", fullmatch=True)


@settings(derandomize=True, max_examples=300, deadline=None, database=None)
@given(st.text(max_size=80))
def test_any_text_is_either_refused_or_one_clean_address(text):
    try:
        stored = normalise_email(text)
    except EmailAddressError as refused:
        assert "\n" not in str(refused)
        return
    assert stored == text.strip()
    if stored:
        local, domain = stored.split("@")  # exactly one @
        assert local and "." in domain and len(stored) <= MAX_EMAIL_LENGTH
        assert not any(c.isspace() for c in stored)


@settings(derandomize=True, max_examples=200, deadline=None, database=None)
@given(st.lists(_ATOM, min_size=1, max_size=3), st.lists(_LABEL, min_size=2, max_size=4))
def test_every_plain_address_is_accepted_and_a_second_at_sign_is_not(locals_, labels):
    address = ".".join(locals_) + "@" + ".".join(labels)
    if len(address) > MAX_EMAIL_LENGTH:
        return
    assert normalise_email(f" {address} ") == address
    with pytest.raises(EmailAddressError, match="2 @ signs"):
        normalise_email(address + "@" + labels[-1])

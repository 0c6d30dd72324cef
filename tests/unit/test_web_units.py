"""The web chat's parts without Rasa: signed sessions and the REST token check."""

from __future__ import annotations

import time

import pytest

from channels import sessions
from channels.rest import NOT_CONFIGURED, RESERVED_SENDER, WRONG_TOKEN, refusal

SECRET = b"a test secret that is long enough"


def test_a_new_session_verifies_only_with_its_own_token():
    session_id, token = sessions.new_session(SECRET)
    other_id, other_token = sessions.new_session(SECRET)
    assert session_id != other_id and session_id.startswith("web-")
    assert sessions.is_valid(SECRET, session_id, token)
    assert not sessions.is_valid(SECRET, session_id, None)  # a copied id alone
    assert not sessions.is_valid(SECRET, session_id, other_token)  # someone else's token
    assert not sessions.is_valid(SECRET, session_id, token[:-1] + ("0" if token[-1] != "0" else "1"))
    assert not sessions.is_valid(b"another secret", session_id, token)  # after a restart with a new secret
    assert not sessions.is_valid(SECRET, "rest-user", sessions.sign(SECRET, "rest-user", int(time.time())))


def test_a_token_resumes_its_conversation_only_for_a_limited_time():
    issued = 1_800_000_000
    session_id, token = sessions.new_session(SECRET, now=issued)
    assert sessions.is_valid(SECRET, session_id, token, now=issued + 3600, max_age=12 * 3600)
    assert not sessions.is_valid(SECRET, session_id, token, now=issued + 12 * 3600 + 1, max_age=12 * 3600)
    assert not sessions.is_valid(SECRET, session_id, token, now=issued - 60)  # issued in the future
    # The time is part of what is signed: moving it forward breaks the signature.
    later = str(issued + 3600) + token[token.index(".") :]
    assert not sessions.is_valid(SECRET, session_id, later, now=issued + 3600)
    assert not sessions.is_valid(SECRET, session_id, "not-a-number." + token.split(".")[1], now=issued)


def test_the_session_lifetime_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ASF_SESSION_HOURS", "0.5")
    assert sessions.max_age_from_environment() == 1800
    monkeypatch.delenv("ASF_SESSION_HOURS")
    assert sessions.max_age_from_environment() == 12 * 3600


def test_the_secret_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ASF_SESSION_SECRET", "from-env")
    assert sessions.secret_from_environment() == b"from-env"
    monkeypatch.delenv("ASF_SESSION_SECRET")
    assert sessions.secret_from_environment() != sessions.secret_from_environment()  # random per start


@pytest.mark.parametrize(
    ("configured", "header", "sender", "expected"),
    [
        ("", "Bearer anything", "a", (403, NOT_CONFIGURED)),
        ("", None, "a", (403, NOT_CONFIGURED)),
        ("s3cret", None, "a", (401, WRONG_TOKEN)),
        ("s3cret", "Bearer wrong", "a", (401, WRONG_TOKEN)),
        ("s3cret", "s3cret", "a", (401, WRONG_TOKEN)),  # no scheme
        ("s3cret", "Basic s3cret", "a", (401, WRONG_TOKEN)),
        ("s3cret", "Bearer s3cret", "web-0123", (403, RESERVED_SENDER)),
        ("s3cret", "Bearer s3cret", "crm-42", None),
        ("s3cret", "bearer s3cret", None, None),
    ],
)
def test_rest_token_check(configured: str, header: str | None, sender: object, expected: object):
    assert refusal(configured, header, sender) == expected


def test_refusals_are_swedish_and_say_what_to_do():
    assert "ASF_REST_TOKEN" in NOT_CONFIGURED and "avstängd" in NOT_CONFIGURED
    assert "Authorization: Bearer" in WRONG_TOKEN

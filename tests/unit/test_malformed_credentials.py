"""Malformed credentials are refused, never a 500 (issue 19).

Sanic decodes request headers as UTF-8 with "surrogateescape", so bytes that are not
UTF-8 reach the checks as lone surrogates; JSON can carry them too ("\\udcff"). And
Python's int() and str.isdigit() accept digits from other scripts ("١٢", "²").
Each check must answer "no" to all of these instead of raising.
"""

from __future__ import annotations

import time

import pytest

from actions.gate import allowed
from channels import sessions
from channels.rest import WRONG_TOKEN, refusal
from channels.slack.security import is_authentic, signature

SURROGATE = b"s3cr\xffet".decode("utf-8", "surrogateescape")  # what Sanic makes of a non-UTF-8 header


@pytest.mark.parametrize("header", [f"Bearer {SURROGATE}", "Bearer sécret", "Bearer \udcff", "Bearer s3cret\u00a0é"])
def test_rest_token_that_is_not_utf8_is_a_401(header: str):
    assert refusal("s3cret", header, "crm-1") == (401, WRONG_TOKEN)


@pytest.mark.parametrize("supplied", [SURROGATE, "sécret", "\udcff"])
def test_action_token_that_is_not_utf8_is_refused(supplied: str):
    assert allowed(supplied, "s3cret") is False


def test_slack_signature_with_other_characters_or_digits_is_refused():
    now = time.time()
    stamp = str(int(now))
    body = b'{"type": "event_callback"}'
    good = signature("secret", stamp, body)
    assert is_authentic("secret", stamp, good, body, now)
    arabic_stamp = stamp.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    for timestamp, given in [
        (stamp, good[:-1] + "é"),
        (stamp, good[:-1] + "\udcff"),
        (stamp, "v0=ä"),
        (arabic_stamp, signature("secret", arabic_stamp, body)),
        (stamp + "\udcff", good),
    ]:
        assert is_authentic("secret", timestamp, given, body, now) is False


def test_session_tokens_with_odd_digits_or_characters_are_refused():
    secret = b"k" * 32
    session_id, token = sessions.new_session(secret)
    assert sessions.is_valid(secret, session_id, token)
    issued, _, mac = token.partition(".")
    arabic = issued.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    for sid, tok in [
        (session_id, f"{arabic}.{mac}"),
        (session_id, f"²³.{mac}"),
        (session_id, f"{issued}.{mac[:-1]}é"),
        (session_id, f"{issued}.{mac[:-1]}\udcff"),
        (session_id + "\udcff", token),
        (session_id + "é", token),
    ]:
        assert sessions.is_valid(secret, sid, tok) is False

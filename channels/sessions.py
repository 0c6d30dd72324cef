"""Signed web-chat sessions: a random session id and a token only the server can make.

The session id becomes Rasa's sender id, so it shows up in logs and in the
tracker store. The token never does: it is an HMAC of the id and the time it
was issued under a secret from the environment, and only the browser that was
given it can resume the conversation, for ASF_SESSION_HOURS (default 12).
Someone who copies or guesses an id gets a new, empty session.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import uuid

from asf import settings

DEFAULT_MAX_AGE = 12 * 3600
SENDER_PREFIX = "web-"  # socket.io sender ids; the REST channel refuses them


def secret_from_environment() -> bytes:
    """The signing secret; a random one (sessions then end with the process) when none is set."""
    value = settings.session_secret()
    return value.encode("utf-8") if value else secrets.token_bytes(32)


def max_age_from_environment() -> int:
    """How long a token may resume its conversation, in seconds (ASF_SESSION_HOURS, default 12)."""
    hours = settings.session_hours()
    return int(hours * 3600) if hours is not None else DEFAULT_MAX_AGE


def sign(secret: bytes, session_id: str, issued: int) -> str:
    """The token: when it was issued, and an HMAC of the id and that time."""
    mac = hmac.new(secret, f"asf-web-session:{session_id}:{issued}".encode(), hashlib.sha256).hexdigest()
    return f"{issued}.{mac}"


def new_session(secret: bytes, now: float | None = None) -> tuple[str, str]:
    """A fresh session id and its token."""
    session_id = SENDER_PREFIX + uuid.uuid4().hex
    return session_id, sign(secret, session_id, int(time.time() if now is None else now))


def is_valid(
    secret: bytes, session_id: object, token: object, now: float | None = None, max_age: int = DEFAULT_MAX_AGE
) -> bool:
    """True for the server's own token for this id, issued at most `max_age` seconds ago."""
    if not isinstance(session_id, str) or not isinstance(token, str) or not session_id.startswith(SENDER_PREFIX):
        return False
    if not (session_id.isascii() and token.isascii()):  # ours are; others (or lone surrogates) are refused
        return False
    issued_text, _, _ = token.partition(".")
    if not (issued_text.isascii() and issued_text.isdigit()):  # int() reads "١٢" and isdigit() takes "²"
        return False
    issued = int(issued_text)
    # A copied token stops working after a working day or so, not only when the secret changes.
    if not 0 <= (time.time() if now is None else now) - issued <= max_age:
        return False
    return hmac.compare_digest(sign(secret, session_id, issued).encode(), token.encode("utf-8", "surrogateescape"))

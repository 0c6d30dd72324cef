"""Signed web-chat sessions: a random session id and a token only the server can make.

The session id becomes Rasa's sender id, so it shows up in logs and in the
tracker store. The token never does: it is an HMAC of the id under a secret
from the environment, and only the browser that was given it can resume the
conversation. Someone who copies or guesses an id gets a new, empty session.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import uuid

SECRET_VARIABLE = "ASF_SESSION_SECRET"
SENDER_PREFIX = "web-"  # socket.io sender ids; the REST channel refuses them


def secret_from_environment() -> bytes:
    """The signing secret; a random one (sessions then end with the process) when none is set."""
    value = os.environ.get(SECRET_VARIABLE, "")
    return value.encode("utf-8") if value else secrets.token_bytes(32)


def sign(secret: bytes, session_id: str) -> str:
    return hmac.new(secret, f"asf-web-session:{session_id}".encode(), hashlib.sha256).hexdigest()


def new_session(secret: bytes) -> tuple[str, str]:
    """A fresh session id and its token."""
    session_id = SENDER_PREFIX + uuid.uuid4().hex
    return session_id, sign(secret, session_id)


def is_valid(secret: bytes, session_id: object, token: object) -> bool:
    if not isinstance(session_id, str) or not isinstance(token, str) or not session_id.startswith(SENDER_PREFIX):
        return False
    return hmac.compare_digest(sign(secret, session_id), token)

"""A shared secret in front of the action server, which has no authentication of its own.

Rasa sends the secret in a header (endpoints.yml, `action_endpoint.headers`);
every request but `/health` without the right value is refused. rasa-sdk loads
this through its plugin hook (rasa_sdk_plugins/), so `rasa run actions` cannot
start without it. An empty or missing ACTION_SERVER_TOKEN refuses everything.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

import pluggy
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from asf import settings

HEADER = "X-Action-Token"
TOKEN_VARIABLE = settings.ACTION_TOKEN_VARIABLE
OPEN_PATHS = frozenset({"/health"})  # run.sh and the channels' guard probe it; it tells nothing

logger = logging.getLogger(__name__)
hookimpl = pluggy.HookimplMarker("rasa_sdk")


def allowed(supplied: str | None, token: str) -> bool:
    """True when the request carries the token; compared in constant time."""
    if not token or supplied is None:
        return False
    # Sanic keeps header bytes that are not UTF-8 as surrogates; they must give False, not a 500.
    return hmac.compare_digest(supplied.encode("utf-8", "surrogateescape"), token.encode("utf-8"))


def attach_gate(app: Sanic, token: str) -> None:
    async def check(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS or allowed(request.headers.get(HEADER), token):
            return None
        # Logged without the header's value: a wrong guess is still close to a secret.
        logger.warning("Refused a request to %s without a valid %s header.", request.path, HEADER)
        return response.json({"error": "Åtkomst nekad: action-servern tar bara emot anrop från Rasa-servern."}, 401)

    app.register_middleware(check, "request")


@hookimpl
def attach_sanic_app_extensions(app: Sanic) -> None:
    token = settings.action_server_token()
    if not token:
        logger.error(
            "%s saknas: action-servern nekar alla anrop. Starta med scripts/run.sh (make run).", TOKEN_VARIABLE
        )
    attach_gate(app, token)


def init_hooks(manager: Any) -> None:
    """Called by rasa-sdk's plugin discovery (rasa_sdk_plugins.init_hooks)."""
    import sys

    manager.register(sys.modules[__name__])

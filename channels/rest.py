"""The REST channel for other systems: a token is required, personal data is masked.

Rasa's `--auth-token` protects only the HTTP API, not /webhooks/rest/webhook,
and the REST channel takes the sender id from the request body. So every
request here must carry `Authorization: Bearer <ASF_REST_TOKEN>`; without a
configured token the channel refuses everything.

REST conversations live in their own namespace: the client's `sender` is stored
(and answered to) as `rest-<sender>`, so a token holder cannot reach a Slack
(`slack-<user id>`), Teams (`teams-...`) or web-chat (`web-...`) conversation by
choosing its id. Web-chat ids are also refused outright, as before, with a
reason; a request without `sender` is refused rather than all landing in Rasa's
one shared "default" conversation.
"""

from __future__ import annotations

import hmac

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from asf import settings
from channels.core.connectors import MaskedRestInput
from channels.sessions import SENDER_PREFIX

TOKEN_VARIABLE = settings.REST_TOKEN_VARIABLE

NOT_CONFIGURED = (
    "REST-ingången är avstängd eftersom ingen token är inställd på servern. "
    "Den som driftar assistenten sätter ASF_REST_TOKEN och startar om."
)
WRONG_TOKEN = "Token saknas eller är fel. Skicka huvudet 'Authorization: Bearer <token>' med den token ni fått."
RESERVED_SENDER = f"Avsändar-id som börjar med '{SENDER_PREFIX}' hör till webbchatten och kan inte användas via REST."
MISSING_SENDER = (
    'Fältet "sender" saknas. Ange ett eget id per samtal, till exempel "crm-4711"; '
    "utan det skulle alla anrop hamna i samma samtal."
)
# Every REST sender id is stored under this prefix; the other channels' ids never start with it.
REST_PREFIX = "rest-"


def namespaced(sender: str) -> str:
    """The sender id Rasa stores for a REST client's `sender`."""
    return REST_PREFIX + sender


def refusal(configured: str, authorization: str | None, sender: object) -> tuple[int, str] | None:
    """Why a request is refused (HTTP status and Swedish message), or None when it may pass."""
    if not configured:
        return 403, NOT_CONFIGURED
    scheme, _, given = (authorization or "").partition(" ")
    # Header bytes that are not UTF-8 arrive as surrogates: a wrong token (401), never a 500.
    supplied = given.strip().encode("utf-8", "surrogateescape")
    if scheme.lower() != "bearer" or not hmac.compare_digest(supplied, configured.encode()):
        return 401, WRONG_TOKEN
    if isinstance(sender, str) and sender.startswith(SENDER_PREFIX):
        return 403, RESERVED_SENDER
    return None


class TokenRestInput(MaskedRestInput):
    async def _extract_sender(self, request: Request) -> str | None:
        sender = await super()._extract_sender(request)
        return namespaced(sender) if isinstance(sender, str) else sender

    def refusal(self, request: Request) -> HTTPResponse | None:
        try:
            body = request.json
        except Exception:  # unreadable JSON: the body check refuses it once the token is right
            body = None
        sender = body.get("sender") if isinstance(body, dict) else None
        refused = refusal(settings.rest_token(), request.headers.get("authorization"), sender)
        if refused is None and isinstance(body, dict) and sender is None and request.method == "POST":
            refused = 400, MISSING_SENDER
        if refused is None:
            return None
        status, text = refused
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return response.json({"error": text}, status=status, headers=headers)

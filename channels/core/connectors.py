"""What every channel hands Rasa, and the REST channel's base.

The mask is applied before Rasa sees the message, so neither NLU, the tracker
store nor Rasa's own logs ever hold the original text. Each channel also runs
the guard's checks (channels/core/guard.py): bodies that are not a message are
refused, and empty, overlong or unanswerable messages get a Swedish reply.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse

from asf.privacy import mask
from channels.core.guard import guarded, payload_error, sender_error

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

TOO_LARGE = "Anropet är för stort. Skicka ett kortare meddelande (högst några tusen tecken)."


def masked_values(value: Any) -> Any:
    """Every string inside `value` masked, keys included; clients may put anything in a message's metadata.

    A number that reads as personal data (198503121234 sent as a JSON number) becomes the marker.
    """
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {masked_values(key) if isinstance(key, str) else key: masked_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [masked_values(item) for item in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        masked = mask(str(value))
        return value if masked == str(value) else masked
    return value


def masking(on_new_message: OnNewMessage) -> OnNewMessage:
    async def handle(message: UserMessage) -> Any:
        if isinstance(message.text, str):
            message.text = mask(message.text)
        # Rasa stores the metadata with the user's event, so it is masked too.
        message.metadata = masked_values(message.metadata)
        return await on_new_message(message)

    return handle


def incoming(on_new_message: OnNewMessage) -> OnNewMessage:
    """What every channel hands Rasa: guarded, then masked."""
    return guarded(masking(on_new_message))


def json_body_error(request: Request, sender_key: str = "sender") -> HTTPResponse | None:
    """A 400 with a Swedish reason when a webhook's body is not a message; None when it is."""
    try:
        data = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nested too deep
        return response.json({"error": "Anropet ska vara JSON (UTF-8)."}, status=400)
    error = payload_error(data, sender_key) or sender_error(data.get(sender_key), sender_key)
    return None if error is None else response.json({"error": error}, status=400)


# The routes keep the names the parent gives them (/webhooks/rest/...).
class MaskedRestInput(RestInput):
    """Rasa's REST channel, reading only masked values out of the body.

    Rasa's handler keeps its own copy of the message text and logs it when the turn fails or the client
    disconnects mid-turn (`rest.message.received.timeout`, at ERROR). Masking only the UserMessage would
    leave that copy raw, so the text and metadata are masked where the handler reads them from the body.
    The body check has already refused sender ids with personal data, and the client's `input_channel`
    (stored with every event) is not used: messages here come from the REST channel.
    """

    def _extract_message(self, request: Request) -> str | None:
        text = super()._extract_message(request)
        return mask(text) if isinstance(text, str) else text

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        metadata = super().get_metadata(request)
        return masked_values(metadata) if metadata is not None else None

    def _extract_input_channel(self, request: Request) -> str:
        return str(self.name())

    def refusal(self, request: Request) -> HTTPResponse | None:
        """Subclasses refuse requests here (e.g. without a token), before the body is looked at."""
        return None

    def blueprint(self, on_new_message: OnNewMessage) -> Any:
        blueprint = super().blueprint(incoming(on_new_message))

        async def check_request(request: Request) -> HTTPResponse | None:
            refused = self.refusal(request)
            if refused is not None or request.method != "POST":
                return refused
            return json_body_error(request)

        blueprint.middleware(check_request, "request")  # only this blueprint's routes

        # Sanic refuses bodies over SANIC_REQUEST_MAX_SIZE with an English page; say it in Swedish.
        async def too_large(request: Request, error: Exception) -> HTTPResponse:
            return response.json({"error": TOO_LARGE}, status=413)

        blueprint.exception(PayloadTooLarge)(too_large)
        return blueprint

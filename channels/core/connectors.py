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

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.utils.endpoints import bool_arg
from sanic import Blueprint, response
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


class RestCollector(CollectingOutputChannel):
    """Rasa's collector of a REST turn's replies, which also hears the guard's "busy" (a 429)."""

    def __init__(self) -> None:
        super().__init__()
        self.busy: tuple[str, int] | None = None  # (text, seconds to wait) when the turn was refused

    async def send_busy(self, recipient_id: str, text: str, seconds: int) -> None:
        self.busy = (text, seconds)


def turn_response(collector: RestCollector) -> HTTPResponse:
    """The replies as Rasa's REST channel gives them; a refused turn is a 429 with Retry-After."""
    if collector.busy is not None:
        text, seconds = collector.busy
        return response.json({"error": text}, status=429, headers={"Retry-After": str(seconds)})
    return response.json(collector.messages)


# The routes keep the paths the parent gives them (/webhooks/rest/...).
class MaskedRestInput(RestInput):
    """Rasa's REST channel, reading only masked values out of the body.

    The route is this class's own (same paths, same answers) so that a turn the server is too busy to
    take is a 429 with Retry-After, not a 200. Its streamed variant (`?stream=true`) is still Rasa's,
    which keeps its own copy of the message text and logs it when a turn fails; so the text and
    metadata are masked where they are read from the body, not only in the UserMessage.
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
        # Rasa's own route answers 200 whatever happened; this one can say "busy" (429).
        handle = incoming(on_new_message)
        blueprint = Blueprint(f"custom_webhook_{type(self).__name__}", type(self).__module__)

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @blueprint.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Any:
            sender = await self._extract_sender(request)
            text = self._extract_message(request)
            channel = self._extract_input_channel(request)
            metadata = self.get_metadata(request)
            if bool_arg(request, "stream", default=False):  # Rasa's streamed answer, as before
                stream = self.stream_response(handle, text, sender, channel, metadata)
                return response.stream(stream, content_type="text/event-stream")
            collector = RestCollector()
            await handle(UserMessage(text, collector, sender, input_channel=channel, metadata=metadata))
            return turn_response(collector)

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

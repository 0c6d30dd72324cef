"""Rasa's REST and socket.io channels with personal data masked on the way in.

The mask is applied before Rasa sees the message, so neither NLU, the tracker
store nor Rasa's own logs ever hold the original text. Each channel also runs
the guard's checks (channels/guard.py): bodies that are not a message are
refused, and empty, overlong or unanswerable messages get a Swedish reply.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.privacy import mask
from channels.guard import guarded, payload_error

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def masking(on_new_message: OnNewMessage) -> OnNewMessage:
    async def handle(message: UserMessage) -> Any:
        if isinstance(message.text, str):
            message.text = mask(message.text)
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
    error = payload_error(data, sender_key)
    return None if error is None else response.json({"error": error}, status=400)


# The routes keep the names the parents give them (/webhooks/rest/..., socket.io).
class MaskedRestInput(RestInput):
    def blueprint(self, on_new_message: OnNewMessage) -> Any:
        blueprint = super().blueprint(incoming(on_new_message))

        async def check_body(request: Request) -> HTTPResponse | None:
            return json_body_error(request) if request.method == "POST" else None

        blueprint.middleware(check_body, "request")  # only this blueprint's routes
        return blueprint


class MaskedSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: OnNewMessage) -> Any:
        blueprint = super().blueprint(incoming(on_new_message))
        sio, namespace = self.sio, self.namespace or "/"
        assert sio is not None  # the parent has just made it
        handle_message = sio.handlers[namespace][self.user_message_evt]

        async def checked(sid: str, data: Any) -> None:
            # The parent would fail on anything but a dict, and the client would hear nothing.
            error = payload_error(data, "session_id", self.metadata_key)
            if error is None and self.session_persistence and not data.get("session_id"):
                error = 'Fältet "session_id" saknas: skicka "session_request" först.'
            if error is not None:
                await sio.emit(self.bot_message_evt, {"text": error}, room=sid, namespace=self.namespace)
                return
            await handle_message(sid, data)

        sio.on(self.user_message_evt, checked, namespace=self.namespace)
        return blueprint

"""Rasa's REST and socket.io channels with personal data masked on the way in.

The mask is applied before Rasa sees the message, so neither NLU, the tracker
store nor Rasa's own logs ever hold the original text.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput

from actions.privacy import mask

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def masking(on_new_message: OnNewMessage) -> OnNewMessage:
    async def handle(message: UserMessage) -> Any:
        if isinstance(message.text, str):
            message.text = mask(message.text)
        return await on_new_message(message)

    return handle


# The routes keep the names the parents give them (/webhooks/rest/..., socket.io).
class MaskedRestInput(RestInput):
    def blueprint(self, on_new_message: OnNewMessage) -> Any:
        return super().blueprint(masking(on_new_message))


class MaskedSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: OnNewMessage) -> Any:
        return super().blueprint(masking(on_new_message))

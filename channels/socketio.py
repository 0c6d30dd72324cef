"""The web chat's socket.io channel: signed sessions, personal data masked.

Rasa's own SocketIOInput lets the client choose its session id: anyone who
knows an id can join that conversation. Here the server hands out the id
together with a signed token (channels/sessions.py), binds the id to the
socket, and takes the sender id from that binding, never from the message.

A browser may connect only from the pages in ASF_ALLOWED_ORIGINS (engine.io
refuses another Origin with 400), and each connection and each session may send
ASF_MESSAGES_PER_MINUTE messages (after a burst of ASF_MESSAGES_BURST); more get
a Swedish "försök igen om en stund" and never reach Rasa.

Protocol (client -> server, then server -> client):
  session_request {"session_id"?, "session_token"?}
      -> session_confirm {"session_id", "session_token", "resumed"}
         resumed is false when no valid pair was sent: a new conversation.
  user_uttered {"message"}  (after session_confirm)
      -> bot_uttered {"text", "buttons"?, "progress"?} or {"custom": {...}}
         progress {"number", "at_most", "text"} comes with each question of an assessment.
      or, when the server runs as many turns as it may (channels/core/admission.py),
      -> busy {"text", "retry_after", "message"}: the message (as sent) was not taken and
         nothing of it stored; send it again after retry_after seconds (the web chat does).
"""

from __future__ import annotations

import inspect
import logging
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from asf import settings
from channels import sessions
from channels.core.connectors import OnNewMessage, incoming
from channels.core.guard import payload_error
from channels.core.rate_limit import TokenBuckets
from channels.core.sanic_compat import install as install_sanic_websocket_fix

logger = logging.getLogger(__name__)

# Without it, the page's WebSocket fails on Python 3.11 (channels/core/sanic_compat.py).
install_sanic_websocket_fix()

TOO_FAST = (
    "Du skickar meddelanden tätare än assistenten hinner ta emot, så det senaste har inte sparats. "
    "Vänta några sekunder och försök igen om en stund, så fortsätter du där du var."
)


BUSY_EVENT = "busy"


class WebChatOutput(SocketIOOutput):
    """One event per bot message, in the same shape as the REST channel's replies.

    Rasa's parent splits texts at blank lines and passes custom payloads to
    `emit` as keyword arguments, which breaks on payloads like ours.
    """

    def __init__(self, sio: AsyncServer, bot_message_evt: str, sent: str = "") -> None:
        super().__init__(sio, bot_message_evt)
        self.sent = sent  # the user's message as the client sent it, handed back when it is refused

    async def send_busy(self, recipient_id: str, text: str, seconds: int) -> None:
        busy = {"text": text, "retry_after": seconds, "message": self.sent}
        await self.sio.emit(BUSY_EVENT, busy, room=recipient_id)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"text": text, **_progress(kwargs)})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        shown = [{"title": b["title"], "payload": b["payload"]} for b in buttons]
        await self._send_message(recipient_id, {"text": text, "buttons": shown, **_progress(kwargs)})

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


def _progress(extra: dict[str, Any]) -> dict[str, Any]:
    """A question's progress (asf/guidance/progress.py), which the action sends beside the text."""
    progress = extra.get("progress")
    return {"progress": progress} if isinstance(progress, dict) else {}


async def _maybe_await(value: Any) -> None:
    # enter_room/leave_room are plain calls in python-socketio 5.9 and coroutines from 5.10 on.
    if inspect.isawaitable(value):
        await value


class SignedSocketIOInput(SocketIOInput):
    """socket.io with server-issued, signed session ids (credentials: the parent's keys)."""

    def get_output_channel(self) -> WebChatOutput | None:
        return WebChatOutput(self.sio, self.bot_message_evt) if self.sio is not None else None

    def blueprint(self, on_new_message: OnNewMessage) -> Any:
        secret = sessions.secret_from_environment()
        max_age = sessions.max_age_from_environment()
        handle = incoming(on_new_message)
        namespace = self.namespace
        # The signed session decides who may join a conversation; the Origin check keeps other web
        # sites' pages from opening the chat in a visitor's browser. A client that sends no Origin
        # (not a browser) is let through to the session check. None: only the Rasa server's own origin.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=settings.allowed_origins() or None)
        limit = settings.RateLimit.from_env()
        per_connection, per_session = TokenBuckets(limit), TokenBuckets(limit)
        self.sio = sio
        webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        async def too_fast(sid: str) -> None:
            await sio.emit(self.bot_message_evt, {"text": TOO_FAST}, room=sid, namespace=namespace)

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: str, *_: Any) -> None:  # newer python-socketio also passes a reason
            per_connection.forget(sid)

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Any) -> None:
            if not per_connection.allow(sid):
                return await too_fast(sid)
            asked = data if isinstance(data, dict) else {}
            session_id, token = asked.get("session_id"), asked.get("session_token")
            resumed = sessions.is_valid(secret, session_id, token, max_age=max_age)
            if not resumed:
                if session_id:
                    logger.info("socket.io: refused a session id without a valid token; a new session was given")
                session_id, token = sessions.new_session(secret)
            old = (await sio.get_session(sid, namespace=namespace)).get("session_id")
            if old and old != session_id:
                await _maybe_await(sio.leave_room(sid, old, namespace=namespace))
            await sio.save_session(sid, {"session_id": session_id}, namespace=namespace)
            await _maybe_await(sio.enter_room(sid, session_id, namespace=namespace))
            confirm = {"session_id": session_id, "session_token": token, "resumed": resumed}
            await sio.emit("session_confirm", confirm, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def user_message(sid: str, data: Any) -> None:
            session_id = (await sio.get_session(sid, namespace=namespace)).get("session_id")
            if not session_id:
                return  # no confirmed session on this socket: nothing is said on anyone's behalf
            # Per session too: several sockets resuming one session share its budget.
            if not (per_connection.allow(sid) and per_session.allow(session_id)):
                return await too_fast(sid)
            error = payload_error(data, "session_id", self.metadata_key)
            if error is not None:
                await sio.emit(self.bot_message_evt, {"text": error}, room=sid, namespace=namespace)
                return
            # Empty, overlong and other messages the guard answers itself (channels/core/guard.py).
            text = data.get("message") or ""
            message = UserMessage(
                text,
                WebChatOutput(sio, self.bot_message_evt, sent=text),
                session_id,
                input_channel=self.name(),
            )
            await handle(message)

        return webhook

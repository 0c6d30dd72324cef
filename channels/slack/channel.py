"""Slack, configured from environment variables.

The route stays Rasa's: POST /webhooks/slack/webhook, for both Event
Subscriptions and Interactivity. Every request's signature is checked with
slack_sdk's SignatureVerifier (channels/slack/security.py), each event is answered
once even when Slack retries it, and Slack gets its acknowledgement at once while
the answer is worked out and posted in the background (Slack retries after three
seconds). With SLACK_APP_TOKEN the same events also come over Socket Mode
(channels/slack/socket_mode.py), for servers Slack cannot reach.

Each person has one Rasa conversation per channel or direct message, so an
assessment made in private never continues, or shows its result, in a channel.
Mentioned in a channel, the assistant answers in a thread under the mention.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.slack import SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.socket_mode.aiohttp import SocketModeClient

from asf import settings
from channels.core.collector import TurnCollector
from channels.core.connectors import OnNewMessage, incoming
from channels.core.keyed_lock import KeyedLock
from channels.core.markup import unescape_slack
from channels.core.outgoing import plan
from channels.slack import socket_mode
from channels.slack.api import API_URL, SlackApi
from channels.slack.blocks import SlackFile, answered, outputs
from channels.slack.security import is_authentic, seen_events

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Clicked:
    """The message whose button was clicked: its buttons give way to the choice."""

    ts: str
    text: str
    blocks: list[dict[str, Any]]
    title: str


@dataclass(frozen=True)
class Turn:
    """A message to answer: what was said or clicked, by whom, where, and in which thread."""

    text: str
    user: str
    channel: str
    thread_ts: str | None = None
    clicked: Clicked | None = None


NOT_CONFIGURED = "Slack-kanalen är inte inställd: SLACK_BOT_TOKEN och SLACK_SIGNING_SECRET saknas på servern."
_MENTION = re.compile(r"<@[A-Z0-9]+>")


def conversation_id(channel: str, user: str) -> str:
    """One Rasa conversation per person and channel (or direct message), without storing Slack's ids."""
    return "slack-" + hashlib.sha256(f"{channel}|{user}".encode()).hexdigest()[:32]


def _is_person_writing(event: dict[str, Any]) -> bool:
    """A person writing to the bot: a direct message or an @-mention, not the bot's own posts or edits."""
    if event.get("bot_id") or event.get("subtype") or not event.get("text") or not event.get("user"):
        return False
    if not event.get("channel"):
        return False
    direct = event.get("type") == "message" and event.get("channel_type") == "im"
    return direct or event.get("type") == "app_mention"


def _thread(event: dict[str, Any]) -> str | None:
    """Where to answer: in the thread the person wrote in, and under a mention in a channel."""
    thread = event.get("thread_ts")
    if isinstance(thread, str) and thread:
        return thread
    if event.get("type") == "app_mention" and isinstance(event.get("ts"), str):
        return str(event["ts"])
    return None  # a direct message: answered in the conversation itself


class SlackChannel(SlackInput):
    """Rasa's slack channel, rebuilt around settings from the environment and slack_sdk."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def __init__(self) -> None:
        # The parent's __init__ insists on credentials.yml values; not called.
        found = settings.slack(API_URL)
        self.token = found.bot_token
        self.secret = found.signing_secret
        self.app_token = found.app_token
        self.configured = bool(self.token and self.secret)
        if not self.configured and not (self.token and self.app_token):
            logger.warning("Slack channel not configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): refusing requests.")
        self.api = SlackApi(self.token, found.api_url)
        self.seen = seen_events(settings.redis())
        self.turns = KeyedLock()
        self.socket: SocketModeClient | None = None
        self._handle: OnNewMessage | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        self._handle = incoming(on_new_message)
        webhook = Blueprint("slack_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.configured or self.socket else "not configured"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.configured:
                logger.warning("Refused a Slack request: the channel is not configured.")
                return response.text(NOT_CONFIGURED, status=503)
            body: bytes = request.body
            headers = request.headers
            if not is_authentic(
                self.secret, headers.get("X-Slack-Request-Timestamp"), headers.get("X-Slack-Signature"), body
            ):
                logger.warning("Refused a Slack request: missing, wrong or stale signature.")
                return response.text("Begäran är inte signerad av Slack.", status=401)
            if (headers.get("content-type") or "").startswith("application/x-www-form-urlencoded"):
                try:
                    payload = json.loads(parse_qs(body.decode())["payload"][0])
                except (KeyError, IndexError, ValueError, RecursionError):
                    return response.text("Begäran saknar payload.", status=400)
                if not isinstance(payload, dict):
                    return response.text("Begäran saknar payload.", status=400)
                self.interaction(payload)
                return response.text("")
            try:
                envelope = json.loads(body)
            except (ValueError, RecursionError):  # RecursionError: nested too deep
                envelope = None
            if not isinstance(envelope, dict):
                return response.text("Begäran saknar JSON.", status=400)
            if envelope.get("type") == "url_verification":
                return response.json({"challenge": envelope.get("challenge", "")})
            if not self.event(envelope):
                logger.info("Slack retry %s of an event: already answered.", headers.get("X-Slack-Retry-Num"))
                return response.text("", headers={"X-Slack-No-Retry": "1"})
            return response.text("")

        @webhook.listener("after_server_start")
        async def open_socket(*_: Any) -> None:
            if self.token and self.app_token:
                # In the background: the server starts serving even while Slack cannot be reached.
                task = asyncio.create_task(self._open_socket())
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

        @webhook.listener("after_server_stop")
        async def close(*_: Any) -> None:
            if self.socket is not None:
                await self.socket.close()  # type: ignore[no-untyped-call]

        return webhook

    async def _open_socket(self) -> None:
        try:
            self.socket = await socket_mode.connect(self.app_token, self.api.client, self.event, self.interaction)
        except Exception as error:  # the HTTP route still works; say why Socket Mode does not
            logger.error("Could not open Slack's Socket Mode: %s", error)

    def event(self, envelope: dict[str, Any]) -> bool:
        """An Events API envelope (over HTTP or Socket Mode); False when it was answered before."""
        if not isinstance(envelope, dict) or envelope.get("type") != "event_callback":
            return True
        event_id = str(envelope.get("event_id", ""))
        if event_id and not self.seen.first_time(event_id):
            return False
        event = envelope.get("event") or {}
        if isinstance(event, dict) and _is_person_writing(event):
            text = unescape_slack(_MENTION.sub(" ", str(event["text"]))).strip()
            if text:
                self._start(Turn(text, str(event["user"]), str(event["channel"]), _thread(event)))
        return True

    def interaction(self, payload: dict[str, Any]) -> None:
        """A click on one of the assistant's buttons (Slack's block_actions payload)."""
        if not isinstance(payload, dict):
            return
        actions = payload.get("actions") or []
        user = (payload.get("user") or {}).get("id")
        channel = (payload.get("channel") or {}).get("id")
        if payload.get("type") != "block_actions" or not actions or not user or not channel:
            return
        action = actions[0]
        key = f"action:{user}:{action.get('action_ts')}:{action.get('action_id')}"
        if not isinstance(action.get("value"), str) or not self.seen.first_time(key):
            return
        message = payload.get("message") or {}
        title = (action.get("text") or {}).get("text")
        clicked = None
        if message.get("ts") and isinstance(message.get("blocks"), list) and isinstance(title, str):
            clicked = Clicked(str(message["ts"]), str(message.get("text", "")), message["blocks"], title)
        thread = (payload.get("container") or {}).get("thread_ts") or message.get("thread_ts")
        thread_ts = thread if isinstance(thread, str) else None
        self._start(Turn(action["value"], str(user), str(channel), thread_ts, clicked))

    def _start(self, turn: Turn) -> None:
        task = asyncio.create_task(self._answer(turn))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _answer(self, turn: Turn) -> None:
        assert self._handle is not None, "blueprint() sets the handler before any event arrives"
        sender = conversation_id(turn.channel, turn.user)
        async with self.turns.hold(sender):
            if turn.clicked is not None:
                try:
                    blocks = answered(turn.clicked.blocks, turn.clicked.title)
                    await self.api.update_message(turn.channel, turn.clicked.ts, turn.clicked.text, blocks)
                except Exception as error:  # the answer matters more than tidying the question
                    logger.warning("Could not mark a Slack question as answered: %s", error)
            collector = TurnCollector(self.name())
            try:
                await self._handle(UserMessage(turn.text, collector, sender, input_channel=self.name()))
                for output in outputs(plan(collector.messages)):
                    if isinstance(output, SlackFile):
                        await self.api.upload_file(
                            turn.channel, output.filename, output.content, output.title, turn.thread_ts
                        )
                    else:
                        await self.api.post_message(turn.channel, output.text, output.blocks, turn.thread_ts)
            except Exception as error:  # in a background task nobody else would see it
                logger.error("Could not answer a Slack message: %s", error)

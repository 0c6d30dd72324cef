"""Slack, configured from environment variables.

The route stays Rasa's: POST /webhooks/slack/webhook, for both Event
Subscriptions and Interactivity. Every request's signature is checked
(channels/slack/security.py), each event is answered once even when Slack
retries it, and Slack gets its acknowledgement at once while the answer is
worked out and posted in the background (Slack retries after three seconds).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.slack import SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from asf import settings
from channels.core.connectors import OnNewMessage, incoming
from channels.core.markup import unescape_slack
from channels.core.outgoing import TurnCollector, plan
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


NOT_CONFIGURED = "Slack-kanalen är inte inställd: SLACK_BOT_TOKEN och SLACK_SIGNING_SECRET saknas på servern."
_MENTION = re.compile(r"<@[A-Z0-9]+>")


class SlackChannel(SlackInput):
    """Rasa's slack channel, rebuilt around settings from the environment."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def __init__(self) -> None:
        # The parent's __init__ insists on credentials.yml values; not called.
        found = settings.slack(API_URL)
        self.token = found.bot_token
        self.secret = found.signing_secret
        self.configured = bool(self.token and self.secret)
        if not self.configured:
            logger.warning("Slack channel not configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): refusing requests.")
        self.api = SlackApi(self.token, found.api_url)
        self.seen = seen_events(settings.redis())
        self._tasks: set[asyncio.Task[None]] = set()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        handle = incoming(on_new_message)
        webhook = Blueprint("slack_webhook", __name__)

        def start(text: str, user: str, channel: str, clicked: Clicked | None = None) -> None:
            task = asyncio.create_task(self._answer(handle, text, user, channel, clicked))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.configured else "not configured"})

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
                return self._interaction(body, start)
            try:
                envelope = json.loads(body)
            except (ValueError, RecursionError):  # RecursionError: nested too deep
                envelope = None
            if not isinstance(envelope, dict):
                return response.text("Begäran saknar JSON.", status=400)
            if envelope.get("type") == "url_verification":
                return response.json({"challenge": envelope.get("challenge", "")})
            if envelope.get("type") != "event_callback":
                return response.text("")
            event_id = str(envelope.get("event_id", ""))
            if event_id and not self.seen.first_time(event_id):
                logger.info("Slack retry %s of event %s: already answered.", headers.get("X-Slack-Retry-Num"), event_id)
                return response.text("", headers={"X-Slack-No-Retry": "1"})
            event = envelope.get("event") or {}
            if self._is_person_writing(event):
                text = unescape_slack(_MENTION.sub(" ", str(event["text"]))).strip()
                if text:
                    start(text, str(event["user"]), str(event["channel"]))
            return response.text("")

        @webhook.listener("after_server_stop")
        async def close(*_: Any) -> None:
            await self.api.close()

        return webhook

    @staticmethod
    def _is_person_writing(event: dict[str, Any]) -> bool:
        """A person writing to the bot: a direct message or an @-mention, not the bot's own posts or edits."""
        if event.get("bot_id") or event.get("subtype") or not event.get("text") or not event.get("user"):
            return False
        if not event.get("channel"):
            return False
        direct = event.get("type") == "message" and event.get("channel_type") == "im"
        return direct or event.get("type") == "app_mention"

    def _interaction(self, body: bytes, start: Callable[..., None]) -> HTTPResponse:
        """A click on one of the assistant's buttons (Slack's block_actions payload)."""
        try:
            payload = json.loads(parse_qs(body.decode())["payload"][0])
        except (KeyError, IndexError, ValueError, RecursionError):
            return response.text("Begäran saknar payload.", status=400)
        if not isinstance(payload, dict):
            return response.text("Begäran saknar payload.", status=400)
        actions = payload.get("actions") or []
        user = (payload.get("user") or {}).get("id")
        channel = (payload.get("channel") or {}).get("id")
        if payload.get("type") != "block_actions" or not actions or not user or not channel:
            return response.text("")
        action = actions[0]
        key = f"action:{user}:{action.get('action_ts')}:{action.get('action_id')}"
        if isinstance(action.get("value"), str) and self.seen.first_time(key):
            message = payload.get("message") or {}
            title = (action.get("text") or {}).get("text")
            clicked = None
            if message.get("ts") and isinstance(message.get("blocks"), list) and isinstance(title, str):
                clicked = Clicked(str(message["ts"]), str(message.get("text", "")), message["blocks"], title)
            start(action["value"], str(user), str(channel), clicked)
        return response.text("")

    async def _answer(
        self, handle: OnNewMessage, text: str, user: str, channel: str, clicked: Clicked | None = None
    ) -> None:
        collector = TurnCollector(self.name())
        if clicked is not None:
            try:
                blocks = answered(clicked.blocks, clicked.title)
                await self.api.update_message(channel, clicked.ts, clicked.text, blocks)
            except Exception as error:  # the answer matters more than tidying the question
                logger.warning("Could not mark a Slack question as answered: %s", error)
        try:
            await handle(UserMessage(text, collector, f"slack-{user}", input_channel=self.name()))
            for output in outputs(plan(collector.messages)):
                if isinstance(output, SlackFile):
                    await self.api.upload_file(channel, output.filename, output.content, output.title)
                else:
                    await self.api.post_message(channel, output.text, output.blocks)
        except Exception as error:  # in a background task nobody else would see it
            logger.error("Could not answer a Slack message: %s", error)

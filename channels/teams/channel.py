"""Microsoft Teams through the Bot Framework, configured from environment variables.

The route stays Rasa's: POST /webhooks/botframework/webhook. Unlike Rasa 3.6's
channel it works with single-tenant registrations (TEAMS_TENANT_ID), verifies
the token's issuer and serviceUrl as well as audience and expiry
(channels/teams/auth.py), and never blocks the server (aiohttp throughout).

The Bot Framework gives up on a webhook that has not answered within 15 seconds
(and may send the message again), so the request is answered as soon as its
token is checked and the turn runs after: a typing activity first, then the
clicked question's buttons replaced by the choice (channels/teams/answered.py),
then the replies, each posted to the conversation's serviceUrl.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import logging
import re
from typing import Any

from rasa.core.channels.botframework import BotFrameworkInput
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from asf import settings
from channels.core.collector import TurnCollector
from channels.core.connectors import OnNewMessage, incoming
from channels.core.keyed_lock import KeyedLock
from channels.core.outgoing import plan
from channels.teams.answered import SentCards, answered
from channels.teams.auth import OPENID_URL, KeyCache, Refused, verify
from channels.teams.cards import activities
from channels.teams.client import LOGIN_URL, Connector, TeamsSettings

logger = logging.getLogger(__name__)

NOT_CONFIGURED = "Teams-kanalen är inte inställd: TEAMS_APP_ID och TEAMS_APP_PASSWORD saknas på servern."


def settings_from_env() -> TeamsSettings | None:
    found = settings.teams(LOGIN_URL, OPENID_URL)
    if found is None:
        return None
    return TeamsSettings(
        app_id=found.app_id,
        app_password=found.app_password,
        tenant_id=found.tenant_id,
        login_url=found.login_url,
        openid_url=found.openid_url,
    )


_MENTION = re.compile(r"<at>.*?</at>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def user_text(activity: dict[str, Any]) -> str:
    """What the user wrote or clicked, without @-mentions of the bot or Teams' HTML."""
    text = activity.get("text")
    value = activity.get("value")
    if not (isinstance(text, str) and text.strip()) and isinstance(value, dict):
        text = value.get("asf_payload")  # an Adaptive Card button, on clients that send no text
    if not isinstance(text, str):
        return ""
    return html.unescape(_TAG.sub("", _MENTION.sub("", text))).strip()


GREETING = "/greet"  # what the bot "hears" when it is added, so it introduces itself


def bot_was_added(activity: dict[str, Any]) -> bool:
    """Teams says so with a conversationUpdate naming the bot among the added members."""
    if activity.get("type") != "conversationUpdate":
        return False
    bot = (activity.get("recipient") or {}).get("id")
    added = activity.get("membersAdded") or []
    return bool(bot) and any(isinstance(member, dict) and member.get("id") == bot for member in added)


def clicked_title(activity: dict[str, Any]) -> str | None:
    """The title of the assistant's button this message is a click on, or None for a typed message."""
    value = activity.get("value")
    title = value.get("asf_title") if isinstance(value, dict) else None
    return title if isinstance(title, str) and title and activity.get("replyToId") else None


def sender_id(activity: dict[str, Any]) -> str:
    """One Rasa conversation per Teams user and Teams conversation, without storing Teams' ids."""
    key = f"{activity['conversation']['id']}|{activity['from']['id']}"
    return "teams-" + hashlib.sha256(key.encode()).hexdigest()[:32]


class TeamsChannel(BotFrameworkInput):
    """Rasa's botframework channel, rebuilt around settings from the environment."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def __init__(self) -> None:
        # The parent's __init__ fetches keys with blocking requests at start-up; not called.
        self.settings = settings_from_env()
        if self.settings is None:
            logger.warning("Teams channel not configured (TEAMS_APP_ID, TEAMS_APP_PASSWORD): refusing requests.")
            return
        self.app_id = self.settings.app_id
        self.keys = KeyCache(self.settings.openid_url)
        self.connector = Connector(self.settings)
        self.sent = SentCards()
        self.turns = KeyedLock()
        self._tasks: set[asyncio.Task[None]] = set()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        handle = incoming(on_new_message)
        webhook = Blueprint("teams_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.settings else "not configured"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.settings is None:
                logger.warning("Refused a Teams request: the channel is not configured.")
                return response.text(NOT_CONFIGURED, status=503)
            try:
                activity = request.json
            except Exception:  # Sanic's own error page for unreadable JSON is English
                activity = None
            if not isinstance(activity, dict):
                return response.text("Begäran saknar en aktivitet i JSON.", status=400)
            try:
                await verify(request.headers.get("Authorization"), activity, self.settings.app_id, self.keys)
            except Refused as why:
                logger.warning("Refused a Teams request: %s", why)
                return response.text("Begäran kunde inte verifieras.", status=401)
            if not {"conversation", "from", "serviceUrl"} <= activity.keys():
                return response.text("", status=200)
            text = (
                GREETING
                if bot_was_added(activity)
                else user_text(activity)
                if activity.get("type") == "message"
                else ""
            )
            if not text:
                return response.text("", status=200)
            # Answered now, handled after: a slow turn never runs past the Bot Framework's time limit.
            task = asyncio.create_task(self._turn(handle, activity, text))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return response.text("", status=200)

        @webhook.listener("after_server_stop")
        async def close(*_: Any) -> None:
            if self.settings is not None:
                await self.connector.close()

        return webhook

    async def _turn(self, handle: OnNewMessage, activity: dict[str, Any], text: str) -> None:
        """One message handled and answered, after the webhook has answered the Bot Framework."""
        sender = sender_id(activity)
        conversation = str(activity["conversation"]["id"])
        async with self.turns.hold(sender):
            try:
                await self.connector.post(activity, {"type": "typing"})
            except Exception as error:  # the answer matters more than the typing indicator
                logger.warning("Could not show Teams that the assistant is typing: %s", error)
            try:
                await self._mark_answered(activity)
                collector = TurnCollector(self.name())
                await handle(UserMessage(text, collector, sender, input_channel=self.name()))
                for reply in activities(plan(collector.messages)):
                    sent_id = await self.connector.post(activity, reply)
                    if sent_id:
                        self.sent.remember(conversation, sent_id, reply)
            except Exception as error:  # in a background task nobody else would see it
                logger.error("Could not answer a Teams message: %s", error)

    async def _mark_answered(self, activity: dict[str, Any]) -> None:
        """A click: the question it answers shows the choice instead of its buttons."""
        title = clicked_title(activity)
        if title is None:
            return
        question_id = str(activity["replyToId"])
        question = self.sent.take(str(activity["conversation"]["id"]), question_id)
        if question is None:
            return
        try:
            await self.connector.update(activity, question_id, answered(question, title))
        except Exception as error:  # the answer matters more than tidying the question
            logger.warning("Could not mark a Teams question as answered: %s", error)

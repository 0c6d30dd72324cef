"""What every channel checks before and around Rasa's handling of a message.

- A request body that is not the JSON object a channel expects is refused with
  a Swedish error (`payload_error`), instead of a 500 from deep inside Rasa.
- Empty, overlong and English messages, and Rasa's own commands (/restart,
  /back, /session_start), get a Swedish answer and never reach Rasa.
- When the server already runs as many turns as it may (channels/core/admission.py),
  the message is refused at once with a Swedish "upptaget", before anything is
  stored; the channel says so in its own way (REST: HTTP 429 with Retry-After).
- If the action server does not answer its health check, or handling takes
  longer than the time limit, the user gets a Swedish message. Rasa saves the
  tracker only after a whole turn has run, so a refused or cancelled turn leaves
  nothing half-written: the user sends the answer again and goes on at the same
  question.
- The time limit counts from when the turn starts: after the conversation's
  earlier turn in this server is done, not from when the message arrived.

Rasa itself would swallow a failed action (no reply at all) and wait five
minutes on a hanging one.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
import unicodedata
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, runtime_checkable

import aiohttp
from rasa.core.channels.channel import UserMessage

from asf import settings
from asf.privacy import mask, masked_kinds
from asf.settings import Limits
from channels.core import admission as gate
from channels.core.admission import Admission
from channels.core.http_session import HttpSession
from channels.core.keyed_lock import KeyedLock
from channels.core.language import looks_english

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
Probe = Callable[[], Awaitable[bool]]

logger = logging.getLogger(__name__)

# Rasa's built-in intents, which a client can send as "/restart" and so on: they rewind or wipe
# the conversation outside the dialogue and answer nothing. The buttons never send them.
# Whitespace after the slash ("/ restart", "/\tback") and other letter cases count too; the text is
# read in NFKC, so a full-width "／restart" does as well.
RASA_COMMANDS = re.compile(r"\s*/\s*(?:restart|back|session_start)(?!\w)", re.IGNORECASE)
# Control characters other than tab and newline: PostgreSQL refuses NUL in text, and none is ever meant.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MAX_SENDER_CHARS = 128  # Rasa's SQL tracker store keeps sender ids in a varchar(255)
# Metadata is stored with every user event and masked string by string; a few kilobytes is plenty for
# what a system sends along (a case id, a source), and a limit keeps one request from costing much.
MAX_METADATA_BYTES = 4096

EMPTY = "Jag fick ett tomt meddelande. Skriv din fråga eller ditt svar, så fortsätter vi."
TOO_LONG = (
    "Meddelandet är för långt ({length} tecken) och har inte sparats. Skriv högst {limit} tecken, "
    "gärna en mening eller två, så fortsätter vi där vi var."
)
UNAVAILABLE = (
    "Assistenten kan inte svara just nu eftersom en del av tjänsten inte är igång. Ditt meddelande har "
    "inte sparats. Skicka det igen om en stund, så fortsätter du där du var."
)
BUSY = (
    "Det är upptaget just nu: många frågar samtidigt. Ditt meddelande har inte sparats. Skicka det igen "
    "om några sekunder, så fortsätter du där du var."
)
TOO_SLOW = (
    "Det tog för lång tid att få fram svaret, så jag avbröt. Ditt meddelande har inte sparats. Skicka det "
    "igen om en stund, så fortsätter du där du var."
)
ENGLISH = (
    "Jag förstår bara svenska. Skriv gärna din fråga eller ditt svar på svenska, så fortsätter vi där vi var. "
    "(This assistant only understands Swedish.)"
)
COMMAND = (
    'Det kommandot finns inte här. Skriv "börja om" för att börja om, eller "tillbaka" för att gå till förra frågan.'
)
NO_REPLY = "Jag fick inte fram något svar just nu. Dina tidigare svar finns kvar; skicka meddelandet igen om en stund."
FAILED = (
    'Något gick fel när jag skulle svara, och ditt meddelande har inte sparats. Försök igen, eller skriv "börja om".'
)


def payload_error(data: object, sender_key: str, metadata_key: str = "metadata") -> str | None:
    """Why a channel's decoded JSON body cannot be a message (in Swedish), or None if it can."""
    if not isinstance(data, dict):
        return "Anropet ska vara ett JSON-objekt med fälten sender och message."
    message = data.get("message")
    if message is not None and not isinstance(message, str):
        return 'Fältet "message" ska vara text.'
    sender = data.get(sender_key)
    if sender is not None and (not isinstance(sender, str) or not 0 < len(sender) <= MAX_SENDER_CHARS):
        return f'Fältet "{sender_key}" ska vara text med 1 till {MAX_SENDER_CHARS} tecken.'
    metadata = data.get(metadata_key)
    if metadata is not None and not isinstance(metadata, dict):
        return f'Fältet "{metadata_key}" ska vara ett JSON-objekt.'
    if metadata is not None and _json_bytes(metadata) > MAX_METADATA_BYTES:
        return (
            f'Fältet "{metadata_key}" är för stort. Skicka högst {_number(MAX_METADATA_BYTES)} byte metadata '
            "(som JSON), till exempel ett ärende-id, inte hela dokument."
        )
    return None


def sender_error(sender: object, sender_key: str = "sender") -> str | None:
    """Why a client-chosen sender id cannot be used (in Swedish): it holds personal data.

    The sender id is in every log line and row about the conversation, and masking it would merge
    everyone's conversations into one "[e-postadress]". Only for ids a client chooses (REST): the web
    chat's server-issued ids are random hex, which can hold a digit run that looks like a personnummer.
    """
    if isinstance(sender, str) and masked_kinds(mask(sender)):
        return (
            f'Fältet "{sender_key}" får inte innehålla personnummer, telefonnummer eller e-postadresser. '
            "Använd ett id utan personuppgifter, till exempel ett slumpat."
        )
    return None


def _json_bytes(value: object) -> int:
    """The size of `value` as compact JSON in UTF-8; unlimited for what cannot be written back as JSON."""
    try:
        return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"))
    except (ValueError, TypeError, RecursionError):
        return MAX_METADATA_BYTES + 1


def action_server_probe(webhook_url: str | None, seconds: float = 2.0) -> Probe:
    """A check that the action server answers /health within `seconds`.

    A stopped server refuses the connection at once; a hanging one (overloaded,
    or stopped with SIGSTOP) accepts it and never answers, hence the time limit.
    Without a URL there is nothing to check.
    """

    http = HttpSession(timeout_seconds=seconds)

    async def probe() -> bool:
        if not webhook_url:
            return True
        url = webhook_url.rsplit("/webhook", 1)[0] + "/health"
        try:
            async with http.get().get(url) as response:
                return response.status == 200
        except (aiohttp.ClientError, asyncio.TimeoutError):
            return False

    return probe


def _number(n: int) -> str:
    """10000 as Swedish writes it: "10 000"."""
    return f"{n:,}".replace(",", " ")


async def _reply(message: UserMessage, text: str) -> None:
    await message.output_channel.send_text_message(message.sender_id, text)


@runtime_checkable
class BusyChannel(Protocol):
    """An output channel that tells its client "busy, come back in `seconds`" in its own way."""

    async def send_busy(self, recipient_id: str, text: str, seconds: int) -> None: ...


async def _busy(message: UserMessage, seconds: int) -> None:
    channel = message.output_channel
    if isinstance(channel, BusyChannel):
        await channel.send_busy(message.sender_id, BUSY, seconds)
    else:  # Teams and Slack: the user sends it again
        await _reply(message, BUSY)


class _RefusalLog:
    """One warning a minute at most while messages are refused, with how many were."""

    def __init__(self, every: float = 60.0) -> None:
        self.every, self.last, self.count = every, -every, 0

    def refused(self, admission: Admission) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.last >= self.every:
            logger.warning(
                "Busy: %d message(s) refused, %d turns in flight (ASF_MAX_TURNS_IN_FLIGHT=%d).",
                self.count,
                admission.in_flight,
                admission.capacity,
            )
            self.last, self.count = now, 0


def guarded(
    on_new_message: OnNewMessage,
    limits: Limits | None = None,
    probe: Probe | None = None,
    admission: Admission | None = None,
) -> OnNewMessage:
    """`on_new_message` behind the checks above."""
    limits = limits or Limits.from_env()
    probe = probe or action_server_probe(settings.action_server_url(), min(2.0, limits.seconds))
    admission = admission or gate.shared()
    conversations = KeyedLock()
    refusals = _RefusalLog()

    async def handle(message: UserMessage) -> Any:
        text = CONTROL.sub("", message.text) if isinstance(message.text, str) else ""
        message.text = text
        if not text.strip():
            return await _reply(message, EMPTY)
        if len(text) > limits.max_chars:
            return await _reply(message, TOO_LONG.format(length=_number(len(text)), limit=_number(limits.max_chars)))
        if RASA_COMMANDS.match(unicodedata.normalize("NFKC", text)):
            return await _reply(message, COMMAND)
        if not text.startswith("/") and looks_english(text):
            return await _reply(message, ENGLISH)
        with admission.turn() as admitted:
            if not admitted:
                refusals.refused(admission)
                return await _busy(message, admission.retry_after)
            if not await probe():
                logger.warning("The action server does not answer its health check; the message was not handled.")
                return await _reply(message, UNAVAILABLE)
            # Rasa runs one conversation's turns in order, and a message that waits for the one
            # before it has not started yet: the clock starts when the conversation is free.
            async with conversations.hold(message.sender_id):
                return await _timed_turn(on_new_message, message, limits.seconds)

    return handle


async def _timed_turn(on_new_message: OnNewMessage, message: UserMessage, seconds: float) -> Any:
    replies = _count_replies(message)
    try:
        result = await asyncio.wait_for(on_new_message(message), timeout=seconds)
    except asyncio.TimeoutError:
        logger.warning("Handling a message took more than %s s and was cancelled.", seconds)
        return await _reply(message, TOO_SLOW)
    except Exception:
        # Logged without the message: Rasa's own handler would log the user's text.
        logger.exception("Handling a message failed.")
        return await _reply(message, FAILED)
    if not replies:
        # Rasa logs a failed action call (e.g. the action server stopped after the health
        # check) and goes on without a word; the answers given so far are unchanged.
        logger.warning("Rasa handled a message without replying.")
        await _reply(message, NO_REPLY)
    return result


def _count_replies(message: UserMessage) -> list[None]:
    """A list that grows by one for each reply Rasa sends through the message's channel."""
    sent: list[None] = []
    channel = message.output_channel
    send_response = channel.send_response

    async def counting(recipient_id: str, reply: dict[str, Any]) -> None:
        sent.append(None)
        await send_response(recipient_id, reply)

    channel.send_response = counting
    return sent

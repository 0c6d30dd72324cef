"""The channels' guard and the action server's gate, without servers.

The same behaviour over the real processes is in tests/system/test_faults.py and
tests/system/test_bad_input.py; these cases pin the parts that a real process cannot
produce on demand (a turn that hangs after the health check, an exception).
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from actions.gate import allowed
from asf.settings import Limits
from channels.core.guard import (
    COMMAND,
    EMPTY,
    ENGLISH,
    FAILED,
    NO_REPLY,
    TOO_SLOW,
    UNAVAILABLE,
    guarded,
    payload_error,
)
from channels.core.language import looks_english
from devtools.servers import ROOT


class Handler:
    """Stands in for Rasa's handling: records what reached it, optionally hangs or fails."""

    def __init__(self, delay: float = 0.0, error: Exception | None = None, silent: bool = False) -> None:
        self.delay, self.error, self.silent = delay, error, silent
        self.received: list[str] = []
        self.finished = False

    async def __call__(self, message: UserMessage) -> Any:
        self.received.append(message.text)
        await asyncio.sleep(self.delay)
        if self.error is not None:
            raise self.error
        if not self.silent:  # Rasa sends every reply through send_response
            await message.output_channel.send_response(message.sender_id, {"text": "svar"})
        self.finished = True


def run(handler: Handler, text: object, up: bool = True, limits: Limits | None = None) -> list[str]:
    async def probe() -> bool:
        return up

    output = CollectingOutputChannel()
    guard = guarded(handler, limits or Limits(max_chars=100, seconds=5), probe)
    asyncio.run(guard(UserMessage(text, output, "user")))  # type: ignore[arg-type]
    return [str(m.get("text")) for m in output.messages]


def test_an_ordinary_message_passes_through():
    handler = Handler()
    assert run(handler, "hej") == ["svar"]
    assert handler.received == ["hej"]


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None])
def test_empty_messages_never_reach_rasa(text: object):
    handler = Handler()
    assert run(handler, text) == [EMPTY]
    assert handler.received == []


def test_an_overlong_message_is_refused_with_the_limit_in_swedish():
    handler = Handler()
    replies = run(handler, "a" * 10_000, limits=Limits(max_chars=2000, seconds=5))
    assert replies == [
        "Meddelandet är för långt (10 000 tecken) och har inte sparats. Skriv högst 2 000 tecken, "
        "gärna en mening eller två, så fortsätter vi där vi var."
    ]
    assert handler.received == []


@pytest.mark.parametrize(
    "text",
    [
        "/restart",
        " /back",
        '/session_start{"a": 1}',
        "/ restart",
        "/\tback",
        "/  session_start",
        "/\u00a0restart",
        "/RESTART",
        "\uff0frestart",
        '/ session_start{"a": 1}',
    ],
)
def test_rasas_own_commands_are_refused(text: str):
    handler = Handler()
    assert run(handler, text) == [COMMAND]
    assert handler.received == []


def test_control_characters_are_removed_before_rasa_sees_the_text():
    handler = Handler()
    assert run(handler, "hej\x00 d\x07är\n") == ["svar"]
    assert handler.received == ["hej där"]


def test_an_english_sentence_gets_a_swedish_answer_and_never_reaches_rasa():
    handler = Handler()
    assert run(handler, "Can the coordination association fund a social enterprise?") == [ENGLISH]
    assert handler.received == []


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Hello, what can you do for me?", True),
        ("I want to know if we can get money", True),
        ("Is this a bot", True),
        ("Vi vill ge ett startbidrag till en deltagare", False),
        ("Kan förbundet finansiera en social enterprise?", False),
        ("Handledaren is employed by kommunen", False),  # one English function word is not enough
        ("ok", False),
        ("What is this?", False),  # too short to tell; the NLU answers it
        ('/inform{"question":"what is the","choice":"x"}', True),  # the guard lets payloads through itself
    ],
)
def test_looks_english(text: str, english: bool):
    assert looks_english(text) is english


def test_no_swedish_training_example_looks_english():
    from asf import yamltext

    flagged = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yamltext.load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in (item.get("examples") or "").splitlines():
                text = re.sub(r"\[([^\]]*)\][({][^)}]*[)}]", r"\1", line.strip().removeprefix("- "))
                if looks_english(text):
                    flagged.append((item["intent"], text))
    assert flagged and {intent for intent, _ in flagged} == {"out_of_scope"}  # its English examples only


def test_a_command_like_word_is_just_text():
    handler = Handler()
    assert run(handler, "/restartknapp") == ["svar"]


def test_action_server_down_gives_a_swedish_message_and_rasa_never_sees_the_message():
    handler = Handler()
    assert run(handler, "ja", up=False) == [UNAVAILABLE]
    assert handler.received == []


def test_a_turn_over_the_time_limit_is_cancelled_before_rasa_saves_it():
    handler = Handler(delay=5)
    replies = run(handler, "ja", limits=Limits(max_chars=100, seconds=0.2))
    assert replies == [TOO_SLOW]
    assert handler.received == ["ja"] and not handler.finished


def test_a_turn_without_any_reply_gets_a_swedish_message():
    # What Rasa does when an action call fails after the health check: it logs and says nothing.
    handler = Handler(silent=True)
    assert run(handler, "ja") == [NO_REPLY]
    assert handler.finished


def test_an_exception_gives_a_swedish_message_not_a_crash():
    handler = Handler(error=RuntimeError("boom"))
    assert run(handler, "ja") == [FAILED]


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ASF_MAX_MESSAGE_CHARS", "50")
    monkeypatch.setenv("ASF_ACTION_TIMEOUT", "3.5")
    assert Limits.from_env() == Limits(max_chars=50, seconds=3.5)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"sender": "a", "message": "hej"}, None),
        ({"sender": "a", "message": "hej", "metadata": {"x": 1}}, None),
        ([1, 2], "Anropet ska vara ett JSON-objekt med fälten sender och message."),
        ("hej", "Anropet ska vara ett JSON-objekt med fälten sender och message."),
        (None, "Anropet ska vara ett JSON-objekt med fälten sender och message."),
        ({"sender": "a", "message": 5}, 'Fältet "message" ska vara text.'),
        ({"sender": "a", "message": {"text": "hej"}}, 'Fältet "message" ska vara text.'),
        ({"sender": {"id": 1}, "message": "hej"}, 'Fältet "sender" ska vara text med 1 till 128 tecken.'),
        ({"sender": "", "message": "hej"}, 'Fältet "sender" ska vara text med 1 till 128 tecken.'),
        ({"sender": "x" * 300, "message": "hej"}, 'Fältet "sender" ska vara text med 1 till 128 tecken.'),
        ({"sender": "a", "message": "hej", "metadata": "{}"}, 'Fältet "metadata" ska vara ett JSON-objekt.'),
    ],
)
def test_payload_errors(data: object, error: str | None):
    assert payload_error(data, "sender") == error


def test_metadata_over_four_kilobytes_is_refused_in_swedish():
    assert payload_error({"sender": "a", "message": "hej", "metadata": {"k": "x" * 4000}}, "sender") is None
    error = payload_error({"sender": "a", "message": "hej", "metadata": {"k": "x" * 4100}}, "sender")
    assert error is not None and error.startswith('Fältet "metadata" är för stort. Skicka högst 4 096 byte')


def test_a_web_session_id_with_a_digit_run_is_not_taken_for_personal_data():
    # Server-issued ids are random hex; the personal-data check is for ids REST clients choose.
    data = {"session_id": "web-8503121234abcdef0701234567abcdef", "message": "hej"}
    assert payload_error(data, "session_id") is None


def test_payload_errors_name_the_channels_own_fields():
    data = {"session_id": "s" * 200, "message": "hej"}
    assert payload_error(data, "session_id") == 'Fältet "session_id" ska vara text med 1 till 128 tecken.'
    data = {"session_id": "s", "message": "hej", "customData": "{"}
    assert payload_error(data, "session_id", "customData") == 'Fältet "customData" ska vara ett JSON-objekt.'


@pytest.mark.parametrize(
    ("supplied", "token", "ok"),
    [("s3cret", "s3cret", True), ("wrong", "s3cret", False), (None, "s3cret", False), ("", "", False)],
)
def test_the_gate_compares_the_shared_secret(supplied: str | None, token: str, ok: bool):
    assert allowed(supplied, token) is ok


def test_the_probe_tells_a_running_a_stopped_and_a_hanging_action_server_apart():
    import socket
    import time

    from aiohttp import web

    from channels.core.guard import action_server_probe

    async def health(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def main() -> tuple[bool, bool, bool, float]:
        app = web.Application()
        app.router.add_get("/health", health)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        probe = action_server_probe(f"http://127.0.0.1:{port}/webhook", seconds=0.5)
        running = await probe()
        await runner.cleanup()
        stopped = await probe()
        with socket.socket() as hanging:  # accepts connections (the kernel does), never answers
            hanging.bind(("127.0.0.1", 0))
            hanging.listen()
            started = time.monotonic()
            answered = await action_server_probe(f"http://127.0.0.1:{hanging.getsockname()[1]}/webhook", 0.5)()
            waited = time.monotonic() - started
        return running, stopped, answered, waited

    running, stopped, answered, waited = asyncio.run(main())
    assert (running, stopped, answered) == (True, False, False)
    assert waited < 2

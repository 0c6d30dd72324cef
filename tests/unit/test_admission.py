"""The admission gate (channels/core/admission.py) and how the guard uses it, without servers.

A Rasa server lets a bounded number of turns in; the next one is refused at once with a
Swedish "upptaget" and never reaches Rasa, so nothing of it is stored. And the guard's time
limit counts from when a turn starts, not while it waits for its conversation's earlier turn.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from asf import settings
from asf.settings import Limits
from channels.core import admission as gate
from channels.core.admission import Admission
from channels.core.guard import BUSY, TOO_SLOW, OnNewMessage, guarded


async def up() -> bool:
    return True


class Rasa:
    """Stands in for Rasa: one turn per conversation at a time (its lock store), `seconds` per turn."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.locks: dict[str, asyncio.Lock] = {}
        self.received: list[str] = []
        self.finished: list[str] = []

    async def __call__(self, message: UserMessage) -> None:
        async with self.locks.setdefault(message.sender_id, asyncio.Lock()):
            self.received.append(message.text)
            await asyncio.sleep(self.seconds)
            await message.output_channel.send_response(message.sender_id, {"text": f"svar på {message.text}"})
            self.finished.append(message.text)


class BusyAware(CollectingOutputChannel):  # type: ignore[misc]  # Rasa has no type information
    def __init__(self) -> None:
        super().__init__()
        self.busy: list[tuple[str, int]] = []

    async def send_busy(self, recipient_id: str, text: str, seconds: int) -> None:
        self.busy.append((text, seconds))


async def send(guard: OnNewMessage, message: UserMessage) -> None:
    await guard(message)


def texts(output: CollectingOutputChannel) -> list[str]:
    return [str(m.get("text")) for m in output.messages]


def test_the_gate_lets_in_up_to_its_capacity_and_refuses_the_next():
    admission = Admission(2)
    with admission.turn() as first, admission.turn() as second, admission.turn() as third:
        assert (first, second, third) == (True, True, False)
        assert admission.in_flight == 2
    assert admission.in_flight == 0 and admission.refused == 1
    with admission.turn() as again:
        assert again


def test_a_turn_that_fails_gives_its_place_back():
    admission = Admission(1)
    with pytest.raises(RuntimeError), admission.turn():
        raise RuntimeError("boom")
    with admission.turn() as admitted:
        assert admitted


def test_the_gate_needs_room_for_one_turn():
    with pytest.raises(ValueError):
        Admission(0)


def test_the_capacity_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(gate, "_shared", None)
    monkeypatch.setenv("ASF_MAX_TURNS_IN_FLIGHT", "3")
    assert settings.max_turns_in_flight() == 3
    assert gate.shared().capacity == 3 and gate.shared() is gate.shared()
    monkeypatch.delenv("ASF_MAX_TURNS_IN_FLIGHT")
    assert settings.max_turns_in_flight() == settings.DEFAULT_TURNS_IN_FLIGHT


def test_beyond_the_capacity_a_message_is_refused_at_once_and_never_reaches_rasa():
    rasa = Rasa(seconds=0.3)
    guard = guarded(rasa, Limits(max_chars=100, seconds=5), up, Admission(1))
    first, second = CollectingOutputChannel(), CollectingOutputChannel()

    async def main() -> float:
        running = asyncio.create_task(send(guard, UserMessage("ja", first, "anna")))
        await asyncio.sleep(0.05)
        started = asyncio.get_running_loop().time()
        await guard(UserMessage("nej", second, "bertil"))
        refused_after = asyncio.get_running_loop().time() - started
        await running
        return refused_after

    refused_after = asyncio.run(main())
    assert texts(second) == [BUSY] and refused_after < 0.1  # at once, not after the first turn
    assert rasa.received == ["ja"] and texts(first) == ["svar på ja"]


def test_a_channel_that_knows_busy_is_told_how_long_to_wait():
    rasa = Rasa(seconds=0.3)
    guard = guarded(rasa, Limits(max_chars=100, seconds=5), up, Admission(1, retry_after=3))
    output = BusyAware()

    async def main() -> None:
        running = asyncio.create_task(send(guard, UserMessage("ja", CollectingOutputChannel(), "anna")))
        await asyncio.sleep(0.05)
        await guard(UserMessage("nej", output, "bertil"))
        await running

    asyncio.run(main())
    assert output.busy == [(BUSY, 3)] and output.messages == []


def test_the_place_is_free_again_when_a_turn_is_done():
    rasa = Rasa(seconds=0.01)
    guard = guarded(rasa, Limits(max_chars=100, seconds=5), up, Admission(1))
    outputs = [CollectingOutputChannel() for _ in range(3)]

    async def main() -> None:
        for number, output in enumerate(outputs):
            await guard(UserMessage(f"svar {number}", output, "anna"))

    asyncio.run(main())
    assert [texts(output) for output in outputs] == [[f"svar på svar {n}"] for n in range(3)]


def test_the_time_limit_counts_from_when_the_turn_starts_not_while_it_waits_for_the_one_before():
    # Two quick clicks in one conversation: the second waits for the first turn (0.3 s), then
    # runs its own 0.3 s. Each turn is within the 0.5 s limit; the wait and the turn together are not.
    rasa = Rasa(seconds=0.3)
    guard = guarded(rasa, Limits(max_chars=100, seconds=0.5), up, Admission(8))
    first, second = CollectingOutputChannel(), CollectingOutputChannel()

    async def main() -> None:
        await asyncio.gather(guard(UserMessage("ja", first, "anna")), guard(UserMessage("nej", second, "anna")))

    asyncio.run(main())
    assert texts(first) == ["svar på ja"] and texts(second) == ["svar på nej"]
    assert rasa.finished == ["ja", "nej"]


def test_a_turn_that_itself_runs_past_the_limit_is_still_cancelled():
    rasa = Rasa(seconds=0.6)
    guard = guarded(rasa, Limits(max_chars=100, seconds=0.3), up, Admission(8))
    output = CollectingOutputChannel()
    asyncio.run(send(guard, UserMessage("ja", output, "anna")))
    assert texts(output) == [TOO_SLOW] and rasa.finished == []


def test_other_conversations_do_not_wait_for_each_other():
    rasa = Rasa(seconds=0.3)
    guard = guarded(rasa, Limits(max_chars=100, seconds=5), up, Admission(8))

    async def main() -> float:
        loop = asyncio.get_running_loop()
        started = loop.time()
        outputs: list[Any] = [CollectingOutputChannel() for _ in range(4)]
        await asyncio.gather(*(guard(UserMessage("ja", o, f"person-{n}")) for n, o in enumerate(outputs)))
        return loop.time() - started

    assert asyncio.run(main()) < 0.9  # together, not one after another (1.2 s)


def test_rest_says_busy_with_429_and_retry_after_and_rasa_never_sees_the_message(monkeypatch: pytest.MonkeyPatch):
    import json
    from types import SimpleNamespace

    from channels.rest import TokenRestInput

    monkeypatch.setenv("ASF_REST_TOKEN", "t")
    monkeypatch.delenv("ACTION_SERVER_URL", raising=False)
    full = Admission(1, retry_after=2)
    monkeypatch.setattr(gate, "_shared", full)
    seen: list[str] = []

    async def rasa(message: UserMessage) -> None:
        seen.append(message.text)
        await message.output_channel.send_response(message.sender_id, {"text": "svar"})

    blueprint = TokenRestInput().blueprint(rasa)
    (receive,) = [future.handler for future in blueprint._future_routes if future.uri == "/webhook"]

    def request(text: str) -> Any:
        body = {"sender": "crm-1", "message": text}
        return SimpleNamespace(body=json.dumps(body).encode(), json=body, args={}, method="POST", headers={})

    async def main() -> tuple[Any, Any]:
        with full.turn():  # another turn holds the only place
            refused = await receive(request("ja"))
        return refused, await receive(request("ja"))

    refused, answered = asyncio.run(main())
    assert refused.status == 429 and refused.headers["Retry-After"] == "2"
    assert json.loads(refused.body) == {"error": BUSY}
    assert answered.status == 200 and json.loads(answered.body) == [{"recipient_id": "rest-crm-1", "text": "svar"}]
    assert seen == ["ja"]  # the refused copy never reached Rasa


def test_the_web_chat_is_told_busy_with_the_message_it_sent_back():
    from channels.socketio import BUSY_EVENT, WebChatOutput

    class Sio:
        def __init__(self) -> None:
            self.emitted: list[tuple[str, Any, str]] = []

        async def emit(self, event: str, data: Any, room: str) -> None:
            self.emitted.append((event, data, room))

    sio = Sio()
    payload = '/inform{"question":"vem","choice":"deltagare"}'
    output = WebChatOutput(sio, "bot_uttered", sent=payload)
    asyncio.run(output.send_busy("web-1", BUSY, 2))
    assert sio.emitted == [(BUSY_EVENT, {"text": BUSY, "retry_after": 2, "message": payload}, "web-1")]

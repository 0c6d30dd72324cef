"""Slack's Socket Mode against the Slack stand-in, without Rasa: the channel connects with its
app token, acknowledges each envelope, and hands events and clicks to the same handling as HTTP."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage

from channels.slack.channel import SlackChannel, conversation_id
from tests.system.edge import running_edge

APP_TOKEN = "xapp-test-" + uuid.uuid4().hex


def test_socket_mode_acknowledges_envelopes_and_answers_each_event_once(monkeypatch: pytest.MonkeyPatch):
    with running_edge(APP_TOKEN) as edge:
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-token")
        monkeypatch.setenv("SLACK_APP_TOKEN", APP_TOKEN)
        monkeypatch.setenv("SLACK_API_URL", f"{edge.url}/api/")
        monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)  # Socket Mode needs no public address
        monkeypatch.delenv("REDIS_HOST", raising=False)
        heard: list[tuple[str, str]] = []

        async def handle(message: UserMessage) -> None:
            heard.append((message.text or "", message.sender_id))
            await message.output_channel.send_text_message(message.sender_id, "Hej! Jag hjälper dig.")

        def envelope(kind: str, payload: dict[str, Any]) -> str:
            envelope_id = uuid.uuid4().hex
            edge.socket_send({"envelope_id": envelope_id, "type": kind, "payload": payload})
            return envelope_id

        async def run() -> list[str]:
            channel = SlackChannel()
            channel._handle = handle
            await channel._open_socket()
            assert channel.socket is not None
            event = {"type": "message", "channel_type": "im", "channel": "D1", "user": "U1", "text": "hej", "ts": "1.0"}
            message = {"type": "event_callback", "event_id": "EvSOCKET1", "event": event}
            ids = [envelope("events_api", message), envelope("events_api", message)]  # Slack sends it again
            click = {
                "type": "block_actions",
                "user": {"id": "U1"},
                "channel": {"id": "D1"},
                "actions": [{"action_id": "asf-answer-0", "value": "/start_assessment", "action_ts": "2.0"}],
            }
            ids.append(envelope("interactive", click))
            deadline = time.monotonic() + 20
            while len(edge.slack_messages) < 2 and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            await asyncio.sleep(0.5)
            await channel.socket.close()  # type: ignore[no-untyped-call]
            return ids

        ids = asyncio.run(run())
    assert set(ids) <= set(edge.socket_acks)  # every envelope acknowledged, the repeat too
    sender = conversation_id("D1", "U1")
    assert heard == [("hej", sender), ("/start_assessment", sender)]  # the repeated event answered once
    assert [m["channel"] for m in edge.slack_messages] == ["D1", "D1"]
    assert [m["text"] for m in edge.slack_messages] == ["Hej! Jag hjälper dig."] * 2

"""The intranet page's transport: a real WebSocket upgrade on the Rasa server's /socket.io.

The socket.io test client (webchat.py) uses long-polling, and browsers upgrade to a WebSocket.
Here a plain WebSocket client speaks engine.io and socket.io frames itself, as the browser's
socket.io client does over `transport=websocket`: open, connect, a signed session and one
answer. On Python 3.11 with Sanic 21.12 the socket closed right after the upgrade
(channels/core/sanic_compat.py); `make py311` runs this file against servers from the 3.11 route.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from websockets.client import connect

from devtools.servers import Servers

# The servers are shared with the other files in this group (tests/system/conftest.py).
pytestmark = [pytest.mark.servers, pytest.mark.xdist_group("shared-servers")]


async def next_event(socket: Any, name: str, timeout: float = 30) -> Any:
    """The data of the next socket.io event `name`, answering engine.io pings on the way."""

    async def wait() -> Any:
        while True:
            frame = await socket.recv()
            if frame == "2":  # engine.io ping
                await socket.send("3")
            elif frame.startswith("42"):
                event, *data = json.loads(frame[2:])
                if event == name:
                    return data[0] if data else None

    return await asyncio.wait_for(wait(), timeout)


async def converse(rasa_url: str) -> tuple[str, dict[str, Any], dict[str, Any]]:
    url = rasa_url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    async with connect(url, open_timeout=20) as socket:
        opened = await asyncio.wait_for(socket.recv(), 20)
        await socket.send("40")  # socket.io connect to the default namespace
        connected = await asyncio.wait_for(socket.recv(), 20)
        assert str(connected).startswith("40{"), connected
        await socket.send("42" + json.dumps(["session_request", {}]))
        confirm = await next_event(socket, "session_confirm")
        await socket.send("42" + json.dumps(["user_uttered", {"message": "hej"}]))
        reply = await next_event(socket, "bot_uttered", timeout=60)
        return str(opened), confirm, reply


def test_the_page_transport_upgrades_to_a_websocket_and_chats(servers: Servers):
    opened, confirm, reply = asyncio.run(converse(servers.rasa_url))
    assert opened.startswith("0{") and json.loads(opened[1:])["sid"]
    assert confirm["resumed"] is False and confirm["session_id"].startswith("web-") and confirm["session_token"]
    assert "Hej! Jag hjälper dig" in reply["text"]


def test_the_rest_channel_answers_on_the_same_servers(servers: Servers):
    replies = servers.say("rest-websocket-route", "hej")
    assert any("Hej! Jag hjälper dig" in str(reply.get("text", "")) for reply in replies)

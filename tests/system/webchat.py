"""A socket.io client for tests, speaking the web chat's protocol (channels/socketio.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import socketio


class Chat:
    def __init__(self, url: str) -> None:
        self.url = url
        self.client = socketio.AsyncClient(reconnection=False)
        self.replies: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.confirms: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.client.on("bot_uttered", self.replies.put)
        self.client.on("session_confirm", self.confirms.put)

    async def connect(self, origin: str | None = None) -> None:
        """Connects; `origin` is sent as the Origin header, as a browser on that page would."""
        headers = {"Origin": origin} if origin else {}
        # Polling: the pinned aiohttp is older than what engineio's WebSocket client needs.
        await self.client.connect(self.url, transports=["polling"], headers=headers)

    async def session(self, session_id: str | None = None, token: str | None = None) -> dict[str, Any]:
        asked = {k: v for k, v in (("session_id", session_id), ("session_token", token)) if v is not None}
        await self.client.emit("session_request", asked)
        return await asyncio.wait_for(self.confirms.get(), 20)

    async def say(self, message: str, **extra: Any) -> None:
        await self.client.emit("user_uttered", {"message": message, **extra})

    async def answer(self, quiet: float = 1.5, timeout: float = 30) -> list[dict[str, Any]]:
        """The bot's messages: waits for the first, then until the bot has been quiet for `quiet` seconds."""
        first = await asyncio.wait_for(self.replies.get(), timeout)
        got = [first]
        while True:
            try:
                got.append(await asyncio.wait_for(self.replies.get(), quiet))
            except asyncio.TimeoutError:
                return got

    async def silence(self, seconds: float) -> list[dict[str, Any]]:
        """Whatever arrives within `seconds` (expected: nothing)."""
        await asyncio.sleep(seconds)
        got = []
        while not self.replies.empty():
            got.append(self.replies.get_nowait())
        return got

    async def close(self) -> None:
        await self.client.disconnect()


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(str(reply.get("text", "")) for reply in replies)

"""One aiohttp session per outgoing client, made on first use inside the server's event loop."""

from __future__ import annotations

import aiohttp


class HttpSession:
    def __init__(self, timeout_seconds: float) -> None:
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._session: aiohttp.ClientSession | None = None

    def get(self) -> aiohttp.ClientSession:
        # Not made in __init__: a ClientSession belongs to the loop it was made in,
        # and channels are built before Sanic's loop runs.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

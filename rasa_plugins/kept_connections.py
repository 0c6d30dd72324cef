"""Rasa's HTTP calls to its endpoints (above all the action server, once or more per turn) over
connections kept open between calls.

Rasa's `EndpointConfig.request` opens a new aiohttp session, and with it a new TCP connection, for
every call and closes it afterwards: `make profile` showed the connecting and the session set-up as a
few percent of the Rasa server's time per message, and the action server pays again for accepting
each connection. Here each endpoint keeps one session, made the first time it is used in the server's
event loop, with the same headers, authentication and time limit as Rasa's; `request` is unchanged.

An idle connection is closed after KEEPALIVE_SECONDS, before the Sanic servers Rasa calls close it
after their five seconds (Sanic's KEEP_ALIVE_TIMEOUT): a request is never sent on a connection the
other side is closing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import TracebackType
from typing import Any

import aiohttp
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

KEEPALIVE_SECONDS = 2.0
_rasas_session: Callable[[EndpointConfig], aiohttp.ClientSession] = EndpointConfig.session
_KEPT = "_asf_kept_session"  # the endpoint's (event loop, session)


class _Open:
    """`async with` around a kept session: it stays open for the next call."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        return None


def session(endpoint: EndpointConfig) -> Any:
    """The endpoint's kept session in the running event loop (Rasa's own outside one)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return _rasas_session(endpoint)
    kept: tuple[asyncio.AbstractEventLoop, aiohttp.ClientSession] | None = vars(endpoint).get(_KEPT)
    if kept is None or kept[0] is not loop or kept[1].closed:
        kept = (loop, _new_session(endpoint))
        vars(endpoint)[_KEPT] = kept
    return _Open(kept[1])


def _new_session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    """A session set up as `EndpointConfig.session` sets one up, on connections kept open."""
    login = endpoint.basic_auth
    return aiohttp.ClientSession(
        headers=endpoint.headers,
        auth=aiohttp.BasicAuth(login["username"], login["password"]) if login else None,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS),
    )


def install() -> None:
    EndpointConfig.session = session

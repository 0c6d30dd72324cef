"""WebSockets on Python 3.11 with the Sanic that Rasa 3.6 pins (21.12).

Sanic 21.12's WebSocket receive hands a bare coroutine to `asyncio.wait`. Python 3.10
wraps it in a task with a DeprecationWarning; Python 3.11 refuses it with a TypeError.
On 3.11 every socket.io WebSocket therefore closed right after the upgrade, engineio then
wrote an HTTP response into the upgraded connection, and browsers reported "Invalid frame
header" (long-polling, which has no WebSocket, kept working). Sanic fixed this in 22.3
(sanic-org/sanic issue 2377) but never in 21.12, and Rasa 3.6 requires sanic<21.13.

`install()` gives Sanic's WebSocket module its own view of asyncio whose `wait` wraps
coroutines in tasks first, which is what 3.10's asyncio did; everything else is asyncio
itself, and no other module sees a change.
"""

from __future__ import annotations

import asyncio
import types
from collections.abc import Awaitable, Iterable
from typing import Any

from sanic.server.websockets import impl


async def _wait(awaitables: Iterable[Awaitable[Any]], **options: Any) -> Any:
    # ensure_future returns futures and tasks as they are and wraps coroutines in tasks.
    return await asyncio.wait([asyncio.ensure_future(a) for a in awaitables], **options)


def install() -> None:
    """Idempotent: Sanic's WebSocket implementation waits on tasks only."""
    modules = vars(impl)  # Sanic's module globals: the name `asyncio` in its code
    if getattr(modules["asyncio"], "__name__", "") == __name__:
        return
    view = types.ModuleType(__name__)
    view.__dict__.update(vars(asyncio))
    view.__dict__["__name__"] = __name__
    view.__dict__["wait"] = _wait
    modules["asyncio"] = view

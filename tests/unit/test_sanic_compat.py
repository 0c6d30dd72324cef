"""Sanic 21.12's WebSocket receive must work on Python 3.11 (channels/core/sanic_compat.py).

Its `asyncio.wait` gets a future and a bare coroutine, as in Sanic's recv(): Python 3.11
refuses that (TypeError) and 3.10 warns (DeprecationWarning, an error here), so without the
fix this test fails on both routes.
"""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

from sanic.server.websockets import impl

from channels.core import sanic_compat


async def wait_as_sanic_does() -> tuple[set[Any], set[Any]]:
    cancel: asyncio.Future[None] = asyncio.Future()

    async def message() -> str:
        return "a frame"

    waiter = vars(impl)["asyncio"]  # the name `asyncio` as Sanic's WebSocket code sees it
    done, pending = await waiter.wait((cancel, message()), return_when=asyncio.FIRST_COMPLETED)
    cancel.cancel()
    return done, pending


def test_sanic_websocket_wait_takes_a_coroutine_without_warning_or_error():
    import channels.socketio  # noqa: F401  (importing the channel installs the fix)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        done, pending = asyncio.run(wait_as_sanic_does())
    assert [task.result() for task in done] == ["a frame"]
    assert len(pending) == 1


def test_the_fix_changes_only_sanics_view_of_asyncio():
    sanic_compat.install()
    sanic_compat.install()  # idempotent
    view = vars(impl)["asyncio"]
    assert view is not asyncio and view.wait is not asyncio.wait
    assert view.Future is asyncio.Future and view.ensure_future is asyncio.ensure_future
    assert asyncio.wait.__module__ == "asyncio.tasks"

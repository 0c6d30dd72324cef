"""Slack's Socket Mode: events and clicks over a WebSocket the assistant opens itself.

For organisations that cannot let Slack reach an https address of theirs. With an
app-level token (SLACK_APP_TOKEN, xapp-..., scope connections:write) the channel
connects out to Slack through slack_sdk's aiohttp SocketModeClient, which
reconnects by itself. Each envelope is acknowledged at once, as the Events API's
HTTP request is, and then goes the same way as one that came over HTTP.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient

logger = logging.getLogger(__name__)

Receiver = Callable[[dict[str, Any]], object]


async def connect(
    app_token: str, web_client: AsyncWebClient, on_event: Receiver, on_interaction: Receiver
) -> SocketModeClient:
    """A connected client handing Events API envelopes to `on_event` and clicks to `on_interaction`."""
    client = SocketModeClient(app_token=app_token, web_client=web_client)

    async def receive(client: AsyncBaseSocketModeClient, request: SocketModeRequest) -> None:
        await client.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id))
        if request.type == "events_api":
            on_event(request.payload)
        elif request.type == "interactive":
            on_interaction(request.payload)

    client.socket_mode_request_listeners.append(receive)
    await client.connect()  # type: ignore[no-untyped-call]
    logger.info("Slack Socket Mode connected.")
    return client

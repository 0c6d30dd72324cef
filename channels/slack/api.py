"""The Slack Web API calls the assistant makes, through slack_sdk's AsyncWebClient.

The client is non-blocking (aiohttp) and retries a call Slack refuses with HTTP 429
after the Retry-After that Slack names (its rate-limit retry handler), and a call
whose connection failed, so a busy workspace delays answers instead of losing them.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

API_URL = "https://slack.com/api/"
RATE_LIMIT_RETRIES = 3  # Slack's Retry-After is a second or so per call; three waits cover a burst


def web_client(token: str, base_url: str = API_URL) -> AsyncWebClient:
    return AsyncWebClient(
        token=token,
        base_url=base_url,
        timeout=30,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=1),
            AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        ],
    )


class SlackApi:
    """The three things the assistant does in Slack: post, update a posted message, share a file."""

    def __init__(self, token: str, base_url: str = API_URL) -> None:
        self.client = web_client(token, base_url)

    async def post_message(
        self, channel: str, text: str, blocks: list[dict[str, Any]], thread_ts: str | None = None
    ) -> None:
        await self.client.chat_postMessage(channel=channel, text=text, blocks=blocks, thread_ts=thread_ts)

    async def update_message(self, channel: str, ts: str, text: str, blocks: list[dict[str, Any]]) -> None:
        await self.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)

    async def upload_file(
        self, channel: str, filename: str, content: bytes, title: str, thread_ts: str | None = None
    ) -> None:
        # Slack's current upload flow (an upload URL, the bytes, then sharing) in one call.
        await self.client.files_upload_v2(
            channel=channel, filename=filename, content=content, title=title, thread_ts=thread_ts
        )

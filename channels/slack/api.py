"""The few Slack Web API calls the assistant needs, with aiohttp (non-blocking)."""

from __future__ import annotations

import json
import logging
from typing import Any

import aiohttp

from channels.core.http_session import HttpSession

logger = logging.getLogger(__name__)

API_URL = "https://slack.com/api/"


class SlackError(Exception):
    pass


class SlackApi:
    def __init__(self, token: str, base_url: str = API_URL) -> None:
        self.token = token
        self.base_url = base_url.rstrip("/") + "/"
        self._http = HttpSession(timeout_seconds=30)

    async def close(self) -> None:
        await self._http.close()

    async def call(
        self, method: str, *, json_body: dict[str, Any] | None = None, form: dict[str, str] | None = None
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"}
        async with self._http.get().post(
            self.base_url + method, json=json_body, data=form, headers=headers
        ) as response:
            body = await response.json(content_type=None)
        if not isinstance(body, dict) or not body.get("ok"):
            error = body.get("error") if isinstance(body, dict) else response.status
            raise SlackError(f"{method}: {error}")
        return body

    async def post_message(self, channel: str, text: str, blocks: list[dict[str, Any]]) -> None:
        await self.call("chat.postMessage", json_body={"channel": channel, "text": text, "blocks": blocks})

    async def update_message(self, channel: str, ts: str, text: str, blocks: list[dict[str, Any]]) -> None:
        await self.call("chat.update", json_body={"channel": channel, "ts": ts, "text": text, "blocks": blocks})

    async def upload_file(self, channel: str, filename: str, content: bytes, title: str) -> None:
        """Slack's current upload flow: ask for an upload URL, send the bytes, then share the file."""
        ticket = await self.call("files.getUploadURLExternal", form={"filename": filename, "length": str(len(content))})
        form = aiohttp.FormData()
        form.add_field("file", content, filename=filename, content_type="application/octet-stream")
        async with self._http.get().post(ticket["upload_url"], data=form) as response:
            if response.status != 200:
                raise SlackError(f"file upload: HTTP {response.status}")
        files = json.dumps([{"id": ticket["file_id"], "title": title}])
        await self.call("files.completeUploadExternal", form={"files": files, "channel_id": channel})

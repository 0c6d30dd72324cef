"""Talking back to the Bot Framework: an app token, then replies posted to the serviceUrl.

Rasa 3.6 asks only the multi-tenant token endpoint ("botframework.com"), which
Microsoft no longer offers for new bots; a single-tenant bot must ask its own
tenant. Both calls use aiohttp so the server keeps serving while they wait.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from channels.core.http_session import HttpSession

logger = logging.getLogger(__name__)

LOGIN_URL = "https://login.microsoftonline.com"
MULTI_TENANT = "botframework.com"
SCOPE = "https://api.botframework.com/.default"


@dataclass(frozen=True)
class TeamsSettings:
    app_id: str
    app_password: str
    tenant_id: str  # empty: a multi-tenant registration
    login_url: str
    openid_url: str

    @property
    def token_url(self) -> str:
        return f"{self.login_url.rstrip('/')}/{self.tenant_id or MULTI_TENANT}/oauth2/v2.0/token"


class Connector:
    """Posts activities to a conversation with a cached app token."""

    def __init__(self, settings: TeamsSettings) -> None:
        self.settings = settings
        self._token = ""
        self._expires = 0.0
        self._lock = asyncio.Lock()
        self._http = HttpSession(timeout_seconds=20)

    async def close(self) -> None:
        await self._http.close()

    async def token(self) -> str:
        async with self._lock:
            if time.monotonic() < self._expires:
                return self._token
            form = {
                "grant_type": "client_credentials",
                "client_id": self.settings.app_id,
                "client_secret": self.settings.app_password,
                "scope": SCOPE,
            }
            async with self._http.get().post(self.settings.token_url, data=form) as response:
                body = await response.json(content_type=None)
                if response.status != 200 or "access_token" not in body:
                    # The error text from Microsoft names the problem; it holds no secret.
                    raise RuntimeError(f"token request failed ({response.status}): {body.get('error_description')}")
            self._token = str(body["access_token"])
            self._expires = time.monotonic() + int(body.get("expires_in", 3600)) - 120
            return self._token

    def _address(self, incoming: dict[str, Any], activity_id: str = "") -> str:
        conversation = quote(incoming["conversation"]["id"], safe="")
        url = f"{incoming['serviceUrl'].rstrip('/')}/v3/conversations/{conversation}/activities"
        return f"{url}/{quote(activity_id, safe='')}" if activity_id else url

    def _reply(self, incoming: dict[str, Any], activity: dict[str, Any]) -> dict[str, Any]:
        return {
            **activity,
            "from": incoming.get("recipient"),
            "recipient": incoming.get("from"),
            "conversation": incoming["conversation"],
            "replyToId": incoming.get("id"),
        }

    async def post(self, incoming: dict[str, Any], activity: dict[str, Any]) -> str:
        """Sends `activity` as a reply in the conversation `incoming` came from; its id, or "" when refused."""
        headers = {"Authorization": f"Bearer {await self.token()}"}
        body = self._reply(incoming, activity)
        async with self._http.get().post(self._address(incoming), json=body, headers=headers) as response:
            if response.status >= 300:
                logger.error("Bot Framework refused a reply (%s): %s", response.status, (await response.text())[:300])
                return ""
            sent = await response.json(content_type=None)
        return str(sent.get("id") or "") if isinstance(sent, dict) else ""

    async def update(self, incoming: dict[str, Any], activity_id: str, activity: dict[str, Any]) -> None:
        """Replaces the bot's message `activity_id` in `incoming`'s conversation (updateActivity)."""
        headers = {"Authorization": f"Bearer {await self.token()}"}
        body = {**self._reply(incoming, activity), "id": activity_id}
        body.pop("replyToId", None)
        url = self._address(incoming, activity_id)
        async with self._http.get().put(url, json=body, headers=headers) as response:
            if response.status >= 300:
                reason = (await response.text())[:300]
                logger.warning("Bot Framework refused an update (%s): %s", response.status, reason)

"""Who may talk to the Teams channel: verifies the Bot Framework's JWT on each request.

Rasa 3.6's botframework channel checks audience and expiry only, and fetches
Microsoft's keys with blocking calls. Here the token must be RS256-signed by a
key from the Bot Framework's OpenID metadata, issued by the Bot Framework, for
this app, unexpired, and for the serviceUrl the activity asks us to answer at
(otherwise a valid token could send our replies, and our own token, elsewhere).
Keys are fetched with aiohttp and cached. When fetching fails, the next attempt waits
longer each time (up to five minutes) instead of every request trying again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import aiohttp
import jwt
from jwt.algorithms import RSAAlgorithm

logger = logging.getLogger(__name__)

ISSUER = "https://api.botframework.com"
OPENID_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
KEYS_MAX_AGE = 24 * 3600  # Microsoft rotates keys and advises refreshing them daily
UNKNOWN_KEY_REFETCH = 300  # an unknown key id refetches at most this often
LEEWAY = 300  # Microsoft allows five minutes of clock skew
# After a failed fetch the next waits 5 s, then 10, 20 ... at most 5 minutes: a request per second
# while Microsoft (or the network) is down would otherwise mean a fetch per request, each holding
# the lock for up to its 10 s timeout.
BACKOFF_FIRST = 5.0
BACKOFF_MAX = 300.0


class Refused(Exception):
    """The request is not from the Bot Framework for this bot; the message says why (for the log)."""


class KeyCache:
    """The Bot Framework's signing keys, fetched without blocking the server."""

    def __init__(self, openid_url: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.openid_url = openid_url
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched = 0.0
        self._lock = asyncio.Lock()
        self._clock = clock
        self._failures = 0
        self._next_try = 0.0

    async def _fetch(self) -> None:
        timeout = aiohttp.ClientTimeout(total=10)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.get(self.openid_url) as response:
                response.raise_for_status()
                metadata = await response.json(content_type=None)
            async with session.get(metadata["jwks_uri"]) as response:
                response.raise_for_status()
                jwks = await response.json(content_type=None)
        self._keys = {key["kid"]: key for key in jwks["keys"] if "kid" in key}
        self._fetched = self._clock()

    async def key(self, kid: str) -> dict[str, Any] | None:
        async with self._lock:
            now = self._clock()
            age = now - self._fetched
            stale = not self._keys or age > KEYS_MAX_AGE
            wanted = stale or (kid not in self._keys and age > UNKNOWN_KEY_REFETCH)
            if wanted and now >= self._next_try:
                try:
                    await self._fetch()
                    self._failures = 0
                except (aiohttp.ClientError, asyncio.TimeoutError, KeyError, TypeError, ValueError) as error:
                    self._failures += 1
                    wait = min(BACKOFF_MAX, BACKOFF_FIRST * 2 ** (self._failures - 1))
                    self._next_try = self._clock() + wait
                    logger.warning(
                        "Could not fetch the Bot Framework signing keys from %s (%s); next try in %.0f s.",
                        self.openid_url,
                        error,
                        wait,
                    )
            return self._keys.get(kid)


async def verify(authorization: str | None, activity: dict[str, Any], app_id: str, keys: KeyCache) -> dict[str, Any]:
    """The token's claims if the request may be answered; raises Refused otherwise."""
    if not authorization or not authorization.startswith("Bearer "):
        raise Refused("no bearer token")
    token = authorization.removeprefix("Bearer ").strip()
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise Refused(f"unreadable token: {error}") from error
    if header.get("alg") != "RS256":
        raise Refused(f"algorithm {header.get('alg')!r} is not RS256")
    key = await keys.key(str(header.get("kid", "")))
    if key is None:
        raise Refused(f"unknown signing key {header.get('kid')!r}")
    endorsements = key.get("endorsements")
    channel = activity.get("channelId")
    if isinstance(endorsements, list) and channel and channel not in endorsements:
        raise Refused(f"key not endorsed for channel {channel!r}")
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key=RSAAlgorithm.from_jwk(key),  # type: ignore[arg-type]
            algorithms=["RS256"],
            audience=app_id,
            issuer=ISSUER,
            leeway=LEEWAY,
            options={"require": ["exp", "iss", "aud"]},
        )
    except jwt.PyJWTError as error:
        raise Refused(f"invalid token: {error}") from error
    service_url = activity.get("serviceUrl")
    if not service_url or claims.get("serviceurl", claims.get("serviceUrl")) != service_url:
        raise Refused("the token's serviceUrl does not match the activity's")
    return claims

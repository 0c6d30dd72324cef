"""Local stand-ins for the outside network edge of the Teams and Slack channels.

Only what Microsoft and Slack would run is replaced: the Bot Framework's OpenID
metadata and signing keys, the token endpoint, a conversation's serviceUrl, and
Slack's Web API. Everything they receive is recorded for the tests to check.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from devtools.servers import free_port

BOT_ISSUER = "https://api.botframework.com"


@dataclass
class Edge:
    url: str
    key: rsa.RSAPrivateKey
    kid: str
    activities: list[dict[str, Any]] = field(default_factory=list)  # messages posted to the serviceUrl
    typing: list[dict[str, Any]] = field(default_factory=list)  # typing activities posted there
    updates: list[dict[str, Any]] = field(default_factory=list)  # messages replaced (updateActivity)
    # Seconds the serviceUrl takes to accept a post, by conversation id: a slow turn.
    slow_conversations: dict[str, float] = field(default_factory=dict)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    slack_messages: list[dict[str, Any]] = field(default_factory=list)
    slack_files: list[dict[str, Any]] = field(default_factory=list)
    slack_updates: list[dict[str, Any]] = field(default_factory=list)  # chat.update calls
    # chat.postMessage calls answered with HTTP 429 and Retry-After, by channel: Slack's rate limit.
    slack_rate_limited: dict[str, int] = field(default_factory=dict)
    slack_attempts: list[dict[str, Any]] = field(default_factory=list)  # every chat.postMessage, 429s too
    slack_app_token: str = ""  # Socket Mode: apps.connections.open takes this token
    socket_acks: list[str] = field(default_factory=list)  # envelope ids the assistant acknowledged
    sockets: list[web.WebSocketResponse] = field(default_factory=list)
    loop: asyncio.AbstractEventLoop | None = None
    access_token: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def service_url(self) -> str:
        return f"{self.url}/service/"

    def sign(self, claims: dict[str, Any], key: rsa.RSAPrivateKey | None = None) -> str:
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": self.kid})

    def bot_claims(self, app_id: str, **changes: Any) -> dict[str, Any]:
        now = int(time.time())
        claims = {"iss": BOT_ISSUER, "aud": app_id, "exp": now + 3600, "nbf": now - 10, "serviceurl": self.service_url}
        claims.update(changes)
        return claims

    def socket_send(self, envelope: dict[str, Any]) -> None:
        """Sends an envelope over every open Socket Mode connection, as Slack would."""
        assert self.loop is not None and self.sockets, "no Socket Mode connection is open"

        async def send() -> None:
            for socket in self.sockets:
                await socket.send_json(envelope)

        asyncio.run_coroutine_threadsafe(send(), self.loop).result(timeout=10)

    def wait_for(self, found: Any, timeout: float = 30) -> None:
        """Waits until `found()` is true: replies arrive after the webhook has answered."""
        deadline = time.monotonic() + timeout
        while not found():
            if time.monotonic() > deadline:
                raise TimeoutError("the expected replies did not arrive at the stand-in")
            time.sleep(0.1)


def _app(edge: Edge) -> web.Application:
    public = RSAAlgorithm.to_jwk(edge.key.public_key(), as_dict=True)
    jwks = {"keys": [{**public, "kid": edge.kid, "use": "sig", "endorsements": ["msteams"]}]}

    async def openid(_: web.Request) -> web.Response:
        return web.json_response({"issuer": BOT_ISSUER, "jwks_uri": f"{edge.url}/keys"})

    async def keys(_: web.Request) -> web.Response:
        return web.json_response(jwks)

    async def token(request: web.Request) -> web.Response:
        form = dict(await request.post())
        edge.token_requests.append({"tenant": request.match_info["tenant"], **{k: str(v) for k, v in form.items()}})
        return web.json_response({"token_type": "Bearer", "expires_in": 3600, "access_token": edge.access_token})

    async def activity(request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {edge.access_token}":
            return web.json_response({"error": "unauthorized"}, status=401)
        conversation = request.match_info["conversation"]
        body = await request.json()
        await asyncio.sleep(edge.slow_conversations.get(body["conversation"]["id"], 0))
        activity_id = uuid.uuid4().hex
        received = {"conversation_id": conversation, "id": activity_id, "received_at": time.monotonic(), **body}
        (edge.typing if body.get("type") == "typing" else edge.activities).append(received)
        return web.json_response({"id": activity_id})

    async def update(request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {edge.access_token}":
            return web.json_response({"error": "unauthorized"}, status=401)
        body = await request.json()
        edge.updates.append({"conversation_id": request.match_info["conversation"], **body})
        return web.json_response({"id": request.match_info["activity"]})

    async def slack(request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "apps.connections.open":
            if not edge.slack_app_token or request.headers.get("Authorization") != f"Bearer {edge.slack_app_token}":
                return web.json_response({"ok": False, "error": "invalid_auth"})
            return web.json_response({"ok": True, "url": edge.url.replace("http://", "ws://") + "/socket"})
        if request.headers.get("Authorization") != "Bearer xoxb-test-token":
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if method == "chat.postMessage":
            message = await request.json()
            edge.slack_attempts.append({**message, "at": time.monotonic()})
            if edge.slack_rate_limited.get(message["channel"], 0) > 0:
                edge.slack_rate_limited[message["channel"]] -= 1
                return web.json_response(
                    {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"}
                )
            message["ts"] = f"{time.time():.6f}"
            edge.slack_messages.append(message)
            return web.json_response({"ok": True, "ts": message["ts"], "channel": message["channel"]})
        if method == "chat.update":
            edge.slack_updates.append(await request.json())
            return web.json_response({"ok": True})
        # slack_sdk sends these as query parameters, other clients as a form: both are read.
        form = {
            **{k: str(v) for k, v in request.query.items()},
            **{k: str(v) for k, v in (await request.post()).items()},
        }
        if method == "files.getUploadURLExternal":
            file_id = "F" + uuid.uuid4().hex[:10].upper()
            edge.slack_files.append({"id": file_id, "filename": form["filename"], "length": int(form["length"])})
            return web.json_response({"ok": True, "upload_url": f"{edge.url}/upload/{file_id}", "file_id": file_id})
        if method == "files.completeUploadExternal":
            for shared in json.loads(form["files"]):
                for stored in edge.slack_files:
                    if stored["id"] == shared["id"]:
                        stored.update(title=shared.get("title"), channel=form.get("channel_id"), completed=True)
            return web.json_response({"ok": True})
        return web.json_response({"ok": False, "error": "unknown_method"})

    async def upload(request: web.Request) -> web.Response:
        if request.content_type.startswith("multipart/"):
            part = (await request.post())["file"]
            content = part.file.read() if isinstance(part, web.FileField) else str(part).encode()
        else:  # the bytes as the body, as slack_sdk sends them
            content = await request.read()
        for stored in edge.slack_files:
            if stored["id"] == request.match_info["file_id"]:
                stored["content"] = content
        return web.Response(text="OK")

    async def socket(request: web.Request) -> web.WebSocketResponse:
        """Slack's Socket Mode end: hello, then envelopes from the test; acks are recorded."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        edge.sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0TEST"}})
        try:
            async for message in ws:
                if message.type == web.WSMsgType.TEXT:
                    ack = json.loads(message.data)
                    if "envelope_id" in ack:
                        edge.socket_acks.append(ack["envelope_id"])
        finally:
            edge.sockets.remove(ws)
        return ws

    app = web.Application()
    app.router.add_get("/openid", openid)
    app.router.add_get("/keys", keys)
    app.router.add_post("/{tenant}/oauth2/v2.0/token", token)
    app.router.add_post("/service/v3/conversations/{conversation}/activities", activity)
    app.router.add_put("/service/v3/conversations/{conversation}/activities/{activity}", update)
    app.router.add_post("/api/{method}", slack)
    app.router.add_post("/upload/{file_id}", upload)
    app.router.add_get("/socket", socket)
    return app


@contextmanager
def running_edge(slack_app_token: str = "") -> Iterator[Edge]:
    """The stand-ins on a loopback port, served from a thread of their own."""
    port = free_port()
    edge = Edge(url=f"http://127.0.0.1:{port}", key=rsa.generate_private_key(65537, 2048), kid=uuid.uuid4().hex)
    edge.slack_app_token = slack_app_token
    loop = asyncio.new_event_loop()
    edge.loop = loop
    runner = web.AppRunner(_app(edge))
    loop.run_until_complete(runner.setup())
    loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield edge
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.run_until_complete(runner.cleanup())
        loop.close()

"""The container images as a server runs them: built by scripts/images.sh, started with the
machine's network and with PostgreSQL (tracker store) and Redis (lock store) from Debian's packages
on loopback (devtools/services.py, as the cluster test does), and used only through the page's
nginx: a full assessment over the socket.io WebSocket and one over REST, with the Rasa server's
container killed in the middle of both and started again, after which both go on where they were.

Run by `make images-test`, which `make test` runs after the other tests (ASF_IMAGES_TEST=1; a
plain `make pytest` skips it). The build is cheap when only code changed (scripts/images.sh keeps
the dependency layer); the first build on a machine takes 20–30 minutes. Skipped, with the reason
printed, only where neither podman nor docker is installed.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import requests
from websockets.client import connect
from websockets.typing import Origin

from channels.rest import namespaced
from devtools.servers import free_port
from devtools.services import postgres_server, redis_server
from tests.system.container_images import CT, MARKS, RUN_OPTS
from tests.system.test_websocket import next_event

# A path through the tree to 'Förbundet kan finansiera insatsen på villkor' (as test_servers.py);
# the Rasa server's container is killed after the first three answers.
ANSWERS = [
    '/inform{"question":"vem","choice":"deltagare"}',
    "ja",
    '/inform{"question":"insats_typ","choice":"handledare"}',
    '/inform{"question":"handledare_anstalld","choice":"hos_part"}',
    "kommunen",
    '/inform{"question":"pengavag","choice":"via_part"}',
]
BEFORE_THE_KILL = 3
VERDICT = "Förbundet kan finansiera insatsen på villkor."


pytestmark = MARKS


@dataclass
class Deployment:
    names: dict[str, str]  # part -> container name
    rasa_url: str
    page_url: str
    rest_token: str
    tracker_url: str
    redis_port: int

    def logs(self, part: str) -> str:
        shown = subprocess.run([*CT, "logs", self.names[part]], capture_output=True, text=True)
        return (shown.stdout + shown.stderr)[-3000:]

    def wait_for_rasa(self, seconds: float) -> float:
        """Seconds until the Rasa server in its container answers."""
        started = time.monotonic()
        while True:
            try:
                if requests.get(self.rasa_url + "/", timeout=2).ok:
                    return time.monotonic() - started
            except requests.ConnectionError:
                pass
            if time.monotonic() - started > seconds:
                pytest.fail("Rasa-servern i containern svarade inte: " + self.logs("rasa"))
            time.sleep(1)

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        """One REST message through the page's nginx."""
        response = requests.post(
            self.page_url + "/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            headers={"Authorization": f"Bearer {self.rest_token}"},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        replies: list[dict[str, Any]] = response.json()
        return replies


def run_container(name: str, image: str, env: dict[str, str]) -> None:
    options = [item for key, value in env.items() for item in ("-e", f"{key}={value}")]
    subprocess.run(
        [*CT, "run", "-d", "--name", name, "--network", "host", *RUN_OPTS, *options, image],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def deployment(images: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    suffix = secrets.token_hex(4)
    names = {part: f"asf-test-{part}-{suffix}" for part in ("actions", "rasa", "web")}
    action_port, rasa_port, web_port = free_port(), free_port(), free_port()
    token, rest_token = secrets.token_hex(16), secrets.token_urlsafe(24)
    page = f"http://127.0.0.1:{web_port}"
    common = {"ASF_HOST": "127.0.0.1", "ACTION_SERVER_TOKEN": token}
    with postgres_server() as postgres, redis_server(tmp_path_factory.mktemp("images")) as redis:
        try:
            run_container(
                names["actions"], f"localhost/asf-actions:{images}", {**common, "ACTION_PORT": str(action_port)}
            )
            run_container(
                names["rasa"],
                f"localhost/asf-rasa:{images}",
                {
                    **common,
                    "RASA_PORT": str(rasa_port),
                    "ACTION_PORT": str(action_port),
                    "ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}/webhook",
                    "ASF_REST_TOKEN": rest_token,
                    # Fixed, as compose.yml's .env has it: the page's signed sessions outlive a restart.
                    "ASF_SESSION_SECRET": secrets.token_hex(32),
                    "ASF_ALLOWED_ORIGINS": page,
                    "TRACKER_URL": postgres.url(),
                    "REDIS_HOST": redis.host,
                    "REDIS_PORT": str(redis.port),
                },
            )
            run_container(
                names["web"],
                f"localhost/asf-web:{images}",
                {"WEB_PORT": str(web_port), "RASA_UPSTREAM": f"127.0.0.1:{rasa_port}"},
            )
            running = Deployment(names, f"http://127.0.0.1:{rasa_port}", page, rest_token, postgres.url(), redis.port)
            print(f"\nRasa-servern i containern svarade efter {running.wait_for_rasa(300):.0f} s")
            yield running
        finally:
            for name in names.values():
                subprocess.run([*CT, "rm", "-f", "-t", "5", name], capture_output=True)


def test_the_images_run_as_a_non_root_user_with_health_checks(images: str):
    for name in ("rasa", "actions", "web"):
        shown = subprocess.run(
            [
                *CT,
                "image",
                "inspect",
                "--format",
                "{{.Config.User}} {{json .Config.Healthcheck}}",
                f"localhost/asf-{name}:{images}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert shown.startswith("asf ") and "curl" in shown, shown


def test_the_page_behind_nginx_points_the_widget_at_its_own_origin(deployment: Deployment):
    page = deployment.page_url
    response = requests.get(page + "/", timeout=10)
    assert response.status_code == 200
    assert f'data-server="{page}"' in response.text
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "ws://127.0.0.1:" in policy
    assert requests.get(page + "/package.json", timeout=10).status_code == 404


class WebChat:
    """The page's widget as frames: socket.io over a WebSocket through nginx, from the page's origin."""

    def __init__(self, page_url: str) -> None:
        self.url = page_url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
        self.origin = page_url
        self.session: dict[str, str] = {}

    async def session_request(self, socket: Any) -> dict[str, Any]:
        assert (await asyncio.wait_for(socket.recv(), 20)).startswith("0{")
        await socket.send("40")
        assert (await asyncio.wait_for(socket.recv(), 20)).startswith("40{")
        await socket.send("42" + json.dumps(["session_request", self.session]))
        confirm: dict[str, Any] = await next_event(socket, "session_confirm", 20)
        self.session = {"session_id": confirm["session_id"], "session_token": confirm["session_token"]}
        return confirm

    async def converse(self, messages: list[str]) -> tuple[dict[str, Any], list[str]]:
        """Opens the chat (resuming the session this object holds), sends each message and returns
        the session confirmation and, per message, the texts the assistant sent back."""
        async with connect(self.url, open_timeout=20, origin=Origin(self.origin)) as socket:
            confirm = await self.session_request(socket)
            answers = []
            for message in messages:
                await socket.send("42" + json.dumps(["user_uttered", {"message": message}]))
                texts = [str((await next_event(socket, "bot_uttered", 60)).get("text", ""))]
                while True:  # the rest of this turn's messages: until none comes for two seconds
                    try:
                        texts.append(str((await next_event(socket, "bot_uttered", 2)).get("text", "")))
                    except asyncio.TimeoutError:  # not TimeoutError on 3.10
                        break
                answers.append("\n".join(texts))
            return confirm, answers


def rest_texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(str(reply.get("text", "")) for reply in replies)


def test_assessments_over_socketio_and_rest_survive_a_killed_rasa_container(deployment: Deployment):
    chat, sender = WebChat(deployment.page_url), "images-rest"
    first = asyncio.run(chat.converse(["/start_assessment", *ANSWERS[:BEFORE_THE_KILL]]))
    assert first[0]["resumed"] is False and first[0]["session_id"].startswith("web-")
    assert "Vem är insatsen till för i första hand" in first[1][0]
    assert "Vem är insatsen till för i första hand" in rest_texts(deployment.say(sender, "/start_assessment"))
    for answer in ANSWERS[:BEFORE_THE_KILL]:
        deployment.say(sender, answer)

    subprocess.run([*CT, "kill", deployment.names["rasa"]], check=True, capture_output=True)
    gone = requests.post(deployment.page_url + "/webhooks/rest/webhook", json={}, timeout=10)
    assert gone.status_code == 502  # nginx: no Rasa server behind it
    subprocess.run([*CT, "start", deployment.names["rasa"]], check=True, capture_output=True)
    print(f"\nRasa-servern svarade {deployment.wait_for_rasa(300):.0f} s efter omstarten")

    # The same signed session and the same REST sender go on from the fourth answer to the verdict.
    confirm, answers = asyncio.run(chat.converse(ANSWERS[BEFORE_THE_KILL:]))
    assert confirm["resumed"] is True and confirm["session_id"] == first[0]["session_id"]
    assert "Vem är insatsen till för i första hand" not in "\n".join(answers)
    assert VERDICT in answers[-1], answers
    replies: list[dict[str, Any]] = []
    for answer in ANSWERS[BEFORE_THE_KILL:]:
        replies = deployment.say(sender, answer)
    assert VERDICT in rest_texts(replies)
    result = [reply["custom"] for reply in replies if "custom" in reply]
    # Answers given before the kill are in the result: they came back from PostgreSQL.
    assert result and result[0]["answers"]["vem"] == "deltagare" and result[0]["answers"]["utforare"] == "kommunen"


def test_the_conversations_are_in_postgresql_and_the_locks_in_redis(deployment: Deployment):
    import sqlalchemy as sa

    deployment.say("images-stores", "hej")
    engine = sa.create_engine(deployment.tracker_url)
    try:
        with engine.connect() as connection:
            query = sa.text("select count(*) from events where sender_id = :sender")
            stored = connection.execute(query, {"sender": namespaced("images-stores")}).scalar()
    finally:
        engine.dispose()
    assert stored and stored > 0  # not the SQLite file inside the container, which also outlives a restart
    stats = subprocess.run(
        ["redis-cli", "-p", str(deployment.redis_port), "info", "commandstats"], capture_output=True, text=True
    ).stdout
    assert "cmdstat_set:" in stats, stats  # Rasa's RedisLockStore writes each conversation's lock

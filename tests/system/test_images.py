"""The container images: built by scripts/images.sh, started with the machine's network, and
answering one REST message through the Rasa server and the action server in their containers.

Run by `make images-test` (ASF_IMAGES_TEST=1): building the images takes from two minutes (every
layer cached) to over twenty (a cold build), too long for every `make test`. Skipped, with the
reason printed, in `make test` and where neither podman nor docker is installed.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from devtools.servers import free_port
from tests.system.test_websocket import converse

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.servers


def container_tool(array: str) -> list[str]:
    """An array that scripts/container_tool.sh sets: CT (the command) or RUN_OPTS."""
    return subprocess.run(
        ["bash", "-c", f'source scripts/container_tool.sh; printf "%s\\n" "${{{array}[@]}}"'],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()


if os.environ.get("ASF_IMAGES_TEST") != "1":
    pytest.skip(
        "HOPPAR ÖVER avbildstesterna: de körs med 'make images-test' (att bygga avbilderna tar 2–25 minuter).",
        allow_module_level=True,
    )
CT = container_tool("CT")
RUN_OPTS = container_tool("RUN_OPTS")
if not CT:
    pytest.skip("HOPPAR ÖVER avbildstesterna: varken podman eller docker finns på maskinen.", allow_module_level=True)


@pytest.fixture(scope="module")
def images() -> str:
    tag = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    env = {**os.environ, "IMAGE_TAG": tag.stdout.strip() or "dev"}
    built = subprocess.run(["bash", "scripts/images.sh"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    return env["IMAGE_TAG"]


def run_container(name: str, image: str, env: dict[str, str]) -> None:
    options = [item for key, value in env.items() for item in ("-e", f"{key}={value}")]
    subprocess.run(
        [*CT, "run", "-d", "--rm", "--name", name, "--network", "host", *RUN_OPTS, *options, image],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def running(images: str) -> Iterator[tuple[str, str, str]]:
    suffix = secrets.token_hex(4)
    names = [f"asf-test-actions-{suffix}", f"asf-test-rasa-{suffix}", f"asf-test-web-{suffix}"]
    action_port, rasa_port, web_port = free_port(), free_port(), free_port()
    token, rest_token = secrets.token_hex(16), secrets.token_urlsafe(24)
    common = {"ASF_HOST": "127.0.0.1", "ACTION_SERVER_TOKEN": token}
    try:
        run_container(names[0], f"localhost/asf-actions:{images}", {**common, "ACTION_PORT": str(action_port)})
        run_container(
            names[1],
            f"localhost/asf-rasa:{images}",
            {
                **common,
                "RASA_PORT": str(rasa_port),
                "ACTION_PORT": str(action_port),
                "ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}/webhook",
                "ASF_REST_TOKEN": rest_token,
                "ASF_SESSION_SECRET": secrets.token_hex(32),
            },
        )
        run_container(
            names[2],
            f"localhost/asf-web:{images}",
            {"WEB_PORT": str(web_port), "RASA_UPSTREAM": f"127.0.0.1:{rasa_port}"},
        )
        url = f"http://127.0.0.1:{rasa_port}"
        deadline = time.monotonic() + 300
        while True:
            try:
                if requests.get(url + "/", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                logs = subprocess.run([*CT, "logs", names[1]], capture_output=True, text=True)
                pytest.fail("Rasa-servern i containern svarade inte: " + (logs.stdout + logs.stderr)[-3000:])
            time.sleep(2)
        yield url, rest_token, f"http://127.0.0.1:{web_port}"
    finally:
        for name in names:
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


def test_the_containers_answer_a_rest_message_with_the_action_server(running: tuple[str, str, str]):
    url, rest_token, _ = running
    response = requests.post(
        url + "/webhooks/rest/webhook",
        json={"sender": "images-test", "message": "hej"},
        headers={"Authorization": f"Bearer {rest_token}"},
        timeout=60,
    )
    assert response.status_code == 200
    texts = [str(reply.get("text", "")) for reply in response.json()]
    # The greeting is an action's answer (utter_ responses come from Rasa alone): it shows the
    # action server in its container was reached with the shared token.
    assert any("Hej! Jag hjälper dig" in text for text in texts), texts


def test_the_page_behind_nginx_points_the_widget_at_its_own_origin(running: tuple[str, str, str]):
    page = running[2]
    response = requests.get(page + "/", timeout=10)
    assert response.status_code == 200
    assert f'data-server="{page}"' in response.text
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "ws://127.0.0.1:" in policy
    assert requests.get(page + "/package.json", timeout=10).status_code == 404


def test_the_page_chats_over_a_websocket_through_nginx(running: tuple[str, str, str]):
    opened, confirm, reply = asyncio.run(converse(running[2]))
    assert opened.startswith("0{") and confirm["session_id"].startswith("web-")
    assert "Hej! Jag hjälper dig" in reply["text"]

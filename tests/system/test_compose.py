"""compose.yml as a server runs it: `podman-compose up -d` with compose.yml unchanged and a `.env`
made from .env.example, then a full assessment over REST through the page's nginx, the only
published port, and `podman-compose down -v` at the end, which takes away only this project's
containers and volume (and its network, which podman-compose 1.0.3 leaves).

The official postgres and redis images that compose.yml names are used where they can be pulled.
Where they cannot (no registry here), tests/system/compose/stand-ins.yml swaps in one stand-in
image for both services, built from the Debian base with Debian's PostgreSQL 15 and Redis 7
packages and started as the official images start them (tests/system/compose/db.Containerfile);
the rest of compose.yml (its network and service names, .env, the images, restart policy,
published port) runs as written. Run by `make images-test` before test_images.py, with the same
images; skipped, with the reason printed, where podman-compose cannot be installed.
"""

from __future__ import annotations

import hashlib
import secrets
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from asf import yamltext
from channels.rest import namespaced
from devtools.servers import free_port
from tests.system.container_images import CT, MARKS, ROOT, RUN_OPTS
from tests.system.test_images import ANSWERS, VERDICT

COMPOSE = shutil.which("podman-compose")
STAND_INS = ROOT / "tests" / "system" / "compose"
DEBIAN_IMAGE = "docker.io/library/debian:bookworm-slim"  # scripts/images.sh's default, there after the build
SECRETS = ("ACTION_SERVER_TOKEN", "ASF_SESSION_SECRET", "ASF_REST_TOKEN", "POSTGRES_PASSWORD")

pytestmark = [
    *MARKS,
    pytest.mark.skipif(
        COMPOSE is None or CT[:1] != ["podman"],
        reason="HOPPAR ÖVER compose-testet: det körs med podman och podman-compose, som saknas här "
        "(kör t.ex. 'sudo apt-get install podman podman-compose').",
    ),
]


def compose_file() -> dict[str, Any]:
    loaded: dict[str, Any] = yamltext.load((ROOT / "compose.yml").read_text(encoding="utf-8"))
    return loaded


def can_use(image: str) -> bool:
    """The image is on the machine, or can be pulled (not from here: no registry answers)."""
    if subprocess.run([*CT, "image", "exists", image], capture_output=True).returncode == 0:
        return True
    try:
        return subprocess.run([*CT, "pull", "-q", image], capture_output=True, timeout=300).returncode == 0
    except subprocess.TimeoutExpired:
        return False


def stand_in_image() -> str:
    """The stand-in for postgres and redis, built once per version of its files and kept (about
    40 s to build); an earlier version loses its tag."""
    files = [STAND_INS / "db.Containerfile", STAND_INS / "db-entrypoint.sh"]
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in files) + DEBIAN_IMAGE.encode()).hexdigest()
    name = f"localhost/asf-test-db:{digest[:12]}"
    if subprocess.run([*CT, "image", "exists", name], capture_output=True).returncode != 0:
        built = subprocess.run(
            [
                *CT,
                "build",
                "--network",
                "host",
                "--format",
                "docker",
                "--label",
                "asf.images=tests/system/compose",
                "--build-arg",
                f"DEBIAN_IMAGE={DEBIAN_IMAGE}",
                "-f",
                str(files[0]),
                "-t",
                name,
                str(STAND_INS),
            ],
            capture_output=True,
            text=True,
        )
        assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    listed = subprocess.run(
        [*CT, "images", "--format", "{{.Repository}}:{{.Tag}}", "localhost/asf-test-db"], capture_output=True, text=True
    ).stdout.split()
    for old in set(listed) - {name}:
        subprocess.run([*CT, "rmi", old], capture_output=True)  # refused while another run uses it
    return name


def env_file(values: dict[str, str]) -> str:
    """.env.example with the given values filled in, line by line; its comments and defaults kept."""
    values, lines = dict(values), []
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        key = line.split("=", 1)[0]
        lines.append(f"{key}={values.pop(key)}" if not line.startswith("#") and key in values else line)
    lines += [f"{key}={value}" for key, value in values.items()]  # what .env.example does not list
    return "\n".join(lines) + "\n"


@dataclass
class Stack:
    project: str
    page_url: str
    rest_token: str
    started: float

    def container(self, service: str) -> str:
        found = subprocess.run(
            [
                *CT,
                "ps",
                "-a",
                "--format",
                "{{.Names}}",
                "--filter",
                f"label=io.podman.compose.project={self.project}",
                "--filter",
                f"label=com.docker.compose.service={service}",
            ],
            capture_output=True,
            text=True,
        ).stdout.split()
        assert len(found) == 1, (service, found)
        return found[0]

    def logs(self, service: str) -> str:
        shown = subprocess.run([*CT, "logs", self.container(service)], capture_output=True, text=True)
        return (shown.stdout + shown.stderr)[-3000:]

    def say(self, sender: str, message: str, timeout: float = 60) -> list[dict[str, Any]]:
        """One REST message through the page's nginx."""
        response = requests.post(
            self.page_url + "/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            headers={"Authorization": f"Bearer {self.rest_token}"},
            timeout=timeout,
        )
        assert response.status_code == 200, response.text
        replies: list[dict[str, Any]] = response.json()
        return replies

    def first_answer(self, seconds: float) -> float:
        """Seconds from `up` until the assistant answers through the page."""
        while True:
            try:
                if self.say("compose-first", "/start_assessment", timeout=10):
                    return time.monotonic() - self.started
            except (requests.ConnectionError, requests.Timeout, AssertionError):
                pass  # nginx not up yet, or 502 while Rasa loads
            if time.monotonic() - self.started > seconds:
                pytest.fail("Assistenten svarade inte genom compose-stacken: " + self.logs("rasa"))
            time.sleep(2)


@pytest.fixture(scope="module")
def stack(images: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    services = compose_file()["services"]
    files = ["compose.yml"]
    folder = tmp_path_factory.mktemp("compose")
    shutil.copyfile(ROOT / "compose.yml", folder / "compose.yml")
    values = {name: secrets.token_hex(24) for name in SECRETS}
    web_port = free_port()
    values |= {"WEB_PORT": str(web_port), "IMAGE_TAG": images}
    if not all(can_use(services[name]["image"]) for name in ("postgres", "redis")):
        shutil.copyfile(STAND_INS / "stand-ins.yml", folder / "stand-ins.yml")
        files.append("stand-ins.yml")
        values["ASF_TEST_DB_IMAGE"] = stand_in_image()
        print(f"\nPostgreSQL och Redis: {values['ASF_TEST_DB_IMAGE']} (de officiella avbilderna går inte att hämta)")
    (folder / ".env").write_text(env_file(values), encoding="utf-8")

    project = f"asf-test-{secrets.token_hex(4)}"
    command = [str(COMPOSE), "-p", project, *[item for name in files for item in ("-f", str(folder / name))]]
    if CT[1:]:
        command += ["--podman-args", " ".join(CT[1:])]  # this machine's runtime and cgroup manager
    command += ["--podman-run-args", " ".join(RUN_OPTS)] if RUN_OPTS else []
    running = Stack(project, f"http://127.0.0.1:{web_port}", values["ASF_REST_TOKEN"], time.monotonic())
    try:
        up = subprocess.run([*command, "up", "-d"], cwd=folder, capture_output=True, text=True)
        assert up.returncode == 0, up.stdout[-3000:] + up.stderr[-3000:]
        print(f"\nFrån 'podman-compose up' till första svaret genom sidan: {running.first_answer(300):.0f} s")
        yield running
    finally:
        down = subprocess.run([*command, "down", "-v"], cwd=folder, capture_output=True, text=True)
        # What down left (none if it worked): this project's containers only, by their label.
        subprocess.run(
            [*CT, "rm", "-f", "-v", "--filter", f"label=io.podman.compose.project={project}"], capture_output=True
        )
        subprocess.run([*CT, "network", "rm", f"{project}_default"], capture_output=True)
        assert down.returncode == 0, down.stderr[-3000:]


def rest_texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(str(reply.get("text", "")) for reply in replies)


def test_a_full_assessment_over_rest_through_the_page(stack: Stack):
    sender = "compose-rest"
    assert "Vem är insatsen till för i första hand" in rest_texts(stack.say(sender, "/start_assessment"))
    replies: list[dict[str, Any]] = []
    for answer in ANSWERS:
        replies = stack.say(sender, answer)
    assert VERDICT in rest_texts(replies)
    result = [reply["custom"] for reply in replies if "custom" in reply]
    assert result and result[0]["answers"]["vem"] == "deltagare" and result[0]["answers"]["utforare"] == "kommunen"


def test_the_conversations_are_in_the_postgres_service_and_the_locks_in_the_redis_service(stack: Stack):
    stack.say("compose-stores", "hej")
    query = f"select count(*) from events where sender_id = '{namespaced('compose-stores')}'"
    stored = subprocess.run(
        [*CT, "exec", stack.container("postgres"), "psql", "-U", "asf", "-d", "asf", "-tAc", query],
        capture_output=True,
        text=True,
    )
    assert stored.returncode == 0 and int(stored.stdout) > 0, stored.stdout + stored.stderr
    stats = subprocess.run(
        [*CT, "exec", stack.container("redis"), "redis-cli", "info", "commandstats"], capture_output=True, text=True
    ).stdout
    assert "cmdstat_set:" in stats, stats  # Rasa's RedisLockStore writes each conversation's lock


def test_every_service_restarts_unless_stopped_and_only_the_page_is_published(stack: Stack):
    for service in ("postgres", "redis", "actions", "rasa", "web"):
        name = stack.container(service)
        policy = subprocess.run(
            [*CT, "inspect", "--format", "{{.HostConfig.RestartPolicy.Name}}", name],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert policy == "unless-stopped", (service, policy)
        published = subprocess.run([*CT, "port", name], capture_output=True, text=True, check=True).stdout.split()
        assert bool(published) == (service == "web"), (service, published)
    assert requests.get(stack.page_url + "/", timeout=10).status_code == 200


def test_env_file_fills_in_values_and_keeps_the_rest():
    filled = env_file({"ASF_REST_TOKEN": "abc", "EXTRA": "1"})
    assert "\nASF_REST_TOKEN=abc\n" in filled and filled.endswith("\nEXTRA=1\n")
    assert "\nASF_SESSION_SECRET=\n" in filled and "\nREDIS_PORT=6379\n" in filled
    assert Path(ROOT / ".env.example").read_text(encoding="utf-8").count("\n") + 1 == filled.count("\n")

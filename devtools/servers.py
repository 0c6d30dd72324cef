"""Starts `scripts/run.sh` on free ports for tests and stops it again."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Servers:
    rasa_url: str
    web_url: str
    process: subprocess.Popen[bytes]
    log: Path
    rest_token: str = ""
    logs: Path = Path()  # the servers' own log folder (ASF_LOGS), so a test reads only theirs

    def log_text(self) -> str:
        """Everything the servers logged so far; no log file at all is an error, not an empty log."""
        files = sorted(self.logs.glob("*.log"))
        if not files:
            raise AssertionError(f"Servrarna har inga loggfiler i {self.logs}.")
        return "".join(path.read_text(errors="replace") for path in files)

    @property
    def rest_headers(self) -> dict[str, str]:
        """What a client of the REST channel sends to be let in."""
        return {"Authorization": f"Bearer {self.rest_token}"}

    def say(self, sender: str, message: str) -> list[dict[str, object]]:
        response = requests.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            headers=self.rest_headers,
            timeout=30,
        )
        response.raise_for_status()
        replies: list[dict[str, object]] = response.json()
        return replies

    def pid_of(self, pattern: str) -> int | None:
        """The process run.sh started whose command line holds `pattern`, e.g. "rasa run actions"."""
        found = subprocess.run(
            ["pgrep", "-g", str(self.process.pid), "-f", pattern], capture_output=True, text=True
        ).stdout.split()
        return int(found[0]) if found else None


@contextmanager
def started_process(
    command: list[str], env: Mapping[str, str], log: Path, ready: str, seconds: float
) -> Iterator[subprocess.Popen[bytes]]:
    """Runs `command` in its own process group once `ready` is in its log; stops it as Ctrl-C does."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        # Started in the background (`make test &`, some CI runners), this process ignores Ctrl-C, and
        # so would run.sh, which cannot trap a signal ignored when it starts: each stop then waited
        # the 30 s below for nothing. GNU env gives the command Ctrl-C's default back.
        command = ["env", "--default-signal=INT", *command]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=dict(env), stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + seconds
        while ready not in log.read_text(errors="replace"):
            if process.poll() is not None:
                raise RuntimeError(f"{' '.join(command)} stoppade under starten:\n{log.read_text(errors='replace')}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{' '.join(command)} startade inte inom {seconds:.0f} s; se {log}.")
            time.sleep(0.3)
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@contextmanager
def running_servers(tmp: Path, extra_env: dict[str, str] | None = None) -> Iterator[Servers]:
    ports = {"RASA_PORT": free_port(), "ACTION_PORT": free_port(), "WEB_PORT": free_port()}
    env = {
        **os.environ,
        **{k: str(v) for k, v in ports.items()},
        "TRACKER_DB": str(tmp / "tracker.db"),
        "ASF_REST_TOKEN": secrets.token_urlsafe(24),
        # Not the shared var/logs: servers started side by side (pytest -n) would write into one file.
        "ASF_LOGS": str(tmp / "logs"),
        # Sanic waits up to 15 s (its default) at a stop for open connections to close, and a
        # socket.io client's connection kept the Rasa server for all of it, often past the 30 s
        # before started_process kills it: a minute of each `make test` spent waiting. The tests
        # check that everything stops, not how long a stop may wait for clients.
        "SANIC_GRACEFUL_SHUTDOWN_TIMEOUT": "3",
        **(extra_env or {}),
    }
    env.pop("ACTION_SERVER_URL", None)
    log = tmp / "run.log"
    with started_process(["bash", "scripts/run.sh"], env, log, "Assistenten är igång", 240) as process:
        yield Servers(
            f"http://127.0.0.1:{ports['RASA_PORT']}",
            f"http://127.0.0.1:{ports['WEB_PORT']}",
            process,
            log,
            env["ASF_REST_TOKEN"],
            Path(env["ASF_LOGS"]),
        )

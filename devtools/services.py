"""Private PostgreSQL and Redis servers for tests: Debian's binaries, loopback only.

Each server gets a fresh data directory under the test's tmp folder and a free
port, and is stopped when the `with` block ends. PostgreSQL refuses to run as
root, so as root the server runs as the `postgres` user the package creates.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from devtools.servers import free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")


@dataclass(frozen=True)
class Postgres:
    host: str
    port: int
    user: str
    password: str
    database: str

    def tracker_env(self) -> dict[str, str]:
        """What `scripts/run.sh` reads to use this server as the tracker store."""
        return {"TRACKER_URL": self.url()}

    def url(self) -> str:
        return f"postgresql://{self.user}:{self.password}@{self.host}:{self.port}/{self.database}"


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def postgres_server() -> Iterator[Postgres]:
    if not (PG_BIN / "initdb").exists():
        raise RuntimeError("PostgreSQL saknas: kör 'make system' (Debian-paketet postgresql).")
    pg = Postgres("127.0.0.1", free_port(), "asf", "test-only-password", "asf")
    # Not under pytest's tmp folder: that is private to root, and the server runs as postgres.
    home = Path(tempfile.mkdtemp(prefix="asf-postgres-"))
    data = home / "data"
    (home / "pw").write_text(pg.password)
    if os.geteuid() == 0:
        shutil.chown(home, "postgres", "postgres")
    subprocess.run(
        _as_server_user(
            [str(PG_BIN / "initdb"), "-D", str(data), "-U", pg.user, "--auth=scram-sha-256", f"--pwfile={home / 'pw'}"]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-p {pg.port} -c listen_addresses=127.0.0.1 -k {home}"
    subprocess.run(
        _as_server_user(
            [str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(home / "log"), "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PGPASSWORD": pg.password}
    try:
        subprocess.run(
            [str(PG_BIN / "createdb"), "-h", pg.host, "-p", str(pg.port), "-U", pg.user, pg.database],
            check=True,
            capture_output=True,
            env=env,
        )
        yield pg
    finally:
        subprocess.run(
            _as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(home, ignore_errors=True)


@dataclass(frozen=True)
class Redis:
    host: str
    port: int


@contextmanager
def redis_server(tmp: Path) -> Iterator[Redis]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("Redis saknas: kör 'make system' (Debian-paketet redis-server).")
    redis = Redis("127.0.0.1", free_port())
    home = tmp / "redis"
    home.mkdir()
    process = subprocess.Popen(
        [
            binary,
            "--bind",
            redis.host,
            "--port",
            str(redis.port),
            "--dir",
            str(home),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while (
            subprocess.run(["redis-cli", "-p", str(redis.port), "ping"], capture_output=True).stdout.strip() != b"PONG"
        ):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("Redis startade inte.")
            time.sleep(0.1)
        yield redis
    finally:
        process.terminate()
        process.wait(timeout=10)

"""Writes a server's output to a log file that rotates daily and by size, for the retention purge.

scripts/run.sh sends each server's output here instead of to one ever-growing
file. The current file is `<name>.log`; when the day changes (UTC), or the file
grows past --max-bytes, it is renamed `<name>.log.<YYYY-MM-DD>` (with `.1`,
`.2` ... for more files the same day) and a new one is started. Old files are
deleted by the retention purge (scripts/purge_conversations.py), with the
conversations, so a log line is never kept longer than the conversation it is
about. Rotation also happens while the server is quiet (checked every minute).

    some-server 2>&1 | python -m scripts.log_writer var/logs/rasa.log
"""

from __future__ import annotations

import argparse
import os
import select
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

DEFAULT_MAX_BYTES = 50_000_000
CHECK_SECONDS = 60.0


def day(when: float) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(when))


class RotatingFile:
    def __init__(self, path: Path, max_bytes: int = DEFAULT_MAX_BYTES, now: Callable[[], float] = time.time) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.now = now
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file: BinaryIO = path.open("ab")
        # A file left by an earlier run belongs to the day it was last written.
        self._day = day(path.stat().st_mtime) if path.stat().st_size else day(self.now())

    def write(self, data: bytes) -> None:
        self.rotate_if_due(len(data))
        self._file.write(data)
        self._file.flush()  # tests and operators read the log while the server runs

    def rotate_if_due(self, coming: int = 0) -> None:
        today = day(self.now())
        size = self._file.tell()
        if size and (today != self._day or size + coming > self.max_bytes):
            self._rotate()
        self._day = today

    def _rotate(self) -> None:
        self._file.close()
        target = self.path.with_name(f"{self.path.name}.{self._day}")
        number = 0
        while target.exists():
            number += 1
            target = self.path.with_name(f"{self.path.name}.{self._day}.{number}")
        os.replace(self.path, target)
        self._file = self.path.open("ab")

    def close(self) -> None:
        self._file.close()


def copy(source: BinaryIO, log: RotatingFile, check_seconds: float = CHECK_SECONDS) -> None:
    """Copies `source` to `log` until it ends, rotating on time even when nothing comes."""
    fd = source.fileno()
    while True:
        ready, _, _ = select.select([fd], [], [], check_seconds)
        if not ready:
            log.rotate_if_due()
            continue
        data = os.read(fd, 65536)
        if not data:
            return
        log.write(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Writes standard input to a rotating log file.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    args = parser.parse_args(argv)
    # Ctrl-C reaches the whole process group: keep writing until the server's output ends.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    log = RotatingFile(args.path, args.max_bytes)
    try:
        copy(sys.stdin.buffer, log)
    finally:
        log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

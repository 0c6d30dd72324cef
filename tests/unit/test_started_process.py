"""devtools.servers.started_process: what a test server's start and stop depend on."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from devtools.servers import started_process

# The command prints its ignored-signals mask (Linux's /proc), then waits to be stopped.
SHOW_IGNORED = ["bash", "-c", "grep SigIgn /proc/$$/status; echo klar; sleep 60"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_command_started_while_ctrl_c_is_ignored_gets_ctrl_c_back(tmp_path: Path):
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)  # as in a job started with `&`
    try:
        log = tmp_path / "log"
        with started_process(SHOW_IGNORED, {"PATH": "/usr/bin:/bin"}, log, "klar", 10) as process:
            mask = int(log.read_text().split("SigIgn:")[1].split()[0], 16)
            assert mask & (1 << (signal.SIGINT - 1)) == 0
        assert process.returncode == -signal.SIGINT  # stopped by the Ctrl-C, not the kill after 30 s
    finally:
        signal.signal(signal.SIGINT, before)

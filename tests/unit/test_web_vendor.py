"""The page's one third-party file is committed (so `make run` needs no npm) with its licence,
and it is the version web/package-lock.json names; `make web` checks it byte for byte against
npm's copy (tests/system/test_page_server.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "web" / "vendor"


def test_the_vendored_socket_io_client_is_the_locked_version_under_its_licence():
    lock = json.loads((ROOT / "web" / "package-lock.json").read_text(encoding="utf-8"))
    locked = lock["packages"]["node_modules/socket.io-client"]
    banner = (VENDOR / "socket.io.min.js").read_text(encoding="utf-8")[:200]
    version = re.search(r"Socket\.IO v(\S+)", banner)
    assert version is not None and version.group(1) == locked["version"]
    assert locked["license"] == "MIT"
    assert (VENDOR / "socket.io-client.LICENSE").read_text(encoding="utf-8").startswith("The MIT License")


def test_make_run_does_not_depend_on_npm():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    run_rule = next(line for line in makefile.splitlines() if line.startswith("run:"))
    assert "web" not in run_rule.split("##")[0]
    assert "web_vendor" not in (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")

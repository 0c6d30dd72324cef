"""The dependency locks: test tools apart from what the servers run, and the two Pythons agree
where they can (python-socketio above all, see docs/utveckling.md "Installationen")."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = ROOT / "requirements"
TEST_TOOLS = {"pytest", "playwright", "mypy", "ruff", "py-spy"}


def pins(name: str) -> dict[str, str]:
    lines = (REQUIREMENTS / name).read_text(encoding="utf-8").splitlines()
    pairs = [line.split("==", 1) for line in lines if line and not line.startswith("#")]
    return {package.lower().replace("_", "-"): version for package, version in pairs}


def test_runtime_locks_hold_no_test_tools_and_the_dev_lock_holds_them_all():
    for runtime in ("py310.lock", "py311-deps.lock"):
        assert TEST_TOOLS.isdisjoint(pins(runtime))
    assert pins("dev.lock").keys() >= TEST_TOOLS


def test_both_pythons_pin_python_socketio_5_9_0():
    # 5.10 and later break the socket.io channel with session_persistence (RasaHQ/rasa#13027).
    assert pins("py310.lock")["python-socketio"] == pins("py311-deps.lock")["python-socketio"] == "5.9.0"


def installed_locks(tmp_path: Path, runtime_only: bool) -> list[str]:
    """The -r arguments scripts/install.sh gives pip, with a stand-in Python that logs them."""
    tmp_path.mkdir()
    log = tmp_path / "pip.log"
    fake = tmp_path / "python3.10"
    fake.write_text(
        "#!/bin/bash\n"
        'case "$1" in\n'
        "  -c) echo 3.10 ;;\n"
        '  -m) if [ "$2" = venv ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python" && touch "$3/bin/rasa" '
        '&& chmod +x "$3/bin/rasa"; else echo "$@" >> "' + str(log) + '"; fi ;;\n'
        "esac\n"
    )
    fake.chmod(0o755)
    env = {"PATH": "/usr/bin:/bin", "PYTHON": str(fake), "ASF_VENV": str(tmp_path / "venv")}
    if runtime_only:
        env["ASF_RUNTIME_ONLY"] = "1"
    subprocess.run(["bash", "scripts/install.sh"], cwd=ROOT, env=env, check=True, capture_output=True)
    words = log.read_text(encoding="utf-8").split()
    return [words[i + 1] for i, word in enumerate(words) if word == "-r"]


def test_install_adds_the_test_tools_unless_runtime_only(tmp_path: Path):
    assert installed_locks(tmp_path / "dev", runtime_only=False) == ["requirements/py310.lock", "requirements/dev.lock"]
    assert installed_locks(tmp_path / "runtime", runtime_only=True) == ["requirements/py310.lock"]
    assert os.path.exists(REQUIREMENTS / "dev.lock")

"""`make system` (scripts/install_system.sh) leaves the machine's own services alone.

The script runs in a copy of the repository's scripts with stand-ins for apt-get and
service on PATH, and with one of its commands made to look missing so that it installs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A stand-in `service`: the services named in RUNNING answer `status` with 0 (running),
# the others with 3 (stopped, as Debian's init scripts do); every call is logged.
SERVICE = """#!/bin/sh
echo "$*" >> "$LOG"
if [ "$2" = status ]; then
  case " $RUNNING " in *" $1 "*) exit 0 ;; esac
  exit 3
fi
exit 0
"""

APT_GET = """#!/bin/sh
echo "apt-get $*" >> "$LOG"
exit 0
"""


def run_install_system(tmp_path: Path, running: str) -> list[str]:
    scripts = tmp_path / "repo" / "scripts"
    scripts.mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "common.sh", scripts)
    text = (ROOT / "scripts" / "install_system.sh").read_text(encoding="utf-8")
    # One command that no machine has, so that the script goes on to install.
    lines = [
        "COMMANDS=(/nonexistent/asf-test-command)" if line.startswith("COMMANDS=(") else line
        for line in text.splitlines()
    ]
    (scripts / "install_system.sh").write_text("\n".join(lines) + "\n", encoding="utf-8")
    stubs = tmp_path / "bin"
    stubs.mkdir()
    for name, body in {"service": SERVICE, "apt-get": APT_GET, "sudo": '#!/bin/sh\nexec "$@"\n'}.items():
        (stubs / name).write_text(body, encoding="utf-8")
        (stubs / name).chmod(0o755)
    log = tmp_path / "calls.log"
    env = {**os.environ, "PATH": f"{stubs}:{os.environ['PATH']}", "LOG": str(log), "RUNNING": running}
    subprocess.run(["bash", str(scripts / "install_system.sh")], env=env, check=True, capture_output=True)
    return log.read_text(encoding="utf-8").splitlines()


def test_a_service_that_ran_before_the_installation_is_not_stopped(tmp_path: Path):
    calls = run_install_system(tmp_path, running="redis-server postgresql")
    assert any(call.startswith("apt-get install") for call in calls)
    stopped = [call.split()[0] for call in calls if call.endswith(" stop")]
    assert stopped == ["nginx"]


def test_services_the_installation_started_are_stopped(tmp_path: Path):
    calls = run_install_system(tmp_path, running="")
    stopped = sorted(call.split()[0] for call in calls if call.endswith(" stop"))
    assert stopped == ["nginx", "postgresql", "redis-server"]

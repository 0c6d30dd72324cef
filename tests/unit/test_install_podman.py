"""`scripts/install_podman.sh` installs what the compose test needs, with stand-ins for podman,
podman-compose, apt-cache and apt-get on PATH (nothing is installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def apt_get_calls(tmp_path: Path, with_dnsname: bool) -> list[str]:
    stubs = tmp_path / "bin"
    stubs.mkdir()
    log = tmp_path / "calls.log"
    log.touch()
    bodies = {
        "podman": "#!/bin/sh\nexit 0\n",
        "podman-compose": "#!/bin/sh\nexit 0\n",
        "apt-cache": "#!/bin/sh\nexit 0\n",  # every package is available
        "apt-get": '#!/bin/sh\necho "apt-get $*" >> "$LOG"\nexit 0\n',
        "sudo": '#!/bin/sh\nexec "$@"\n',
    }
    for name, body in bodies.items():
        (stubs / name).write_text(body, encoding="utf-8")
        (stubs / name).chmod(0o755)
    plugins = tmp_path / "cni"
    plugins.mkdir()
    if with_dnsname:
        (plugins / "dnsname").touch()
    env = {
        **os.environ,
        "PATH": f"{stubs}:{os.environ['PATH']}",
        "LOG": str(log),
        "CNI_PLUGIN_DIR": str(plugins),
        "CONTAINER_TOOL": "podman",
    }
    repo = tmp_path / "repo"  # a copy: the script writes var/logs/ where it runs
    (repo / "scripts").mkdir(parents=True)
    for name in ("install_podman.sh", "common.sh", "container_tool.sh"):
        shutil.copy(ROOT / "scripts" / name, repo / "scripts")
    subprocess.run(["bash", "scripts/install_podman.sh"], cwd=repo, env=env, check=True, capture_output=True)
    return log.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(("with_dnsname", "installs"), [(False, True), (True, False)])
def test_the_dnsname_plugin_is_installed_only_where_it_is_missing(tmp_path: Path, with_dnsname: bool, installs: bool):
    # A fresh machine had podman without the plugin: the compose services could not find "postgres".
    calls = apt_get_calls(tmp_path, with_dnsname)
    assert any("golang-github-containernetworking-plugin-dnsname" in call for call in calls) == installs
    assert all("podman-compose" not in call for call in calls)  # it is there already

"""The dependency locks: declared once (requirements/runtime.in, dev.in), compiled with hashes per
Python (scripts/lock.sh), test tools apart from what the servers run, and the two Pythons agree
except where a version cannot install (see docs/utveckling.md "Installationen")."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = ROOT / "requirements"
TEST_TOOLS = {"pytest", "playwright", "mypy", "ruff", "py-spy"}
RUNTIME = ("py310.lock", "py311.lock")
DEV = ("py310-dev.lock", "py311-dev.lock")
# Where the two runtime locks may differ, and why. Anything else is drift.
ONLY_ON_310 = {
    "async-timeout": "aiohttp and redis need it only before Python 3.11 (asyncio.timeout)",
    "ruamel-yaml-clib": "ruamel.yaml 0.17 wants its C part only before Python 3.11",
    "exceptiongroup": "anyio needs the backport only before Python 3.11",
    "tomli": "huggingface-hub needs it only before Python 3.11 (tomllib)",
}
ONLY_ON_311 = {"contourpy": "matplotlib 3.6 needs it (3.5, the 3.10 lock's, has no wheel for 3.11)"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def entries(name: str) -> dict[str, tuple[str, list[str]]]:
    """package -> (version, hashes) of a pip-compile lock."""
    text = (REQUIREMENTS / name).read_text(encoding="utf-8")
    found: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", block)
        if match:
            found[canonical(match.group(1))] = (match.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return found


def pins(name: str) -> dict[str, str]:
    return {package: version for package, (version, _) in entries(name).items()}


def declared(name: str) -> dict[str, str]:
    """package -> specifier of a requirements .in file."""
    lines = (line.split("#", 1)[0].strip() for line in (REQUIREMENTS / name).read_text("utf-8").splitlines())
    pairs = [re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)(.*)", line).groups() for line in lines if line]  # type: ignore[union-attr]
    return {canonical(package): specifier.strip() for package, specifier in pairs}


@pytest.mark.parametrize("lock", RUNTIME + DEV)
def test_every_locked_package_has_hashes(lock):
    locked = entries(lock)
    assert len(locked) > 5
    assert [package for package, (_, hashes) in locked.items() if not hashes] == []


@pytest.mark.parametrize("lock", RUNTIME)
def test_each_runtime_lock_holds_what_runtime_in_declares_and_no_test_tools(lock):
    locked = pins(lock)
    assert set(declared("runtime.in")) <= set(locked)
    for package, specifier in declared("runtime.in").items():
        if specifier.startswith("=="):
            assert locked[package] == specifier[2:], package
    assert TEST_TOOLS.isdisjoint(locked)


@pytest.mark.parametrize(("dev", "runtime"), zip(DEV, RUNTIME, strict=True))
def test_each_dev_lock_holds_the_test_tools_at_the_runtime_locks_versions(dev, runtime):
    tools, servers = pins(dev), pins(runtime)
    assert set(tools) >= TEST_TOOLS and set(declared("dev.in")) <= set(tools)
    assert {package: version for package, version in tools.items() if servers.get(package, version) != version} == {}


def test_the_two_pythons_differ_only_where_a_version_cannot_install():
    on_310, on_311 = pins("py310.lock"), pins("py311.lock")
    assert set(on_310) - set(on_311) == set(ONLY_ON_310)
    assert set(on_311) - set(on_310) == set(ONLY_ON_311)
    overridden = {canonical(re.split(r"[<>=!~ ]", line, maxsplit=1)[0]) for line in declared("py311-overrides.txt")}
    differing = {package for package in set(on_310) & set(on_311) if on_310[package] != on_311[package]}
    assert differing == overridden


def test_both_pythons_pin_python_socketio_5_9_0():
    # 5.10 and later break the socket.io channel with session_persistence (RasaHQ/rasa#13027).
    assert pins("py310.lock")["python-socketio"] == pins("py311.lock")["python-socketio"] == "5.9.0"


def test_the_rasa_wheels_have_the_same_hashes_on_both_pythons():
    # The 3.11 lock takes them from the 3.10 lock (scripts/lock.sh): pure-Python wheels, the same files.
    for package in ("rasa", "rasa-sdk"):
        assert entries("py310.lock")[package] == entries("py311.lock")[package]


def install_commands(tmp_path: Path, version: str, runtime_only: bool, uv: bool = True) -> list[list[str]]:
    """The install commands scripts/install.sh runs (this time), with a stand-in Python that logs them.

    The stand-in's pip "installs" uv into the --target folder it is given as a stand-in that logs its
    commands too; with uv=False it installs nothing there, as where uv has no wheel for the machine.
    """
    tmp_path.mkdir(exist_ok=True)  # a second call installs into the same venv again
    log = tmp_path / "pip.log"
    before = len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0
    fake_uv = tmp_path / "uv"
    fake_uv.write_text(f'#!/bin/bash\necho uv "$@" >> "{log}"\n')
    fake_uv.chmod(0o755)
    # pip's --target folder gets the stand-in uv (where uv=True); every pip command is logged.
    target = (
        'prev=""; for a in "$@"; do '
        f'[ "$prev" != --target ] || {{ mkdir -p "$a/bin"; cp "{fake_uv}" "$a/bin/"; }}; prev=$a; done; '
    )
    fake = tmp_path / f"python{version}"
    fake.write_text(
        "#!/bin/bash\n"
        'case "$1" in\n'
        f"  -c) echo {version} ;;\n"
        '  -m) if [ "$2" = venv ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python" && touch "$3/bin/rasa" '
        '&& chmod +x "$3/bin/rasa"; else ' + (target if uv else "") + 'echo "$@" >> "' + str(log) + '"; fi ;;\n'
        "esac\n"
    )
    fake.chmod(0o755)
    env = {"PATH": "/usr/bin:/bin", "PYTHON": str(fake), "ASF_VENV": str(tmp_path / "venv")}
    if runtime_only:
        env["ASF_RUNTIME_ONLY"] = "1"
    subprocess.run(["bash", "scripts/install.sh"], cwd=ROOT, env=env, check=True, capture_output=True)
    lines = [line.split() for line in log.read_text(encoding="utf-8").splitlines()[before:]]
    return [words for words in lines if "-r" in words]


def locks_of(commands: list[list[str]]) -> list[str]:
    return [words[words.index("-r") + 1] for words in commands if words[0] == "uv" or "--target" not in words]


def test_install_adds_the_test_tools_unless_runtime_only(tmp_path: Path):
    assert locks_of(install_commands(tmp_path / "dev", "3.10", runtime_only=False)) == [
        "requirements/py310.lock",
        "requirements/py310-dev.lock",
    ]
    assert locks_of(install_commands(tmp_path / "runtime", "3.10", runtime_only=True)) == ["requirements/py310.lock"]
    assert os.path.exists(REQUIREMENTS / "py310-dev.lock")


def test_make_run_after_make_test_installs_nothing_and_make_test_after_make_run_adds_the_tools(tmp_path: Path):
    runtime, dev = "requirements/py310.lock", "requirements/py310-dev.lock"
    tested = tmp_path / "tested"
    assert locks_of(install_commands(tested, "3.10", runtime_only=False)) == [runtime, dev]
    assert install_commands(tested, "3.10", runtime_only=True) == []
    run = tmp_path / "run"
    assert locks_of(install_commands(run, "3.10", runtime_only=True)) == [runtime]
    assert install_commands(run, "3.10", runtime_only=True) == []
    assert locks_of(install_commands(run, "3.10", runtime_only=False)) == [runtime, dev]
    assert install_commands(run, "3.10", runtime_only=False) == []


def test_make_run_and_make_shell_install_no_test_tools():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run shell: export ASF_RUNTIME_ONLY := 1$", makefile, re.M)


def test_uv_installs_the_locks_into_the_venv_checking_every_hash(tmp_path: Path):
    for version in ("3.10", "3.11"):
        commands = install_commands(tmp_path / version, version, runtime_only=False)
        # uv itself comes from its own hashed lock, into a folder outside the venv.
        bootstrap = [words for words in commands if "--target" in words]
        assert len(bootstrap) == 1 and "requirements/installer.lock" in bootstrap[0]
        assert "--require-hashes" in bootstrap[0] and "--no-deps" in bootstrap[0]
        installs = [words for words in commands if words[0] == "uv"]
        tag = "py" + version.replace(".", "")
        assert locks_of(installs) == [f"requirements/{tag}.lock", f"requirements/{tag}-dev.lock"]
        for words in installs:
            assert words[1:3] == ["pip", "install"]
            assert "--require-hashes" in words and "--no-deps" in words and "--compile-bytecode" in words
            assert words[words.index("--python") + 1] == str(tmp_path / version / "venv" / "bin" / "python")


def test_pip_installs_when_uv_cannot_be_had(tmp_path: Path):
    on_310 = install_commands(tmp_path / "310", "3.10", runtime_only=True, uv=False)
    on_311 = install_commands(tmp_path / "311", "3.11", runtime_only=False, uv=False)
    assert not [words for words in on_310 + on_311 if words[0] == "uv"]
    assert locks_of(on_311) == ["requirements/py311.lock", "requirements/py311-dev.lock"]
    for words in on_310 + on_311:
        assert "--require-hashes" in words and "--no-deps" in words
    # Rasa says Python < 3.11; pip is told to install it anyway on 3.11, and only there.
    pip_installs = [words for words in on_310 + on_311 if "--target" not in words]
    assert all("--ignore-requires-python" not in words for words in pip_installs[:1])
    assert all("--ignore-requires-python" in words for words in pip_installs[1:])


def test_the_installer_lock_pins_uv_with_hashes():
    text = (REQUIREMENTS / "installer.lock").read_text(encoding="utf-8")
    pins = [line.split()[0] for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert len(pins) == 1 and pins[0].startswith("uv==")
    assert text.count("--hash=sha256:") >= 2


def test_the_editors_requirements_have_the_runtime_locks_versions():
    lines = (REQUIREMENTS / "editor.txt").read_text(encoding="utf-8").splitlines()
    editor = dict(line.split("==", 1) for line in lines if line and not line.startswith("#"))
    for lock in RUNTIME:
        locked = pins(lock)
        assert {canonical(name): version for name, version in editor.items()} == {
            canonical(name): locked[canonical(name)] for name in editor
        }

"""The helpers of `make lock`: the hashes added to a lock, and the 3.11 input built from Rasa's metadata."""

from __future__ import annotations

import json
import urllib.request
import zipfile
from pathlib import Path

import pytest

from scripts import lock_hashes, lock_py311


def test_a_pin_gets_every_hash_of_its_release_and_the_rest_is_kept(monkeypatch):
    files = [
        {"filename": "demo-1.0-py3-none-any.whl", "hashes": {"sha256": "b" * 64}},
        {"filename": "demo-1.0.tar.gz", "hashes": {"sha256": "a" * 64}},
        {"filename": "demo-1.1-py3-none-any.whl", "hashes": {"sha256": "c" * 64}},
        {"filename": "demo-1.0.exe", "hashes": {"sha256": "d" * 64}},
    ]

    class Response:
        def __enter__(self) -> Response:
            return self

        def __exit__(self, *args: object) -> None:
            return None

        def read(self) -> bytes:
            return json.dumps({"files": files}).encode()

    asked: list[str] = []

    def urlopen(request: urllib.request.Request, **kwargs: object) -> Response:
        asked.append(request.full_url)
        return Response()

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    text = "demo==1.0\n    # via -r requirements/runtime.in\n"
    assert lock_hashes.with_hashes("https://index.example/simple/", text).splitlines() == [
        "demo==1.0 \\",
        f"    --hash=sha256:{'a' * 64} \\",
        f"    --hash=sha256:{'b' * 64}",
        "    # via -r requirements/runtime.in",
    ]
    assert asked == ["https://index.example/simple/demo/"]
    with pytest.raises(SystemExit, match="no files"):
        lock_hashes.with_hashes("https://index.example/simple", "demo==2.0\n")


def fake_wheel(tmp_path: Path, name: str, requires: list[str]) -> Path:
    wheel = tmp_path / f"{name}-1.0-py3-none-any.whl"
    metadata = "Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n"
    metadata += "".join(f"Requires-Dist: {line}\n" for line in requires)
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(f"{name}-1.0.dist-info/METADATA", metadata)
    return wheel


def test_the_311_input_replaces_rasa_by_its_dependencies_as_for_310_with_the_overrides(tmp_path):
    rasa = fake_wheel(
        tmp_path,
        "rasa",
        [
            "matplotlib (>=3.1,<3.6)",
            'numpy (>=1.19.2,<1.25.0) ; python_version >= "3.8" and python_version < "3.11"',
            'colorama (>=0.4.4) ; sys_platform == "win32"',
            'jieba (>=0.39) ; extra == "jieba"',
            "rasa-sdk (>=3.6.2,<3.7.0)",
        ],
    )
    sdk = fake_wheel(tmp_path, "rasa_sdk", ["pluggy (>=1.0.0,<2.0.0)"])
    lines = lock_py311.py311_input([rasa, sdk]).splitlines()
    requirements = [line for line in lines if not line.startswith("#")]
    assert not any(line.lower().startswith(("rasa==", "rasa-sdk==", "rasa-sdk<", "rasa-sdk>")) for line in requirements)
    assert "python-socketio==5.9.0" in requirements  # from runtime.in
    assert "numpy<1.25.0,>=1.19.2" in requirements  # its marker holds for 3.10, so it is kept, unmarked
    assert not any(line.startswith(("colorama", "jieba")) for line in requirements)
    assert "matplotlib>=3.6,<3.7" in requirements and "matplotlib<3.6,>=3.1" not in requirements
    assert "pluggy<2.0.0,>=1.0.0" in requirements


def test_the_committed_311_input_is_what_the_script_writes_for_the_locked_rasa():
    # lock.sh writes requirements/py311.in; its Rasa part cannot be rebuilt without the wheels,
    # but its runtime.in part can, and the overrides must be in it.
    text = (lock_py311.REQUIREMENTS / "py311.in").read_text(encoding="utf-8")
    for line in lock_py311.requirement_lines(lock_py311.REQUIREMENTS / "runtime.in"):
        if not line.startswith(("rasa==", "rasa-sdk==", "matplotlib")):
            assert line in text.splitlines()
    for line in lock_py311.requirement_lines(lock_py311.REQUIREMENTS / "py311-overrides.txt"):
        assert line in text.splitlines()

"""`make teams-package`: the zip Teams accepts, built from the configuration."""

from __future__ import annotations

import io
import json
import os
import subprocess
import uuid
import zipfile
from pathlib import Path

from PIL import Image

from devtools.servers import ROOT
from scripts.teams_package import PACKAGE, build


def read(path: Path) -> tuple[dict[str, object], Image.Image, Image.Image]:
    with zipfile.ZipFile(path) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        color = Image.open(io.BytesIO(package.read("color.png")))
        outline = Image.open(io.BytesIO(package.read("outline.png")))
    return manifest, color, outline


def test_make_teams_package_builds_a_zip_with_manifest_and_icons():
    app_id = str(uuid.uuid4())
    result = subprocess.run(
        ["make", "-s", "teams-package"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TEAMS_APP_ID": app_id, "TEAMS_WEBSITE_URL": "https://forbundet.example.se"},
    )
    assert result.returncode == 0, result.stderr
    assert "Skrev dist/teams/" in result.stdout
    manifest, color, outline = read(PACKAGE)
    assert manifest["manifestVersion"] == "1.16" and "v1.16" in str(manifest["$schema"])
    assert manifest["id"] == app_id
    bots = manifest["bots"]
    assert isinstance(bots, list) and bots[0]["botId"] == app_id
    assert set(bots[0]["scopes"]) == {"personal", "team", "groupChat"}
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}
    assert manifest["developer"]["websiteUrl"] == "https://forbundet.example.se"  # type: ignore[index]
    assert len(manifest["name"]["short"]) <= 30 and len(manifest["description"]["short"]) <= 80  # type: ignore[index]
    assert color.size == (192, 192)
    assert outline.size == (32, 32) and outline.mode == "RGBA"
    pixels = [outline.getpixel((x, y)) for x in range(32) for y in range(32)]
    assert any(p[3] == 0 for p in pixels), "the outline icon needs a transparent background"  # type: ignore[index]
    assert {p[:3] for p in pixels if p[3] > 0} == {(255, 255, 255)}, "and only white on it"  # type: ignore[index]


def test_teams_package_without_app_id_says_what_to_do(tmp_path: Path):
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "scripts/teams_package.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert "TEAMS_APP_ID saknas" in result.stderr


def test_teams_package_refuses_an_app_id_that_is_not_a_guid(tmp_path: Path):
    import pytest

    from scripts.teams_package import PackageError

    with pytest.raises(PackageError, match="GUID"):
        build({"TEAMS_APP_ID": "min-bot"}, tmp_path / "x.zip")

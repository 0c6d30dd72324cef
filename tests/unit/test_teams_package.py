"""`make teams-package`: the zip Teams accepts, built from the configuration."""

from __future__ import annotations

import io
import json
import os
import subprocess
import uuid
import zipfile
from pathlib import Path

import jsonschema
import pytest
from PIL import Image

from devtools.servers import ROOT
from scripts.teams_package import PACKAGE, PackageError, build

SUBSET = Path(__file__).parent / "schemas" / "teams-manifest-1.23.subset.schema.json"


def check_manifest(manifest: dict[str, object]) -> None:
    """The manifest against the parts of Teams' v1.23 schema it uses (tests/unit/schemas/README.md)."""
    jsonschema.Draft4Validator(json.loads(SUBSET.read_text(encoding="utf-8"))).validate(manifest)


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
    check_manifest(manifest)
    assert manifest["manifestVersion"] == "1.23" and "v1.23" in str(manifest["$schema"])
    assert manifest["localizationInfo"] == {"defaultLanguageTag": "sv-se"}
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
    with pytest.raises(PackageError, match="GUID"):
        build({"TEAMS_APP_ID": "min-bot"}, tmp_path / "x.zip")


def test_the_manifest_check_can_fail(tmp_path: Path):
    manifest, _, _ = read(build({"TEAMS_APP_ID": str(uuid.uuid4())}, tmp_path / "ok.zip"))
    check_manifest(manifest)
    for broken in (
        {**manifest, "permissions": ["identity"]},  # not in the subset: the check refuses what it does not know
        {**manifest, "localizationInfo": {"defaultLanguageTag": "svenska (Sverige)"}},
        {**manifest, "name": {"short": "ASF-assistenten för samordningsförbund"}},  # over 30 characters
    ):
        with pytest.raises(jsonschema.ValidationError):
            check_manifest(broken)


def icon(path: Path, size: tuple[int, int], mode: str, colour: tuple[int, ...], transparent_corner: bool) -> Path:
    image = Image.new(mode, size, colour)
    if transparent_corner:
        image.putpixel((0, 0), (0, 0, 0, 0))
    image.save(path, format="PNG")
    return path


def test_the_organisations_own_icons_go_into_the_package(tmp_path: Path):
    color = icon(tmp_path / "logga.png", (192, 192), "RGB", (200, 16, 46), False)
    outline = icon(tmp_path / "kontur.png", (32, 32), "RGBA", (255, 255, 255, 255), True)
    env = {"TEAMS_APP_ID": str(uuid.uuid4()), "TEAMS_ICON_COLOR": str(color), "TEAMS_ICON_OUTLINE": str(outline)}
    with zipfile.ZipFile(build(env, tmp_path / "egen.zip")) as package:
        assert package.read("color.png") == color.read_bytes()
        assert package.read("outline.png") == outline.read_bytes()


@pytest.mark.parametrize(
    "variable, size, mode, colour, corner, words",
    [
        ("TEAMS_ICON_COLOR", (96, 96), "RGB", (200, 16, 46), False, "192x192 pixlar"),
        ("TEAMS_ICON_OUTLINE", (32, 32), "RGBA", (0, 0, 0, 255), True, "vit på genomskinlig"),
        ("TEAMS_ICON_OUTLINE", (32, 32), "RGBA", (255, 255, 255, 255), False, "vit på genomskinlig"),
    ],
)
def test_an_own_icon_teams_would_refuse_is_refused_in_swedish(
    tmp_path: Path, variable: str, size: tuple[int, int], mode: str, colour: tuple[int, ...], corner: bool, words: str
):
    path = icon(tmp_path / "ikon.png", size, mode, colour, corner)
    with pytest.raises(PackageError, match=words):
        build({"TEAMS_APP_ID": str(uuid.uuid4()), variable: str(path)}, tmp_path / "x.zip")

"""publiccode.yml: the keys the standard requires, and facts that must agree with the rest of the
repository (the licence in LICENSE, the version in pyproject.toml, the Pythons it supports, the
release date within the repository's history)."""

from __future__ import annotations

import copy
import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from asf import yamltext

ROOT = Path(__file__).resolve().parents[2]
PUBLICCODE = ROOT / "publiccode.yml"

REQUIRED = [
    "publiccodeYmlVersion",
    "name",
    "url",
    "platforms",
    "developmentStatus",
    "softwareType",
    "description",
    "legal",
    "maintenance",
    "localisation",
]
STATUSES = {"concept", "development", "beta", "stable", "obsolete"}
TYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
MAINTENANCE = {"internal", "contract", "community", "none"}


def licence_in_license_file() -> str:
    """The SPDX id of the licence text in LICENSE (only the EUPL is recognised)."""
    first = (ROOT / "LICENSE").read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"EUROPEAN UNION PUBLIC LICENCE v\. (\d\.\d)", first.strip())
    assert match, f"LICENSE does not start with an EUPL title: {first!r}"
    return f"EUPL-{match.group(1)}"


def first_commit_date() -> dt.date | None:
    """The date of the repository's first commit, or None outside a full git checkout."""
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True, text=True)
    if shallow.stdout.strip() != "false":  # a shallow clone's first commit is not the project's
        return None
    run = subprocess.run(
        ["git", "log", "--reverse", "--format=%ad", "--date=short"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    dates = run.stdout.split()
    return dt.date.fromisoformat(dates[0]) if run.returncode == 0 and dates else None


def pyproject_value(key: str) -> str:
    """A string value in pyproject.toml's [project] table (tomllib is 3.11+, and 3.10 is supported)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    project = text.split("[project]", 1)[1].split("\n[", 1)[0]
    match = re.search(rf'^{re.escape(key)} = "([^"]*)"$', project, flags=re.M)
    assert match, f"pyproject.toml's [project] has no {key}"
    return match.group(1)


def problems(meta: dict[str, Any], today: dt.date) -> list[str]:
    """Everything wrong with a publiccode.yml's content; empty when it is sound."""
    found = [f"missing key {key}" for key in REQUIRED if key not in meta]
    if found:
        return found
    version, requires_python = pyproject_value("version"), pyproject_value("requires-python")
    if meta["developmentStatus"] not in STATUSES:
        found.append(f"developmentStatus {meta['developmentStatus']!r}")
    if meta["softwareType"] not in TYPES:
        found.append(f"softwareType {meta['softwareType']!r}")
    if not str(meta["url"]).startswith("https://"):
        found.append("url is not an https address")
    if meta["legal"].get("license") != licence_in_license_file():
        found.append(f"licence {meta['legal'].get('license')!r} is not the one in LICENSE")
    maintenance = meta["maintenance"]
    if maintenance.get("type") not in MAINTENANCE:
        found.append(f"maintenance type {maintenance.get('type')!r}")
    elif maintenance["type"] in {"internal", "community"} and not maintenance.get("contacts"):
        found.append("internal or community maintenance without contacts")
    languages = meta["localisation"].get("availableLanguages") or []
    if "sv" not in languages or "localisationReady" not in meta["localisation"]:
        found.append("localisation must name sv and say whether it is localisation-ready")
    for lang in ("sv", "en"):
        text = meta["description"].get(lang)
        if not text:
            found.append(f"no description in {lang}")
            continue
        if not 0 < len(text.get("shortDescription", "")) <= 150:
            found.append(f"{lang}: shortDescription must be 1-150 characters")
        if not 150 <= len(text.get("longDescription", "")) <= 10000:
            found.append(f"{lang}: longDescription must be 150-10000 characters")
        if not text.get("features"):
            found.append(f"{lang}: no features")
    if meta.get("softwareVersion") != version:
        found.append(f"softwareVersion {meta.get('softwareVersion')!r} is not pyproject's {version}")
    try:
        released = dt.date.fromisoformat(str(meta.get("releaseDate")))
    except ValueError:
        found.append(f"releaseDate {meta.get('releaseDate')!r} is not YYYY-MM-DD")
    else:
        first = first_commit_date()
        if released > today or (first is not None and released < first):
            found.append(f"releaseDate {released} is outside the repository's history ({first} to {today})")
    pythons = {dep["name"]: dep for dep in meta.get("dependsOn", {}).get("open", [])}.get("Python", {})
    low, high = re.fullmatch(r">=(3\.\d+),<3\.(\d+)", requires_python).groups()  # type: ignore[union-attr]
    if (pythons.get("versionMin"), pythons.get("versionMax")) != (low, f"3.{int(high) - 1}"):
        found.append(f"dependsOn Python {pythons} is not pyproject's {requires_python}")
    return found


@pytest.fixture(scope="module")
def meta() -> dict[str, Any]:
    loaded: dict[str, Any] = yamltext.load(PUBLICCODE.read_text(encoding="utf-8"))
    return loaded


def today() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date()


def test_publiccode_is_complete_and_agrees_with_the_repository(meta):
    assert problems(meta, today()) == []


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (["legal", "license"], "MIT", "not the one in LICENSE"),
        (["softwareVersion"], "9.9.9", "is not pyproject's"),
        (["releaseDate"], "2020-01-01", "outside the repository's history"),
        (["releaseDate"], "30.11.2026", "is not YYYY-MM-DD"),
        (["maintenance", "type"], "internal", "without contacts"),
        (["description", "en", "shortDescription"], "x" * 151, "1-150 characters"),
        (["localisation", "availableLanguages"], ["en"], "must name sv"),
    ],
)
def test_a_wrong_value_is_found(meta, path, value, expected):
    broken = copy.deepcopy(meta)
    target = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert any(expected in problem for problem in problems(broken, today()))


def test_a_release_date_after_today_is_found(meta):
    assert any("outside" in problem for problem in problems(meta, dt.date(2000, 1, 1)))


def test_a_missing_required_key_is_found(meta):
    broken = {key: value for key, value in meta.items() if key != "legal"}
    assert problems(broken, today()) == ["missing key legal"]

"""The decision tree's change log, content/tree_changelog.yml: one entry per tree version.

`check` is run by `make validate` (through asf/content_check.py): the tree's current
`version` must be the newest entry, versions and dates must come newest first, and
every entry must say in words what changed. The memo's "Beslutsträdets version" line
gives the date the version took effect (`date_of`); the file itself is for the people who
run the assistant, so the memo never names it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from asf import settings, yamltext
from asf.guidance.validator import Problem

__all__ = ["changelog_file", "check", "date_of"]

_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def changelog_file() -> Path:
    return settings.content_dir() / "tree_changelog.yml"


def date_of(version: str, path: Path | None = None) -> dt.date | None:
    """The day `version` of the tree took effect, or None when the log does not say (or cannot be read)."""
    try:
        entries: Any = yamltext.load((path or changelog_file()).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and str(entry.get("version")) == version:
            date = entry.get("date")
            try:
                return date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
            except ValueError:
                return None
    return None


def check(tree_version: str, path: Path, source: str) -> list[Problem]:
    """Problems with the change log at `path` for a tree at `tree_version`, in plain Swedish."""

    def problem(message: str) -> Problem:
        return Problem(source, None, message)

    try:
        entries: Any = yamltext.load(path.read_text(encoding="utf-8"))
    except OSError:
        return [problem(f"Ändringsloggen saknas. Lägg till en post för trädets version {tree_version}.")]
    except yaml.YAMLError as error:
        return [problem(f"Filen är inte giltig YAML: {error}")]
    if not isinstance(entries, list) or not entries:
        return [problem("Ändringsloggen ska vara en lista med en post per version (version, date, changes).")]

    problems: list[Problem] = []
    seen: list[tuple[tuple[int, ...], dt.date, str]] = []
    for number, entry in enumerate(entries, start=1):
        where = f"Post {number}"
        if not isinstance(entry, dict) or set(entry) != {"version", "date", "changes"}:
            problems.append(problem(f"{where} ska ha exakt fälten version, date och changes."))
            continue
        version, date, changes = str(entry["version"]), entry["date"], entry["changes"]
        match = _VERSION.match(version)
        if match is None:
            problems.append(problem(f"{where}: versionen '{version}' ska skrivas som 1.2.3."))
            continue
        try:
            day = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
        except ValueError:
            problems.append(problem(f"{where} ({version}): datumet '{date}' ska skrivas som 2026-11-30."))
            continue
        if not isinstance(changes, list) or not changes or not all(isinstance(c, str) and c.strip() for c in changes):
            problems.append(problem(f"Version {version}: skriv minst en mening om vad som ändrades (changes)."))
        key = tuple(int(part) for part in match.groups())
        if any(key == earlier for earlier, _, _ in seen):
            problems.append(problem(f"Version {version} står mer än en gång."))
        elif seen and not (key < seen[-1][0] and day <= seen[-1][1]):
            problems.append(
                problem(f"Version {version} står efter {seen[-1][2]}: skriv den nyaste versionen och dagen överst.")
            )
        seen.append((key, day, version))

    if not any(version == tree_version for _, _, version in seen):
        problems.append(
            problem(f"Trädets version {tree_version} har ingen post. Skriv överst vad som ändrades i den versionen.")
        )
    elif seen[0][2] != tree_version:
        problems.append(problem(f"Överst står {seen[0][2]}, men trädet har version {tree_version}."))
    return problems

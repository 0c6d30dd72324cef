"""Refreshes requirements/advisories.json from a git checkout of the PyPA advisory database.

Usage: python -m scripts.audit_refresh PATH (a clone of github.com/pypa/advisory-database, a work
tree or a bare git directory; its HEAD is read). Keeps only the advisories of packages in the
runtime and development locks, with what scripts/audit.py needs, and records the database's
commit and date so the audit can say how old its knowledge is.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from packaging.utils import canonicalize_name

from scripts.audit import ROOT, SNAPSHOT, pins

LOCKS = sorted((ROOT / "requirements").glob("py3*.lock"))


def git(checkout: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(checkout), *args], capture_output=True, text=True, check=True).stdout


def entry(raw: dict[str, Any], package: str) -> dict[str, Any]:
    """The fields the audit reads, for the one package this file is filed under."""
    ranges, versions = [], []
    for affected in raw.get("affected", []):
        if canonicalize_name(affected["package"]["name"]) != package:
            continue
        ranges += [r["events"] for r in affected.get("ranges", []) if r.get("type") == "ECOSYSTEM"]
        versions += [str(v) for v in affected.get("versions", [])]
    text = str(raw.get("summary") or raw.get("details") or "").strip().replace("\n", " ")
    return {
        "id": raw["id"],
        "aliases": sorted(raw.get("aliases", [])),
        "summary": text if len(text) <= 240 else text[:237] + "...",
        "ranges": [[{str(k): str(v) for k, v in event.items()} for event in events] for events in ranges],
        "versions": versions,
        **({"withdrawn": str(raw["withdrawn"])} if raw.get("withdrawn") else {}),
    }


def snapshot(checkout: Path) -> dict[str, Any]:
    wanted = set().union(*(pins(lock) for lock in LOCKS))
    advisories: dict[str, list[dict[str, Any]]] = {}
    for path in git(checkout, "ls-tree", "-r", "--name-only", "HEAD", "vulns/").splitlines():
        package = canonicalize_name(path.split("/")[1])
        if package in wanted and path.endswith(".yaml"):
            raw = yaml.safe_load(git(checkout, "show", f"HEAD:{path}"))
            advisories.setdefault(package, []).append(entry(raw, package))
    commit, date = git(checkout, "log", "-1", "--format=%H %cs").split()
    return {
        "source": "PyPA advisory database",
        "commit": commit,
        "date": date,
        "advisories": {name: sorted(found, key=lambda a: a["id"]) for name, found in sorted(advisories.items())},
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    data = snapshot(Path(argv[0]))
    SNAPSHOT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    total = sum(len(found) for found in data["advisories"].values())
    packages = len(data["advisories"])
    print(f"Skrev {SNAPSHOT.relative_to(ROOT)}: {total} sårbarheter i {packages} paket, per {data['date']}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

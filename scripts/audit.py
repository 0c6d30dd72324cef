"""Known vulnerabilities in the runtime locks (make audit), checked against a dated snapshot.

pip-audit asks a vulnerability service (PyPI's JSON API or OSV) for every package and has no
local database; neither service answers from here. So this checks requirements/py310.lock and
py311.lock against requirements/advisories.json, the PyPA advisory database's entries for the
packages in our locks (refreshed by scripts/audit_refresh.py, which records the database's date),
plus requirements/advisories-extra.yml (advisories entered by hand that the snapshot lacks), and
fails on a finding that requirements/audit-allow.yml does not list with a reviewed reason.
An allow-list entry that no longer matches anything fails too, so the list cannot go stale.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
LOCKS = [ROOT / "requirements" / "py310.lock", ROOT / "requirements" / "py311.lock"]
SNAPSHOT = ROOT / "requirements" / "advisories.json"
EXTRA = ROOT / "requirements" / "advisories-extra.yml"
ALLOW = ROOT / "requirements" / "audit-allow.yml"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def pins(lock: Path) -> dict[str, str]:
    """Package (normalised name) -> pinned version, from a pip-compile lock."""
    found: dict[str, str] = {}
    for line in lock.read_text().splitlines():
        match = PIN.match(line)
        if match:
            found[canonicalize_name(match.group(1))] = match.group(2)
    return found


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def in_range(version: Version, events: list[dict[str, str]]) -> bool:
    """OSV's ECOSYSTEM range: affected from an 'introduced' up to the next 'fixed' (excluded) or
    'last_affected' (included); the events are taken in version order."""
    keyed = []
    for event in events:
        ((kind, value),) = event.items()
        bound = Version("0") if value == "0" else _version(value)
        if bound is not None:
            keyed.append((bound, kind))
    affected = False
    for bound, kind in sorted(keyed, key=lambda item: item[0]):
        if kind == "introduced":
            affected = affected or version >= bound
        elif version > bound or (version == bound and kind != "last_affected"):
            affected = False  # past a 'fixed', 'limit' or 'last_affected'
    return affected


def affects(advisory: dict[str, Any], version_text: str) -> bool:
    if advisory.get("withdrawn"):
        return False
    if version_text in advisory.get("versions", []):
        return True
    version = _version(version_text)
    if version is None:
        return False
    return any(in_range(version, events) for events in advisory.get("ranges", []))


@dataclass(frozen=True)
class Finding:
    package: str
    version: str
    lock: str
    advisory: str
    aliases: tuple[str, ...]
    summary: str
    fixed: tuple[str, ...]


def findings(snapshot: dict[str, Any], locks: list[Path]) -> list[Finding]:
    found = []
    for lock in locks:
        for package, version in sorted(pins(lock).items()):
            for advisory in snapshot["advisories"].get(package, []):
                if affects(advisory, version):
                    fixed = tuple(
                        str(next(iter(event.values())))
                        for events in advisory.get("ranges", [])
                        for event in events
                        if "fixed" in event
                    )
                    found.append(
                        Finding(
                            package,
                            version,
                            lock.name,
                            advisory["id"],
                            tuple(advisory.get("aliases", [])),
                            advisory.get("summary", ""),
                            fixed,
                        )
                    )
    return found


def allowed(entry: dict[str, str], finding: Finding) -> bool:
    names = {finding.advisory, *finding.aliases}
    return (
        canonicalize_name(entry["package"]) == finding.package
        and entry["id"] in names
        and entry.get("version", finding.version) == finding.version
    )


def report(
    snapshot: dict[str, Any], found: list[Finding], allow: list[dict[str, str]], today: date
) -> tuple[list[str], bool]:
    """The lines to print, and whether the audit passes."""
    age = (today - date.fromisoformat(snapshot["date"])).days
    lines = [
        f"Sårbarhetsdatabas: {snapshot['source']} per {snapshot['date']} ({age} dagar gammal, commit "
        f"{snapshot['commit'][:12]}), med {snapshot.get('extra', 0)} tillagda för hand ({EXTRA.name}): "
        f"{sum(len(v) for v in snapshot['advisories'].values())} kända sårbarheter i {len(snapshot['advisories'])} "
        "av våra paket. Sårbarheter publicerade senare syns inte förrän ögonblicksbilden förnyas "
        "(python -m scripts.audit_refresh)."
    ]
    ok = True
    for finding in found:
        entry = next((e for e in allow if allowed(e, finding)), None)
        fix = f"rättad i {', '.join(finding.fixed)}" if finding.fixed else "ingen rättad version"
        head = f"{finding.package} {finding.version} ({finding.lock}): {finding.advisory} ({fix})"
        if entry is None:
            ok = False
            lines.append(f"FEL: {head} är inte granskad i {ALLOW.name}: {finding.summary}")
        else:
            lines.append(f"  godtagen: {head}: {entry['reason']}")
    for entry in allow:
        if not any(allowed(entry, finding) for finding in found):
            ok = False
            lines.append(f"FEL: {entry['package']} {entry['id']} i {ALLOW.name} träffar inget längre; ta bort raden.")
    return lines, ok


def with_extra(snapshot: dict[str, Any], extra: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The snapshot with the hand-entered advisories added (each counted once, by id)."""
    merged = {name: list(found) for name, found in snapshot["advisories"].items()}
    for name, found in extra.items():
        known = {advisory["id"] for advisory in merged.setdefault(canonicalize_name(name), [])}
        merged[canonicalize_name(name)] += [advisory for advisory in found if advisory["id"] not in known]
    return {**snapshot, "advisories": merged, "extra": sum(len(found) for found in extra.values())}


def main() -> int:
    snapshot = with_extra(json.loads(SNAPSHOT.read_text()), yaml.safe_load(EXTRA.read_text()) or {})
    allow = yaml.safe_load(ALLOW.read_text()) or []
    lines, ok = report(snapshot, findings(snapshot, LOCKS), allow, date.today())
    print("\n".join(lines))
    print("make audit: inga sårbarheter utöver de granskade." if ok else "make audit: se FEL ovan.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

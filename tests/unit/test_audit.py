"""make audit: the runtime locks against the vendored advisory snapshot and the reviewed allow-list."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from packaging.version import Version

from scripts.audit import ALLOW, EXTRA, LOCKS, ROOT, SNAPSHOT, findings, in_range, pins, report, with_extra
from scripts.audit_refresh import snapshot as refreshed

RANGE = [{"introduced": "0"}, {"fixed": "1.2"}, {"introduced": "2.0"}, {"last_affected": "2.1"}]


def test_a_version_is_affected_between_introduced_and_fixed_or_last_affected():
    affected = {v: in_range(Version(v), RANGE) for v in ("1.0", "1.2", "1.5", "2.0", "2.1", "2.1.1")}
    assert affected == {"1.0": True, "1.2": False, "1.5": False, "2.0": True, "2.1": True, "2.1.1": False}


def test_the_locks_are_read_with_normalised_names():
    runtime = pins(LOCKS[1])
    assert runtime["rasa"] == "3.6.21"
    assert "python-socketio" in runtime and "pytest" not in runtime  # the runtime lock has no test tools


def fake(tmp_path: Path, version: str, withdrawn: bool = False) -> tuple[dict[str, Any], Path]:
    lock = tmp_path / "py311.lock"
    lock.write_text(f"Some_Package=={version} \\\n    --hash=sha256:00\n    # via -r x\n")
    advisory = {
        "id": "PYSEC-2099-1",
        "aliases": ["CVE-2099-1"],
        "summary": "Something bad",
        "ranges": [[{"introduced": "0"}, {"fixed": "1.1"}]],
        "versions": [],
        **({"withdrawn": "2099-01-02"} if withdrawn else {}),
    }
    data = {"source": "test", "commit": "0" * 40, "date": "2099-01-01", "advisories": {"some-package": [advisory]}}
    return data, lock


def test_a_finding_fails_until_it_is_allowed_with_a_reason(tmp_path: Path):
    data, lock = fake(tmp_path, "1.0")
    found = findings(data, [lock])
    assert [(f.package, f.advisory, f.fixed) for f in found] == [("some-package", "PYSEC-2099-1", ("1.1",))]
    lines, ok = report(data, found, [], date(2099, 1, 31))
    assert not ok and any(line.startswith("FEL: some-package 1.0") for line in lines)
    assert "30 dagar gammal" in lines[0]
    allow = [{"package": "Some_Package", "id": "CVE-2099-1", "reason": "Nås inte."}]
    lines, ok = report(data, found, allow, date(2099, 1, 31))
    assert ok and any("godtagen" in line and "Nås inte." in line for line in lines)


def test_a_fixed_version_and_a_withdrawn_advisory_are_no_findings(tmp_path: Path):
    data, lock = fake(tmp_path, "1.1")
    assert findings(data, [lock]) == []
    data, lock = fake(tmp_path, "1.0", withdrawn=True)
    assert findings(data, [lock]) == []


def test_an_allow_list_entry_that_matches_nothing_fails(tmp_path: Path):
    data, lock = fake(tmp_path, "1.1")
    allow = [{"package": "some-package", "id": "PYSEC-2099-1", "reason": "Nås inte."}]
    lines, ok = report(data, findings(data, [lock]), allow, date(2099, 1, 2))
    assert not ok and any("träffar inget längre" in line for line in lines)


def test_the_refresh_keeps_only_our_packages_with_the_database_date(tmp_path: Path):
    checkout = tmp_path / "db"
    for name, body in {
        "vulns/rasa/PYSEC-2099-2.yaml": {
            "id": "PYSEC-2099-2",
            "details": "Rasa problem",
            "affected": [
                {
                    "package": {"name": "rasa", "ecosystem": "PyPI"},
                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "9"}]}],
                }
            ],
        },
        "vulns/not-ours-at-all/PYSEC-2099-3.yaml": {"id": "PYSEC-2099-3", "affected": []},
    }.items():
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        (checkout / name).write_text(json.dumps(body))  # JSON is YAML
    git = ["git", "-C", str(checkout), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(checkout)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run(
        [*git, "commit", "-q", "-m", "x", "--date", "2099-01-01T00:00:00"],
        check=True,
        env={"GIT_COMMITTER_DATE": "2099-01-03T00:00:00", "PATH": "/usr/bin:/bin"},
    )
    data = refreshed(checkout)
    assert list(data["advisories"]) == ["rasa"] and data["date"] == "2099-01-03"
    assert data["advisories"]["rasa"][0]["ranges"] == [[{"introduced": "0"}, {"fixed": "9"}]]
    assert findings(data, [LOCKS[1]])[0].advisory == "PYSEC-2099-2"


def test_the_project_s_locks_pass_the_audit():
    result = subprocess.run([sys.executable, "-m", "scripts.audit"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert json.loads(SNAPSHOT.read_text())["date"] in result.stdout and ALLOW.exists()


def test_hand_entered_advisories_are_added_once_and_counted(tmp_path: Path):
    data, lock = fake(tmp_path, "1.0")
    extra = {
        "Some_Package": [data["advisories"]["some-package"][0], {"id": "GHSA-x", "ranges": [[{"introduced": "0"}]]}],
        "other": [{"id": "CVE-2099-9", "ranges": []}],
    }
    merged = with_extra(data, extra)
    assert [a["id"] for a in merged["advisories"]["some-package"]] == ["PYSEC-2099-1", "GHSA-x"]
    assert merged["extra"] == 3 and "other" in merged["advisories"]
    assert [f.advisory for f in findings(merged, [lock])] == ["PYSEC-2099-1", "GHSA-x"]


def test_every_hand_entered_advisory_names_its_source_and_a_fixed_version():
    extra = yaml.safe_load(EXTRA.read_text())
    for package, found in extra.items():
        for advisory in found:
            assert advisory["source"].startswith("https://"), (package, advisory["id"])
            assert any("fixed" in event for events in advisory["ranges"] for event in events), advisory["id"]

"""The tree's change log (content/tree_changelog.yml) and the memo's reference to it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from asf import memo, tree_changelog, yamltext
from asf.guidance.engine import walk
from asf.guidance.explain import result_payload
from asf.guidance.model import Tree

ROOT = Path(__file__).resolve().parents[2]
LOG = ROOT / "content" / "tree_changelog.yml"


def entries() -> list[dict[str, object]]:
    loaded: list[dict[str, object]] = yamltext.load(LOG.read_text(encoding="utf-8"))
    return loaded


def check(tmp_path: Path, version: str, log: list[dict[str, object]]) -> list[str]:
    path = tmp_path / "tree_changelog.yml"
    path.write_text(yaml.safe_dump(log, allow_unicode=True), encoding="utf-8")
    return [problem.message for problem in tree_changelog.check(version, path, "tree_changelog.yml")]


def test_the_current_tree_version_is_the_newest_entry(tree: Tree) -> None:
    assert tree_changelog.check(tree.version, LOG, "x") == []
    assert entries()[0]["version"] == tree.version
    assert [e["version"] for e in entries()][:13] == [
        "2.6.3",
        "2.6.2",
        "2.6.1",
        "2.6.0",
        "2.5.0",
        "2.4.0",
        "2.3.1",
        "2.3.0",
        "2.2.0",
        "2.1.0",
        "2.0.1",
        "2.0.0",
        "1.1.0",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda log: log.pop(0), "Trädets version {current} har ingen post"),
        (lambda log: log.reverse(), "skriv den nyaste versionen och dagen överst"),
        (lambda log: log[0].update(changes=[]), "skriv minst en mening"),
        (lambda log: log[0].update(date="30 nov"), "ska skrivas som 2026-11-30"),
        (lambda log: log[1].update(version=log[0]["version"]), "står mer än en gång"),
        (lambda log: log.insert(0, {**log[0], "version": "9.9.9"}), "Överst står 9.9.9"),
        (lambda log: log[0].pop("changes"), "exakt fälten version, date och changes"),
    ],
)
def test_a_wrong_log_is_refused_in_plain_swedish(tmp_path: Path, change, message: str) -> None:
    log = entries()
    current = str(log[0]["version"])
    change(log)
    problems = check(tmp_path, current, log)
    assert any(message.format(current=current) in p for p in problems), problems


def test_a_missing_log_is_refused(tmp_path: Path) -> None:
    problems = tree_changelog.check("2.0.0", tmp_path / "saknas.yml", "tree_changelog.yml")
    assert [p.message for p in problems] == ["Ändringsloggen saknas. Lägg till en post för trädets version 2.0.0."]


def test_make_validate_runs_the_check() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "asf.content_check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ändringsloggen har trädets version" in done.stdout


def test_the_memo_gives_the_version_with_its_date_and_no_file_path(tree: Tree) -> None:
    result = result_payload(tree, walk(tree, {"vem": "annan"}))
    text = memo.markdown(result, dt.date(2026, 12, 1))
    day = tree_changelog.date_of(tree.version)
    assert day is not None  # make validate requires the current version in the log
    assert f"Beslutsträdets version: {tree.version}, gäller från {day.isoformat()}. " in text
    assert "ändringslogg" in text  # the reader learns that the changes are written down …
    assert ".yml" not in text and "content/" not in text  # … but not as a path in the repository


def test_the_date_of_a_version_comes_from_the_log(tmp_path: Path) -> None:
    log = tmp_path / "log.yml"
    log.write_text('- version: "1.2.0"\n  date: "2026-10-01"\n  changes: ["Ny fråga."]\n', encoding="utf-8")
    assert tree_changelog.date_of("1.2.0", log) == dt.date(2026, 10, 1)
    assert tree_changelog.date_of("9.9.9", log) is None
    assert tree_changelog.date_of("1.2.0", tmp_path / "saknas.yml") is None

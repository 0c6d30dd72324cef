"""make validate checks the learned reader's examples (asf/reading_check.py)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from asf import reading_check, settings
from asf.guidance.model import Tree


def folder_with(tmp_path: Path, descriptions: list[dict[str, Any]], answers: list[dict[str, Any]]) -> Path:
    folder = tmp_path / "content" / "reading"
    folder.mkdir(parents=True)
    shutil.copy(settings.ROOT / "content" / "reading.schema.json", tmp_path / "content")
    (folder / "descriptions_x.yml").write_text(yaml.safe_dump(descriptions, allow_unicode=True), encoding="utf-8")
    (folder / "typed_answers_x.yml").write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    return folder


GOOD_DESCRIPTION = {"id": "x1", "text": "Kommunen köper platser", "facts": {"utforare": "kommunen"}}
GOOD_ANSWER = {"id": "x2", "question": "utforare", "text": "hm", "gold": "oklart"}


def test_the_project_examples_are_valid(tree: Tree):
    assert reading_check.check(settings.ROOT / "content" / "reading", tree) == []


def test_valid_examples_pass(tree: Tree, tmp_path: Path):
    assert reading_check.check(folder_with(tmp_path, [GOOD_DESCRIPTION], [GOOD_ANSWER]), tree) == []


def test_an_option_the_tree_lacks_is_named(tree: Tree, tmp_path: Path):
    renamed = {**GOOD_DESCRIPTION, "facts": {"utforare": "kommun", "fraga_som_inte_finns": "x"}}
    unclear_fact = {"id": "x3", "text": "t", "facts": {"utforare": "oklart"}}
    problems = [str(p) for p in reading_check.check(folder_with(tmp_path, [renamed, unclear_fact], []), tree)]
    assert any("x1: frågan utforare har inget alternativ kommun" in p for p in problems)
    assert any("fraga_som_inte_finns finns inte i trädet" in p for p in problems)
    assert any("x3: frågan utforare har inget alternativ oklart" in p for p in problems)  # only answers may be unclear


def test_a_duplicate_id_and_a_held_out_id_are_named(tree: Tree, tmp_path: Path):
    held_out = tmp_path / "eval"
    held_out.mkdir()
    (held_out / "typed_answers_heldout.yml").write_text(yaml.safe_dump([{**GOOD_ANSWER, "id": "h1"}]), encoding="utf-8")
    answers = [GOOD_ANSWER, {**GOOD_ANSWER, "id": "h1"}]
    problems = [
        str(p)
        for p in reading_check.check(
            folder_with(tmp_path, [GOOD_DESCRIPTION, {**GOOD_DESCRIPTION}], answers), tree, held_out
        )
    ]
    assert any("x1 finns två gånger" in p for p in problems)
    assert any("h1 finns i den hållna halvan" in p for p in problems)


def test_a_file_that_breaks_the_schema_is_named(tree: Tree, tmp_path: Path):
    broken = [{"id": "x1", "text": "t", "facit": {}}]
    problems = [str(p) for p in reading_check.check(folder_with(tmp_path, broken, []), tree)]
    assert problems and "reading.schema.json" in problems[0]


def test_a_set_only_measured_on_is_checked_too(tree: Tree, tmp_path: Path):
    folder = folder_with(tmp_path, [GOOD_DESCRIPTION], [GOOD_ANSWER])
    (folder / "measure").mkdir()
    renamed = {**GOOD_DESCRIPTION, "id": "m1", "facts": {"utforare": "kommun"}}
    (folder / "measure" / "descriptions_m.yml").write_text(yaml.safe_dump([renamed]), encoding="utf-8")
    problems = [str(p) for p in reading_check.check(folder, tree)]
    assert any(
        "measure/descriptions_m.yml" in p and "m1: frågan utforare har inget alternativ kommun" in p for p in problems
    )

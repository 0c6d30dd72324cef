"""Checks the examples the learned reader trains on (content/reading/*.yml) and the development sets
only measured on (content/reading/measure/):
`python -m asf.reading_check`, a step of `make validate` (PyYAML and jsonschema only).

Each file follows content/reading.schema.json, every id is unique across the files
and the held-out half (tests/eval/, which the reader must never see), and every
question and option an example names exists in the tree: an option renamed in the
tree must be renamed in the examples too, or the reader silently forgets them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema

from asf import settings, yamltext
from asf.guidance.loader import default_tree
from asf.guidance.model import Tree
from asf.guidance.validator import Problem

UNCLEAR = "oklart"
HELD_OUT = settings.ROOT / "tests" / "eval"


def check(folder: Path, tree: Tree, held_out: Path = HELD_OUT) -> list[Problem]:
    schema = json.loads((folder.parent / "reading.schema.json").read_text(encoding="utf-8"))
    problems: list[Problem] = []
    seen = {item["id"] for path in sorted(held_out.glob("*.yml")) for item in _items(path)}
    held_out_ids = set(seen)
    # The sets only measured on (measure/) are checked the same way: the bench reads them too.
    for path in sorted([*folder.glob("*.yml"), *folder.glob("measure/*.yml")]):
        shown = f"content/reading/{path.relative_to(folder)}"
        items = _items(path)
        broken = [
            Problem(shown, None, f"följer inte reading.schema.json: {error.message}")
            for error in jsonschema.Draft202012Validator(schema).iter_errors(items)
        ]
        problems += broken
        if broken:
            continue
        for item in items:
            if item["id"] in held_out_ids:
                problems.append(Problem(shown, None, f"{item['id']} finns i den hållna halvan (tests/eval/)"))
            elif item["id"] in seen:
                problems.append(Problem(shown, None, f"{item['id']} finns två gånger"))
            seen.add(item["id"])
            if "question" in item:
                wrong = _unknown(tree, {item["question"]: item["gold"]}, unclear_allowed=True)
            else:
                wrong = _unknown(tree, item.get("facts") or {}, unclear_allowed=False)
            problems += [Problem(shown, None, f"{item['id']}: {message}") for message in wrong]
    return problems


def _items(path: Path) -> list[dict[str, Any]]:
    return yamltext.load(path.read_text(encoding="utf-8")) or []


def _unknown(tree: Tree, labels: dict[str, str], unclear_allowed: bool) -> list[str]:
    wrong = []
    for question_id, option_id in labels.items():
        question = tree.questions.get(question_id)
        if question is None:
            wrong.append(f"frågan {question_id} finns inte i trädet")
        elif question.option(option_id) is None and not (unclear_allowed and option_id == UNCLEAR):
            wrong.append(f"frågan {question_id} har inget alternativ {option_id}")
    return wrong


def main(argv: list[str]) -> int:
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    folder = settings.content_dir() / "reading"
    problems = check(folder, default_tree())
    if problems:
        print(f"Exemplen för den inlärda läsaren har {len(problems)} fel:")
        for problem in problems:
            print(f"- {problem}")
        return 1
    count = sum(len(_items(path)) for path in folder.glob("*.yml"))
    print(f"Exemplen för den inlärda läsaren är giltiga: {count} exempel, alla svar finns i trädet.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

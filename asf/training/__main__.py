"""python -m asf.training validate [CASES.yml]: checks the training cases against the tree."""

from __future__ import annotations

import sys
from pathlib import Path

from asf.guidance.loader import TreeError, default_tree
from asf.training.cases import CASES_FILE, check_cases, load_cases


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "validate":
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(argv[1]) if len(argv) > 1 else CASES_FILE
    try:
        tree = default_tree()
    except TreeError as error:
        print(error)
        return 1
    problems = check_cases(tree, path)
    if problems:
        print(f"Övningsfallen har {len(problems)} fel:")
        for problem in problems:
            print(f"- {problem}")
        return 1
    book = load_cases(tree, path)
    print(f"Övningsfallen är giltiga: {len(book.cases)} fall i {len(book.sets)} set, alla stämmer med trädet.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

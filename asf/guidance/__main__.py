"""Command line for tree editors and reviewers, no Rasa needed.

python -m asf.guidance validate [TREE.yml [INDEX.yml]]
python -m asf.guidance walk
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from asf.guidance import explain
from asf.guidance.engine import back, walk
from asf.guidance.loader import INDEX_FILE, TREE_FILE, TreeError, load_tree
from asf.guidance.understanding import match_option


def validate_command(args: list[str], out: TextIO) -> int:
    tree_file = Path(args[0]) if args else TREE_FILE
    index_file = Path(args[1]) if len(args) > 1 else INDEX_FILE
    try:
        tree = load_tree(tree_file, index_file)
    except TreeError as error:
        print(f"Beslutsträdet har {len(error.problems)} fel:", file=out)
        for problem in error.problems:
            print(f"- {problem}", file=out)
        return 1
    print(
        f"Beslutsträdet är giltigt (version {tree.version}): {len(tree.questions)} frågor, "
        f"{len(tree.outcomes)} bedömningar, {len(tree.coverage)} platser i vägledningen täckta.",
        file=out,
    )
    return 0


def walk_command(stdin: TextIO, out: TextIO) -> int:
    """Ask the tree's questions on the terminal and print the outcome with its path."""
    try:
        tree = load_tree()
    except TreeError as error:
        print(error, file=out)
        return 1
    answers: dict[str, str] = {}
    print("Svara med siffran eller med ord. 'v' = varför, 't' = tillbaka, 'q' = avsluta.\n", file=out)
    while True:
        current = walk(tree, answers)
        if current.outcome is not None:
            print("\n" + explain.result_text(tree, current), file=out)
            print("\nVägen dit:", file=out)
            for step in current.steps:
                cites = explain.cites_text(tree.index, step.cites)
                print(f"- {current.fill(step.question.text)} → {current.fill(step.option.label)} ({cites})", file=out)
            return 0
        question = current.question
        assert question is not None
        print(current.fill(question.text), file=out)
        for number, option in enumerate(question.options, start=1):
            print(f"  {number}. {current.fill(option.label)}", file=out)
        line = stdin.readline()
        if not line or line.strip().lower() == "q":
            return 0
        reply = line.strip()
        if reply.lower() == "v":
            print(explain.help_text(tree, question) + "\n", file=out)
        elif reply.lower() == "t":
            answers = back(tree, answers)
        else:
            chosen = match_option(question, reply)
            if chosen is None:
                print("Det förstod jag inte. Svara med en siffra.\n", file=out)
            else:
                answers[question.id] = chosen.id


def main(argv: list[str]) -> int:
    command, args = (argv[0], argv[1:]) if argv else ("", [])
    if command == "validate":
        return validate_command(args, sys.stdout)
    if command == "walk":
        return walk_command(sys.stdin, sys.stdout)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

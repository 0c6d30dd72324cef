"""The review pack for a jurist ("granskningsunderlag"), written by `make granskning`.

For every outcome: its verdict, every reason and condition beside the exact text
of each passage it cites (the `quote` in content/guidance_index.yml), the
statements that are our reading of the guidance flagged as such, and every path
of answers that reaches it, found by walking the tree with the engine (so
`next_if` routes count as the assistant applies them). Then the whole tree as
text (asf/guidance/treetext.py).

Usage::

    python -m asf.guidance.review OUTDIR [--utan-pdf] [--tree TREE.yml]

writes OUTDIR/granskning.html, OUTDIR/granskning.pdf (needs fpdf2) and
OUTDIR/beslutstrad.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from asf import settings
from asf.guidance import document
from asf.guidance.document import Block, Heading, Items, Quote, Statement, Text
from asf.guidance.engine import Walk, walk
from asf.guidance.explain import cite_text, cites_text
from asf.guidance.model import VERDICT_NAMES, VERDICTS, Citation, Outcome, Tree, sentence_case
from asf.guidance.model import Statement as TreeStatement
from asf.guidance.treetext import generic, tree_blocks

__all__ = ["TITLE", "grouped", "main", "path_text", "paths", "quote", "review_blocks"]

TITLE = "Granskningsunderlag: beslutsträdet för finansiering av insatser kopplade till sociala företag"


def paths(tree: Tree) -> dict[str, list[Walk]]:
    """Every path of answers from the first question to each outcome, as the engine walks them."""
    found: dict[str, list[Walk]] = {outcome: [] for outcome in tree.outcomes}

    def visit(answers: dict[str, str]) -> None:
        current = walk(tree, answers)
        if current.outcome is not None:
            found[current.outcome.id].append(current)
            return
        assert current.question is not None
        for option in current.question.options:
            visit({**answers, current.question.id: option.id})

    visit({})
    return found


AnswerPath = tuple[tuple[str, tuple[str, ...]], ...]  # (question short, the answers that go the same way)


def _path(current: Walk) -> AnswerPath:
    return tuple((step.question.short, (current.fill(step.option.label),)) for step in current.steps)


def grouped(walks: Sequence[Walk]) -> list[AnswerPath]:
    """The paths, with paths that differ in one answer only written once ("Kommunen eller Regionen")."""
    found = [_path(w) for w in walks]
    changed = True
    while changed:
        changed = False
        for position in range(max((len(p) for p in found), default=0) - 1, -1, -1):
            merged: dict[tuple[object, ...], AnswerPath] = {}
            for path in found:
                if position >= len(path):
                    merged[(path,)] = path
                    continue
                key = (path[:position], path[position][0], path[position + 1 :])
                if key in merged:
                    before = merged[key]
                    answers = before[position][1] + tuple(a for a in path[position][1] if a not in before[position][1])
                    merged[key] = (*before[:position], (before[position][0], answers), *before[position + 1 :])
                    changed = True
                else:
                    merged[key] = path
            found = list(merged.values())
    return found


def path_text(path: AnswerPath) -> str:
    return " → ".join(f"{short}: {' eller '.join(f'”{a}”' for a in answers)}" for short, answers in path)


def quote(tree: Tree, cite: Citation) -> Quote:
    """The passage a citation points to: the index's exact `quote`, or for a law paragraph its text if held."""
    place = cite_text(tree.index, cite)
    if cite.law is not None:
        law = tree.index.laws[cite.law]
        return Quote(place, law.text, exact=not law.paraphrase)
    assert cite.section is not None
    section = tree.index.sections[cite.section]
    passage = section.points[cite.point] if cite.point is not None else section.paragraphs[cite.paragraph or 0]
    return Quote(place, passage.quote)


def _statement(tree: Tree, kind: str, statement: TreeStatement) -> Statement:
    note = None
    if statement.cite_answer:
        question = tree.questions[statement.cite_answer]
        note = (
            f"Dessutom källan till det svar som valdes på frågan om {question.short} "
            "(se svarsalternativen i trädet nedan)."
        )
    return Statement(
        kind, generic(tree, statement.text), statement.reading, tuple(quote(tree, c) for c in statement.cites), note
    )


def _statements(outcome: Outcome) -> list[tuple[str, TreeStatement]]:
    return [("Skäl", s) for s in outcome.reasons] + [("Villkor", s) for s in outcome.conditions]


def review_blocks(tree: Tree) -> list[Block]:
    found = paths(tree)
    statements = [s for outcome in tree.outcomes.values() for _, s in _statements(outcome)]
    readings = sum(s.reading for s in statements)
    unquoted = sum(all(quote(tree, c).text is None for c in s.cites) for s in statements)
    paraphrased = sum(
        any(quote(tree, c).text is not None and not quote(tree, c).exact for c in s.cites) for s in statements
    )
    by_verdict = [f"{sum(o.verdict == v for o in tree.outcomes.values())} {VERDICT_NAMES[v]}" for v in VERDICTS]
    blocks: list[Block] = [
        Heading(1, TITLE),
        Text(
            f"Beslutsträdets version {tree.version}. Skrivet av make granskning ur content/tree.yml och "
            "content/guidance_index.yml; ändra inte den här filen, ändra trädet och kör kommandot igen."
        ),
        Text(
            "För varje bedömning: utfallet, varje skäl och villkor bredvid den ordagranna texten i den "
            "plats i vägledningen som det hänvisar till, alla vägar av svar som leder dit, och markerade "
            f"([{document.READING}]) de påståenden som är vår tolkning av eller slutsats från vägledningen. "
            "Sist står hela trädet som text."
        ),
        Heading(2, "Översikt", "oversikt"),
        Items(
            (
                f"{len(tree.outcomes)} bedömningar: " + ", ".join(by_verdict) + ".",
                f"{len(tree.questions)} frågor med sammanlagt "
                f"{sum(len(q.options) for q in tree.questions.values())} svarsalternativ.",
                f"{sum(len(w) for w in found.values())} vägar av svar från första frågan till en bedömning.",
                f"{len(statements)} skäl och villkor, varav {readings} markerade som tolkning.",
                f"{unquoted} skäl eller villkor hänvisar bara till platser vars text inte finns i indexet "
                "(7 § lagen (2003:1210)).",
                f"{paraphrased} skäl eller villkor hänvisar till en lagparagraf som indexet bara har i egen "
                "sammanfattning (2 § lagen (2003:1210)).",
            )
        ),
        Heading(2, "Bedömningarna", "bedomningar"),
    ]
    for number, outcome in enumerate(tree.outcomes.values(), start=1):
        walks = found[outcome.id]
        blocks += [
            Heading(3, f"{number}. {outcome.title}", f"utfall-{outcome.id}"),
            Text(f"{sentence_case(VERDICT_NAMES[outcome.verdict])} (id {outcome.id})", label="Utfall"),
        ]
        blocks += [_statement(tree, kind, s) for kind, s in _statements(outcome)]
        if outcome.route:
            blocks.append(Text(generic(tree, outcome.route), label="Väg till finansiering"))
        if outcome.alternative:
            blocks.append(Text(generic(tree, outcome.alternative), label="I stället"))
        if outcome.next_steps:
            blocks.append(Text(" ".join(generic(tree, s) for s in outcome.next_steps), label="Nästa steg"))
        blocks.append(Text(cites_text(tree.index, outcome.cites), label="Bedömningens källor"))
        blocks.append(Heading(4, f"Vägar hit ({len(walks)})"))
        if walks:
            blocks.append(
                Text("Svar som leder samma väg står på en rad, förenade med ”eller”; varje kombination är en väg.")
            )
            blocks.append(Items(tuple(path_text(p) for p in grouped(walks)), ordered=True))
        else:
            blocks.append(Text("Ingen väg av svar leder hit."))
    return blocks + tree_blocks(tree, level=2)


def write(tree: Tree, out: Path, with_pdf: bool = True, date: dt.date | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    blocks = review_blocks(tree)
    written = [out / "granskning.html", out / "beslutstrad.md"]
    written[0].write_text(document.html_page(TITLE, blocks), encoding="utf-8", newline="\n")
    written[1].write_text(document.markdown(tree_blocks(tree)), encoding="utf-8", newline="\n")
    if with_pdf:
        target = out / "granskning.pdf"
        target.write_bytes(document.pdf(TITLE, blocks, date or dt.date.today()))
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m asf.guidance.review", description="Write the review pack.")
    parser.add_argument("out", type=Path, help="folder to write to, e.g. dist/granskning")
    parser.add_argument("--tree", type=Path, default=settings.content_dir() / "tree.yml")
    parser.add_argument("--utan-pdf", action="store_true", help="only HTML and text (no fpdf2 needed)")
    args = parser.parse_args(argv)

    from asf.guidance.loader import TreeError, load_tree

    try:
        tree = load_tree(args.tree)
    except TreeError as error:
        print(error, file=sys.stderr)
        return 1
    for path in write(tree, args.out, with_pdf=not args.utan_pdf):
        print(f"Skrev {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The whole decision tree as text: every question with its help text, every option
in full and where it leads (with its `next_if` routes), and every outcome.

It is the long description of the diagram (docs/beslutstrad.md, beside
docs/beslutstrad.svg, written by `make diagram`) and the last part of the review
pack (`make granskning`). Built from the same `Tree` the engine walks.
"""

from __future__ import annotations

from asf.guidance.document import Block, Heading, Items, Text
from asf.guidance.explain import cites_text
from asf.guidance.model import ANSWER_PLACEHOLDER, VERDICT_NAMES, Option, Statement, Tree, sentence_case

__all__ = ["generic", "node_name", "tree_blocks"]


def generic(tree: Tree, text: str) -> str:
    """`{svar:fråga}` as words a reader understands without a particular path."""

    def answer(match: object) -> str:
        question_id = match.group(1)  # type: ignore[attr-defined]
        question = tree.questions.get(question_id)
        return f"«svaret på {question.short if question else question_id}»"

    return ANSWER_PLACEHOLDER.sub(answer, text)


def node_name(tree: Tree, node: str) -> str:
    if node in tree.questions:
        return f"frågan ”{tree.questions[node].text}”"
    outcome = tree.outcomes[node]
    return f"bedömningen ”{sentence_case(VERDICT_NAMES[outcome.verdict])}: {outcome.title}”"


def _option_line(tree: Tree, option: Option) -> str:
    label = generic(tree, option.label)
    parts = [f"{label} → {node_name(tree, option.next)}"]
    for route in option.routes:
        when = " och ".join(
            f"frågan om {tree.questions[qid].short} var "
            + " eller ".join(f"”{generic(tree, tree.questions[qid].option(oid).label)}”" for oid in oids)  # type: ignore[union-attr]
            for qid, oids in route.answered.items()
        )
        parts.append(f"men om svaret på {when} → {node_name(tree, route.next)}")
    source = f" (källa: {cites_text(tree.index, option.cites)})" if option.cites else ""
    return "; ".join(parts) + source


def _statement_line(tree: Tree, statement: Statement) -> str:
    flag = "[tolkning] " if statement.reading else ""
    return f"{flag}{generic(tree, statement.text)} (källa: {cites_text(tree.index, statement.cites)})"


def tree_blocks(tree: Tree, level: int = 1) -> list[Block]:
    """The tree as text; `level` is the level of its top heading."""
    blocks: list[Block] = [
        Heading(level, f"Beslutsträdet som text (version {tree.version})", "tradet"),
        Text(
            "Hela beslutsträdet i ord: varje fråga med hjälptext och alla svarsalternativ, vart varje svar "
            "leder, och varje bedömning. Texten är den långa beskrivningen av bilden av trädet "
            "(beslutstrad.svg) och skrivs av samma program ur content/tree.yml. "
            "[tolkning] markerar ett skäl eller villkor som är vår tolkning av vägledningen, inte vad den säger."
        ),
        Text(f"Första frågan: {tree.questions[tree.start].text}" if tree.start in tree.questions else tree.start),
        Heading(level + 1, f"Frågorna ({len(tree.questions)})", "fragor"),
    ]
    for question in tree.questions.values():
        blocks += [
            Heading(level + 2, question.text, f"fraga-{question.id}"),
            Text(question.help, label="Varför frågar vi"),
            Text(cites_text(tree.index, question.cites) or "inga", label="Källor"),
            Text(f"{len(question.options)} svarsalternativ", label="Svar"),
            Items(tuple(_option_line(tree, option) for option in question.options), ordered=True),
        ]
    blocks.append(Heading(level + 1, f"Bedömningarna ({len(tree.outcomes)})", "bedomningar"))
    for outcome in tree.outcomes.values():
        blocks += [
            Heading(
                level + 2, f"{sentence_case(VERDICT_NAMES[outcome.verdict])}: {outcome.title}", f"utfall-{outcome.id}"
            ),
            Text("Skäl"),
            Items(tuple(_statement_line(tree, s) for s in outcome.reasons)),
        ]
        if outcome.conditions:
            blocks += [Text("Villkor"), Items(tuple(_statement_line(tree, s) for s in outcome.conditions))]
        if outcome.route:
            blocks.append(Text(generic(tree, outcome.route), label="Väg till finansiering"))
        if outcome.alternative:
            blocks.append(Text(generic(tree, outcome.alternative), label="I stället"))
        if outcome.next_steps:
            blocks += [Text("Nästa steg"), Items(tuple(generic(tree, step) for step in outcome.next_steps))]
        blocks.append(Text(cites_text(tree.index, outcome.cites), label="Källor"))
    return blocks

"""Turns a walk into what people read: citations, the result message, a summary,
and the machine-readable payload other systems store or render."""

from __future__ import annotations

from typing import Any

from asf.guidance.engine import Walk
from asf.guidance.model import VERDICT_NAMES, Citation, GuidanceIndex, Question, Statement, Tree, sentence_case


def cite_text(index: GuidanceIndex, cite: Citation) -> str:
    """A citation as a reader finds it in the guidance, e.g.
    'Vägledningen, "Vad ska samordningsförbund undvika att göra?", punkt 2'."""
    if cite.law is not None:
        law = index.laws[cite.law]
        return f"{law.name}, som vägledningen {'hänvisar till' if law.named_in_guidance else 'bygger på'}"
    assert cite.section is not None
    section = index.sections[cite.section]
    place = f"punkt {cite.point}" if cite.point is not None else f"stycke {cite.paragraph}"
    if cite.section == "inledning":
        return f"{index.short_name}, inledningen, {place}"
    return f'{index.short_name}, "{section.heading}", {place}'


def cites_text(index: GuidanceIndex, cites: tuple[Citation, ...]) -> str:
    return "; ".join(cite_text(index, cite) for cite in cites)


def help_text(tree: Tree, question: Question) -> str:
    """The answer to "varför frågar du det?" for a question."""
    return f"{question.help}\n({cites_text(tree.index, question.cites)})"


def question_text(tree: Tree, walk: Walk, question: Question) -> str:
    return walk.fill(question.text)


def button_label(walk: Walk, label: str) -> str:
    return walk.fill(label) if "{svar:" in label else label


def summary_text(tree: Tree, walk: Walk) -> str:
    """The answers on the path so far, one line each."""
    if not walk.steps:
        return "Du har inte svarat på några frågor ännu."
    lines = ["Dina svar hittills:"]
    for number, step in enumerate(walk.steps, start=1):
        lines.append(f"{number}. {sentence_case(step.question.short)}: {walk.fill(step.option.label)}")
    return "\n".join(lines)


def result_text(tree: Tree, walk: Walk) -> str:
    """The result message: verdict, reasons, conditions, route, alternative, citations, next steps."""
    outcome = walk.outcome
    if outcome is None:
        raise ValueError("result_text needs a finished walk")
    index = tree.index
    parts = [f"Bedömning: {VERDICT_NAMES[outcome.verdict]}. {walk.fill(outcome.title)}."]
    parts.append(_statement_block("Skäl:", walk, index, outcome.reasons))
    if outcome.conditions:
        parts.append(_statement_block("Villkor:", walk, index, outcome.conditions))
    if outcome.route:
        parts.append(f"Så går finansieringen: {walk.fill(outcome.route)}")
    if outcome.alternative:
        parts.append(f"Det här kan förbundet göra i stället: {walk.fill(outcome.alternative)}")
    if outcome.next_steps:
        steps = "\n".join(f"- {walk.fill(step)}" for step in outcome.next_steps)
        parts.append(f"Nästa steg:\n{steps}")
    parts.append("Det här är ett stöd inför ett beslut, inte ett beslut.")
    return "\n\n".join(parts)


# Shown after a statement that is our reading of the guidance rather than what it says.
READING_NOTE = "Det här är en tolkning: vägledningen säger det inte uttryckligen."


def _statement_block(heading: str, walk: Walk, index: GuidanceIndex, statements: tuple[Statement, ...]) -> str:
    lines = [heading]
    for number, statement in enumerate(statements, start=1):
        line = f"{number}. {walk.fill(statement.text)} ({cites_text(index, walk.cites_of(statement))})"
        lines.append(f"{line} {READING_NOTE}" if statement.reading else line)
    return "\n".join(lines)


def all_cites(walk: Walk) -> tuple[Citation, ...]:
    """Every place the result rests on: the path's and the outcome's, without repeats."""
    found: list[Citation] = [cite for step in walk.steps for cite in step.cites]
    outcome = walk.outcome
    if outcome is not None:
        found += outcome.cites
        found += [cite for s in (*outcome.reasons, *outcome.conditions) for cite in walk.cites_of(s)]
    return tuple(dict.fromkeys(found))


def result_payload(tree: Tree, walk: Walk) -> dict[str, Any]:
    """The integration contract: a JSON-ready description of the result (see README)."""
    outcome = walk.outcome
    if outcome is None:
        raise ValueError("result_payload needs a finished walk")
    index = tree.index

    def statements(items: tuple[Statement, ...]) -> list[dict[str, Any]]:
        return [
            {
                "text": walk.fill(s.text),
                "reading": s.reading,
                "cites": [_cite_payload(index, c) for c in walk.cites_of(s)],
            }
            for s in items
        ]

    return {
        "type": "assessment_result",
        "verdict": outcome.verdict,
        "verdict_text": VERDICT_NAMES[outcome.verdict],
        "outcome_id": outcome.id,
        "title": walk.fill(outcome.title),
        "reasons": statements(outcome.reasons),
        "conditions": statements(outcome.conditions),
        "route": walk.fill(outcome.route) if outcome.route else None,
        "alternative": walk.fill(outcome.alternative) if outcome.alternative else None,
        "next_steps": [walk.fill(step) for step in outcome.next_steps],
        "answers": dict(walk.used),
        "path": [
            {
                "question_id": step.question.id,
                "question": walk.fill(step.question.text),
                "answer_id": step.option.id,
                "answer": walk.fill(step.option.label),
                "cites": [_cite_payload(index, c) for c in step.cites],
            }
            for step in walk.steps
        ],
        "cites": [_cite_payload(index, c) for c in all_cites(walk)],
        "tree_version": tree.version,
    }


def _cite_payload(index: GuidanceIndex, cite: Citation) -> dict[str, str]:
    return {"key": cite.key, "text": cite_text(index, cite)}

"""Övningsläge, turn by turn: present a case, take the trainee's verdict, give
cited feedback, and at the end the score and the topics to read again.

The round lives in `State.training`:
    {"cases": [...ids], "position": i, "correct": n, "judged": n,
     "missed": [...ids], "awaiting": bool, "label": "grund" | "omgång 42" | None}
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from asf import messages
from asf.guidance import explain, swedish
from asf.guidance.engine import walk
from asf.guidance.loader import default_tree
from asf.guidance.model import VERDICT_NAMES, VERDICT_SENTENCES, VERDICTS, Verdict, listing, sentence_case
from asf.guidance.understanding import normalise
from asf.training.cases import Case, default_cases
from asf.turns import Message, Reply, State, Turn, button

VERDICT_BUTTONS = tuple(
    button(sentence_case(VERDICT_NAMES[v]), "/judge" + json.dumps({"verdict": v})) for v in VERDICTS
)


def case_controls() -> tuple[dict[str, str], ...]:
    """The buttons under an open case, after the four verdicts."""
    return (
        button(messages.text("training_buttons.why"), "/ask_why"),
        button(messages.text("training_buttons.skip"), "/skip_case"),
        button(messages.text("training_buttons.stop"), "/stop_training"),
    )


def after_feedback() -> tuple[dict[str, str], ...]:
    return (
        button(messages.text("training_buttons.next"), "/skip_case"),
        button(messages.text("training_buttons.why"), "/ask_why"),
        button(messages.text("training_buttons.stop"), "/stop_training"),
    )


def _offer_training() -> tuple[dict[str, str], ...]:
    return (button(messages.text("buttons.training"), "/start_training"),)


# Free-text verdicts, most specific first ("kan finansieras på villkor" also contains "kan finansieras").
# In this order: "kan inte finansieras" is a "bör inte", "kan finansieras på villkor" a "på villkor".
# Phrases may have words between their parts ("det kan nog finansieras", trial 10); see swedish.find.
_VERDICT_WORDS: tuple[tuple[Verdict, tuple[str, ...]], ...] = (
    # "ja om pengarna går via FK" (trial 12) is a yes on a condition.
    (
        "conditional",
        ("villkor", "villkorat", "förutsättning", "förutsatt att", "=ja ~ om", "bara om", "så länge", "kan ~ om"),
    ),
    (
        "out_of_scope",
        # "… så den täcks väl inte?" (trial 74) with a word between.
        (
            "täcks inte",
            "täcks ~ inte",
            "täcker inte",
            "utanför vägledningen",
            "vägledningen säger inget",
            "inte täckt",
            "inte med i",
        ),
    ),
    (
        "not_financeable",
        (
            "bör ~ inte",
            "inte ~ finansieras",
            "inte ~ finansiera",
            "får ~ inte",
            "=nej",
            "inte okej",
            "inte ~ tillåtet",
            "=ej",
            "går ~ inte",
            "ska ~ inte",
        ),
    ),
    (
        "financeable",
        (
            "kan ~ finansieras",
            "kan ~ finansiera",
            "=ja",
            "tillåtet",
            "okej",
            "går bra",
            "får ~ finansieras",
            "går att finansiera",
            "finansierbar",
        ),
    ),
)


def active(state: State) -> bool:
    return state.training is not None


def awaiting_verdict(state: State) -> bool:
    return state.training is not None and bool(state.training.get("awaiting"))


def parse_verdict(message: Message) -> Verdict | None:
    chosen = message.entity("verdict")
    if chosen in VERDICTS:
        return chosen
    words = swedish.tokens(message.text)
    for verdict, phrases in _VERDICT_WORDS:
        # A denied phrase says the opposite ("inte ok" is no "okej"); the denials are listed before it.
        if any(not mention.negated for phrase in phrases for mention in swedish.find(phrase, words)):
            return verdict
    return None


def start(state: State, message: Message) -> Turn:
    """Start a round: a named set ("övning grund") in fixed order, a seed ("övning 42"), or five random cases."""
    book = default_cases()
    words = normalise(message.text).split()
    # Set names are Swedish words ("fördjupning"); typed without å/ä/ö they are the same set.
    known = {normalise(name): name for name in book.sets}
    asked = message.entity("training_set")
    set_name = known.get(normalise(asked)) if asked else next((known[w] for w in words if w in known), None)
    if asked and set_name is None:
        names = listing(sorted(book.sets), last="eller")
        return [Reply(text=messages.text("training.unknown_set", set_name=asked, names=names))], state
    seed_text = message.entity("seed") or next((w for w in words if w.isdigit()), None)
    seed = int(seed_text) if seed_text is not None else None
    cases = book.round(set_name, seed)
    label = set_name or (messages.text("training.numbered_round", number=seed) if seed is not None else None)
    training: dict[str, Any] = {
        "cases": cases,
        "position": 0,
        "correct": 0,
        "judged": 0,
        "missed": [],
        "awaiting": True,
        "label": label,
    }
    mode = messages.text("training.mode_named", label=label) if label else messages.text("training.mode")
    intro = messages.text("training.intro", mode=mode, count=len(cases))
    new_state = replace(state, training=training, current_question=None, pending=None, misunderstood=0)
    return [Reply(text=intro), _present(book.cases[cases[0]], 1, len(cases))], new_state


def _present(case: Case, number: int, total: int) -> Reply:
    text = messages.text("training.case", number=number, total=total, title=case.title, story=case.story)
    return Reply(text=text, buttons=VERDICT_BUTTONS + case_controls())


def _current_case(training: dict[str, Any]) -> Case:
    return default_cases().cases[training["cases"][training["position"]]]


def judge(state: State, message: Message) -> Turn:
    training = state.training
    if training is not None and not training.get("awaiting"):
        # After the feedback, before the next case: no "Vill du öva?" to someone practising (trial 75).
        return [Reply(text=messages.text("fallback.training_after_feedback"), buttons=after_feedback())], state
    if training is None:
        return [Reply(text=messages.text("training.offer"), buttons=_offer_training())], state
    verdict = parse_verdict(message)
    case = _current_case(training)
    if verdict is None:
        return [Reply(text=messages.text("training.choose_verdict"), buttons=VERDICT_BUTTONS + case_controls())], state
    right = verdict == case.verdict
    result = walk(default_tree(), case.answers)
    assert result.outcome is not None  # guaranteed by case validation
    almost = verdict == "financeable" and case.verdict == "conditional"
    lines = [
        messages.text("training.right", verdict=VERDICT_SENTENCES[case.verdict])
        if right
        else messages.text("training.almost_conditional")
        if almost
        else messages.text("training.wrong", verdict=VERDICT_SENTENCES[case.verdict]),
        messages.text("training.reasoning", title=result.outcome.title),
        *[f"- {result.fill(step.question.text)} → {result.fill(step.option.label)}" for step in result.steps],
        # Trial 10 (t10-7): "på villkor" was the answer, but no condition was shown anywhere.
        *([messages.text("training.conditions")] if result.outcome.conditions else []),
        *[f"- {result.fill(condition.text)}" for condition in result.outcome.conditions],
        *(
            [messages.text("training.reading")]
            if any(s.reading for s in (*result.outcome.reasons, *result.outcome.conditions))
            else []
        ),
        messages.text("training.grounds", cites=explain.cites_text(default_tree().index, result.outcome.cites)),
        # The case's usual misunderstanding is about whether it may be financed at all, not about the conditions.
        *([] if almost else [messages.text("training.misunderstanding", misunderstanding=case.misunderstanding)]),
    ]
    training = {
        **training,
        "awaiting": False,
        "judged": training["judged"] + 1,
        "correct": training["correct"] + (1 if right else 0),
        "missed": training["missed"] + ([] if right else [case.id]),
    }
    return [Reply(text="\n".join(lines), buttons=after_feedback())], replace(state, training=training, misunderstood=0)


def next_case(state: State) -> Turn:
    """Skip the open case, or go on after feedback; after the last case, the score."""
    training = state.training
    if training is None:
        return [Reply(text=messages.text("training.not_active"), buttons=_offer_training())], state
    position = training["position"] + 1
    if position >= len(training["cases"]):
        return stop(state)
    training = {**training, "position": position, "awaiting": True}
    case = _current_case(training)
    return [_present(case, position + 1, len(training["cases"]))], replace(state, training=training)


def stop(state: State) -> Turn:
    training = state.training
    if training is None:
        return [Reply(text=messages.text("training.not_active"))], state
    book = default_cases()
    judged, correct = training["judged"], training["correct"]
    text = messages.text("training.score", judged=judged, correct=correct)
    if training["missed"]:
        topics = dict.fromkeys(book.cases[case_id].topic for case_id in training["missed"])
        cites = dict.fromkeys(cite for case_id in training["missed"] for cite in _outcome_cites(book.cases[case_id]))
        text += "\n\n" + messages.text("training.read_again", topics="\n".join(f"- {topic}" for topic in topics))
        text += "\n\n" + messages.text("training.in_guidance", cites="; ".join(cites))
    elif judged:
        text += " " + messages.text("training.well_done")
    buttons = (
        button(messages.text("training_buttons.again"), "/start_training"),
        button(messages.text("training_buttons.assess_own"), "/start_assessment"),
    )
    return [Reply(text=text, buttons=buttons)], replace(state, training=None)


def _outcome_cites(case: Case) -> list[str]:
    tree = default_tree()
    result = walk(tree, case.answers)
    assert result.outcome is not None
    return [explain.cite_text(tree.index, cite) for cite in result.outcome.cites]


def why(state: State) -> Turn:
    """While judging: a hint; after feedback: the path with its citations."""
    training = state.training
    assert training is not None
    case = _current_case(training)
    tree = default_tree()
    result = walk(tree, case.answers)
    if training.get("awaiting"):
        questions = "\n".join(f"- {result.fill(step.question.text)}" for step in result.steps)
        text = messages.text("training.hint", questions=questions)
        return [Reply(text=text, buttons=VERDICT_BUTTONS + case_controls())], state
    lines = [messages.text("training.path")]
    for step in result.steps:
        lines.append(f"- {result.fill(step.option.label)} ({explain.cites_text(tree.index, step.cites)})")
    return [Reply(text="\n".join(lines), buttons=after_feedback())], state

"""What the assistant understood from a description: the summary with the user's
own words as evidence, and correcting it one line at a time.

The summary shows each fact read from the description beside the words that
support it, and names any question where the text points two ways (that one is
asked). "Nej" does not throw the summary away: the user picks the wrong line,
that question is asked again and the other facts are kept; or writes what is missing,
and the summary is shown again with it added.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import NamedTuple

from asf import messages
from asf.guidance import model, numbered_parts, swedish
from asf.guidance.engine import AnswerError, walk
from asf.guidance.model import Question, Tree, sentence_case
from asf.guidance.understanding import (
    Fact,
    Reading,
    kept_beside,
    must_not_options,
    one_route_holds,
    read_answer,
    read_description,
    settled_by_the_addition,
)
from asf.turns import Reply, State, button


def answer_text(tree: Tree, answers: Mapping[str, str], question_id: str) -> str:
    """An answer as it reads in the summary, with {svar:…} filled from the other answers read
    (the summary's facts need not form a whole path yet); one not read yet is named in general words."""
    option = tree.questions[question_id].option(answers[question_id])
    assert option is not None

    def filled(match: re.Match[str]) -> str:
        other = tree.questions.get(match.group(1))
        chosen = other.option(answers.get(match.group(1), "")) if other is not None else None
        if chosen is None:
            return messages.text("describe.unknown_answer")
        return chosen.in_text or chosen.label

    return sentence_case(model.ANSWER_PLACEHOLDER.sub(filled, option.label))


def fact_lines(
    tree: Tree, answers: Mapping[str, str], evidence: Mapping[str, str], implied: Collection[str] = ()
) -> list[str]:
    """One line per fact, in the order the tree asks them; an implied one says it is drawn from the words."""
    return [_fact_line(tree, answers, evidence.get(q, ""), q, q in implied) for q in tree.questions if q in answers]


def _fact_line(tree: Tree, answers: Mapping[str, str], evidence: str, question_id: str, implied: bool) -> str:
    question = sentence_case(tree.questions[question_id].short)
    answer = answer_text(tree, answers, question_id)
    if implied:
        return messages.text("describe.implied_line", question=question, answer=answer, evidence=model.quoted(evidence))
    return messages.text("describe.line", question=question, answer=answer, evidence=model.quoted(evidence))


def conflict_text(tree: Tree, question_id: str, facts: tuple[Fact, ...]) -> str:
    """Why a question is asked although the description touches it. Where the quotes are the same words (one
    inside the other), the longest is quoted once with the answers it may mean: "du skrev ”… bidrag … för deras
    nya lokal” och ”… för deras nya lokal”" named no difference (trial 23, t23-2)."""
    question = tree.questions[question_id]
    bare = [fact.evidence.strip("…") for fact in facts]
    longest = max(range(len(facts)), key=lambda i: len(bare[i]))
    if len(facts) > 1 and all(quote in bare[longest] for quote in bare):
        answers = (option.label for fact in facts if (option := question.option(fact.option)) is not None)
        return messages.text(
            "describe.conflict_one_quote",
            question=question.short,
            quote=model.quoted(facts[longest].evidence),
            answers=model.listing((f"”{answer}”" for answer in answers), last="eller"),
        )
    # Two answers may rest on the same words ("Förbundet beställer en kartläggning" for the parties or for anyone).
    quotes = model.listing(dict.fromkeys(model.quoted(fact.evidence) for fact in facts))
    return messages.text("describe.conflict", question=question.short, quotes=quotes)


# The questions about what is to be done: two answers named together there are two initiatives
# ("en policy … och samtidigt ett studiebesök"), not one initiative with two audiences.
WHAT_IS_DONE = frozenset({"strukturell_typ", "insats_typ", "stod_till_foretag", "asf_personal_stod"})


# Answers that, named together, are still one initiative: a handledare supports participants in work
# training ("en arbetsspecialist som stöttar deltagarna i arbetsträningen", trial 12); which of the two
# it is stays asked. Likewise a coordinator who also holds an inspiration day ("en samordnare som ska sprida kunskap
# … och ordna en inspirationsdag", trial 38, t38-5 was told it described more than one thing).
_ONE_INITIATIVE = frozenset({frozenset({"handledare", "arbetsforberedande"}), frozenset({"samordnare", "evenemang"})})


def several_question(tree: Tree, reading: Reading) -> str | None:
    """The question about what is done for which the description names two things together. Not when the
    question is off the route of the summary's lines and both are the words of a line read again: "en
    utbildning i affärsutveckling och marknadsföring för dom som jobbar på ett ASF" is the staff's training,
    which the company's route reads as two things (trial 22, t22-7 quoted the same words twice)."""
    lines = {q: fact.option for q, fact in reading.facts.items()}
    quotes = [fact.evidence for fact in reading.facts.values()]

    def read_again(q: str, facts: tuple[Fact, ...]) -> bool:
        off_the_route = not any(one_route_holds(tree, {**lines, q: fact.option}) for fact in facts)
        return off_the_route and all(_same_words(fact.evidence, quotes) for fact in facts)

    return next(
        (
            q
            for q, facts in reading.together.items()
            if q in WHAT_IS_DONE
            and frozenset(f.option for f in facts) not in _ONE_INITIATIVE
            and not read_again(q, facts)
        ),
        None,
    )


def _same_words(quote: str, others: list[str]) -> bool:
    """Most words of the quote stand in one of the other quotes."""
    words = {t.word for t in swedish.tokens(quote)}
    return any(len(words & {t.word for t in swedish.tokens(other)}) >= _SAME_PLACE * len(words) for other in others)


# The share of its words a quote must have in another to be the same words read again.
_SAME_PLACE = 0.6


def several_text(tree: Tree, reading: Reading) -> str | None:
    """A note that the description seems to hold more than one initiative, which are assessed one
    at a time (trial 8: a policy and a study visit in one message got no word about the second)."""
    question = several_question(tree, reading)
    if question is None:
        return None
    named = reading.together[question]
    quotes = model.listing(model.quoted(fact.evidence) for fact in named)
    return messages.text("describe.several", quotes=quotes)


# Where one part of a sentence ends and the next begins: punctuation, and words that join clauses.
_CLAUSE_MARKS = ",;:()–"
_CLAUSE_WORDS = frozenset({"och", "men", "samt", "utan"})


def own_clause(tree: Tree, fact: Fact) -> str:
    """The part of a fact's evidence that holds the fact's own words, cut at clause boundaries.

    The evidence is the mention with a few words either side; beside a fact set aside, those
    words often belong to the part that was summarised ("…socialt företag, vi ger bidrag till
    företaget"), and the note must quote only the part that is not covered."""
    option = tree.questions[fact.question].option(fact.option)
    evidence = fact.evidence
    words = swedish.tokens(evidence)
    keywords = (option.cues or (option.label, *option.keywords)) if option is not None else ()
    mentions = [m for keyword in keywords for m in swedish.find(keyword, words) if not m.negated]
    if not mentions:
        return evidence
    first = min(mentions, key=lambda m: m.start)
    start = max(
        [i + 1 for i, char in enumerate(evidence[: first.start]) if char in _CLAUSE_MARKS]
        + [t.end for t in words if t.word in _CLAUSE_WORDS and t.end <= first.start],
        default=0,
    )
    end = min(
        [first.end + i for i, char in enumerate(evidence[first.end :]) if char in _CLAUSE_MARKS]
        + [t.start for t in words if t.word in _CLAUSE_WORDS and t.start >= first.end],
        default=len(evidence),
    )
    clause = evidence[start:end].strip()
    if not clause.strip("…"):
        return evidence
    before = "…" if evidence[:start].strip() and not clause.startswith("…") else ""
    after = "…" if evidence[end:].strip() and not clause.endswith("…") else ""
    return f"{before}{clause}{after}"


def distinct_parts(tree: Tree, parts: Mapping[str, Fact]) -> dict[str, Fact]:
    """The parts to name in a note, one per place in the text: "ett startbidrag till företaget"
    sounds like two answers (a grant to the company, money to start a company) but is one part,
    and was named twice in a row."""
    kept: dict[str, Fact] = {}
    seen: list[str] = []
    for question_id, fact in parts.items():
        words = own_clause(tree, fact).strip("…").strip()
        if any(words in other or other in words for other in seen):
            continue
        seen.append(words)
        kept[question_id] = fact
    return kept


# How much of the user's words a button quotes for a part (Teams and Slack cut long button titles).
_PART_IN_BUTTON = 40


def part_name(tree: Tree, question_id: str, option_id: str) -> str:
    """A part of the description named by its answer where that says what is done ("Ge företaget saker eller
    lokaler"), else with its question: "Samordningsförbundet självt" alone, as who would be a member, said
    nothing of a membership (trial 25, t25-22)."""
    answer = answer_text(tree, {question_id: option_id}, question_id)
    if question_id in WHAT_IS_DONE:
        return answer
    return f"{sentence_case(tree.questions[question_id].short)}: {answer}"


def part_button(tree: Tree, fact: Fact) -> dict[str, str]:
    """A button that assesses a part of the description the summary or result left out ("Bedöm i
    stället ”ett bidrag på 80 000 kr…”"): trial 13 users answered the rest and got "kan finansieras"
    for a description whose core was a grant."""
    words = own_clause(tree, fact).strip("…").strip()
    if len(words) > _PART_IN_BUTTON:
        words = words[:_PART_IN_BUTTON].rsplit(" ", 1)[0] + "…"
    payload = "/inform" + json.dumps({"question": fact.question, "choice": fact.option}, separators=(",", ":"))
    return button(messages.text("buttons.assess_part", part=words), payload)


def summary_reply(tree: Tree, reading: Reading) -> Reply:
    answers = {q: f.option for q, f in reading.facts.items()}
    evidence = {q: f.evidence for q, f in reading.facts.items()}
    parts = ["\n".join(fact_lines(tree, answers, evidence, reading.implied))]
    # The note on several initiatives names the question's two quotes already (dialogue.describe).
    several = several_question(tree, reading)
    parts += [conflict_text(tree, q, facts) for q, facts in reading.conflicts.items() if q != several]
    parts += [
        messages.text(
            "describe.set_aside",
            evidence=model.quoted(own_clause(tree, fact)),
            option=part_name(tree, q, fact.option),
        )
        for q, fact in distinct_parts(tree, reading.set_aside).items()
    ]
    text = messages.text("describe.understood", lines="\n\n".join(parts))
    yes, no = confirm_buttons()
    parts_to_assess = (part_button(tree, fact) for fact in distinct_parts(tree, reading.set_aside).values())
    return Reply(text=text, buttons=(yes, *parts_to_assess, no))


def confirm_buttons() -> tuple[dict[str, str], dict[str, str]]:
    """ "Ja, det stämmer" and "Nej, något stämmer inte" under a summary."""
    return button(messages.text("buttons.confirm_yes"), "/affirm"), button(messages.text("buttons.confirm_no"), "/deny")


def which_line(tree: Tree, state: State, prefix: str | None = None) -> Reply:
    """After "Nej": a button per line of the summary, so only the wrong one is asked again, and
    "Något saknas" for a fact the summary lacks."""
    pending = state.pending or {}
    buttons = tuple(
        button(
            f"{sentence_case(tree.questions[q].short)}: {answer_text(tree, pending, q)}",
            "/change_answer" + json.dumps({"question": q}, separators=(",", ":")),
        )
        for q in tree.questions
        if q in pending
    )
    missing = button(
        messages.text("buttons.missing"), "/change_answer" + json.dumps({"question": MISSING}, separators=(",", ":"))
    )
    extra = (button(messages.text("buttons.lines_right"), "/affirm"),) if prefix else ()
    text = messages.text("describe.which_line")
    return Reply(
        text=f"{prefix} {text}" if prefix else text,
        buttons=(*buttons, missing, *extra, button(messages.text("buttons.none_right"), "/start_over")),
    )


# The "Något saknas" button's value for `question`: no question has this id, it asks for the missing fact.
MISSING = "saknas"


# What opens a message about a missing line ("nej, du missade att coachen anställs av förbundet"): it
# says nothing about the initiative, and the learned reader, which has no such openings, doubted the rest.
_MISSED = re.compile(
    r"^\W*(?:nej\W+)?(?:du\s+(?:har\s+)?(?:missade|missat|glömde|glömt)|det\s+saknas|något\s+saknas)(?:\s+att)?\W*",
    re.IGNORECASE,
)


def with_addition(tree: Tree, state: State, addition: str, adds_to_a_yes: bool = False) -> tuple[Reply, State] | None:
    """The summary again with the facts that `addition` (written after "Nej", or after "ja, och …" when
    `adds_to_a_yes`) adds, or None if it adds none.

    The addition is read together with the description, so a fact in it is placed on the same route
    ("kommunen upphandlar" after a description of work training); the lines already in the summary
    are kept as they were (a line is changed with its own button), only questions not in it are added."""
    pending = state.pending or {}
    addition = _MISSED.sub("", addition)
    description = f"{state.description}\n{addition}" if state.description else addition
    whole = read_description(tree, words_read(description))
    # What the addition says alone settles a question the whole leaves between two of its answers.
    alone = read_description(tree, words_read(addition))
    reading = settled_by_the_addition(tree, whole, alone, WHAT_IS_DONE)
    added = {q: fact for q, fact in reading.facts.items() if q not in pending}
    # What the addition alone says on a question the whole reads nothing about: "det saknas en sak: det är en
    # KBT-grupp som regionen håller i" beside staff who are themselves participants gave no line (trial 59, t59-4).
    if not adds_to_a_yes:  # "ja, och kommunen betalar" names a payer, not the one procuring (review of session 29)
        added.update(
            {
                q: fact
                for q, fact in alone.facts.items()
                if q not in pending
                and q not in reading.facts
                and q not in reading.conflicts
                and q not in alone.implied
                and _read_as_an_answer(tree, q, addition) == fact.option
                # ... and a party only beside what it does: "deltagarna är inskrivna på AF" names where they are
                # registered, not who procures (review of session 39)
                and (q != _WHO_CARRIES_IT_OUT or _A_PARTY_DOING.search(swedish.fold(addition)) is not None)
            }
        )
    # Only lines a route holds beside the summary's: "ja, och deltagarna får också en handledare från kommunen" beside
    # work training added where a handledare is employed, a question of another route (trial 38, t38-1).
    kept = kept_beside(tree, pending, {q: fact.option for q, fact in added.items()})
    added = {q: fact for q, fact in added.items() if kept.get(q) == fact.option}
    if not reading.set_aside:
        known = {**pending, **{q: fact.option for q, fact in added.items()}}
        added.update(_answer_to_the_open_question(tree, known, addition, past_yes_or_no=adds_to_a_yes))
    if not added and not _new_parts_set_aside(tree, state.description, reading):
        return None
    return _summary_with(tree, replace(state, description=description), added, reading.set_aside)


_WHO_CARRIES_IT_OUT = "utforare"
# What a party does when it carries out or procures an initiative, folded: "regionen håller i", "kommunen anordnar".
_A_PARTY_DOING = re.compile(
    r"\b(?:haller i|anordna\w*|ansvara\w*|driv\w*|ordna\w*|upphandl\w*|kop(?:a|er|t)\b|star for|bedriv\w*|leder)"
)


def _read_as_an_answer(tree: Tree, question_id: str, text: str) -> str | None:
    """The option `text` gives as a typed answer to the question, if it gives one clearly."""
    question = tree.questions[question_id]
    option = read_answer(question, text, stops=must_not_options(tree, question)).option
    return option.id if option is not None else None


def _answer_to_the_open_question(
    tree: Tree, pending: Mapping[str, str], text: str, past_yes_or_no: bool
) -> dict[str, Fact]:
    """What is written after "Nej" or "Något saknas", read as a typed answer to the first question the
    summary leaves open: a short phrase ("öppen för allmänheten", "anställda på de sociala företagen")
    has none of the cues a description is read by, and got "Jag kunde inte läsa ut något nytt" (trial 19,
    t19-20 and t19-9). It is read as an open question reads a typed answer, and only a clear one is
    added: the user sees it in the summary again before anything is recorded."""
    question, past = _first_open_question(tree, pending, past_yes_or_no)
    if question is None or (past and not _speaks_to(question, text)):
        # Past a yes-or-no question only an addition about the question itself answers it: "ja, och kooperativet
        # heter Sköljet" names the company, not where the handledare is employed (review of session 29).
        return {}
    option_id = _read_as_an_answer(tree, question.id, text)
    if option_id is None:
        return {}
    return {question.id: Fact(question.id, option_id, text.strip())}


def _first_open_question(tree: Tree, pending: Mapping[str, str], past_yes_or_no: bool) -> tuple[Question | None, bool]:
    """The first question the summary leaves open, None if it is a yes-or-no question: the "ja" or "nej" in "ja,
    men glöm inte …" is about the summary. With `past_yes_or_no`, the first after such questions: "ja, och
    arbetsledaren är anställd på företaget" beside a handledare answers where the handledare is employed, the
    question after Finsam's target group (trial 39, t39-9 was asked it again); not after "Nej", where "oj, jag
    ångrar mig, det stämmer ju" answers nothing. And whether it lies past a yes-or-no question."""
    answers = dict(pending)
    for _ in tree.questions:
        try:
            question = walk(tree, answers).question
        except AnswerError:
            return None, False
        yes = next((option for option in question.options if option.means == "ja"), None) if question else None
        if question is None or not any(option.means for option in question.options):
            return question, answers != pending
        if yes is None or not past_yes_or_no:
            return None, False
        answers[question.id] = yes.id  # only to find the question after it; nothing is recorded for it
    return None, False


# Words of a question that say nothing of what it asks, folded.
_QUESTION_FILLER = frozenset({"vilken", "vilket", "vilka", "insatsen", "deltagarna", "foretaget", "forbundets"})


def _speaks_to(question: Question, text: str) -> bool:
    """The text has a word of the question itself: "anställd" with "Var är handledaren anställd?"; not "anställda"
    ("kooperativet har fem anställda", second review of session 29)."""
    asked = {t.word for t in swedish.tokens(question.text) if len(t.word) >= 5 and t.word not in _QUESTION_FILLER}
    return any(t.word in asked for t in swedish.tokens(text))


def _new_parts_set_aside(tree: Tree, description: str | None, reading: Reading) -> bool:
    """The addition names a part that would lead to "bör inte finansieras" on its own and that the
    summary leaves out ("ja, men företaget ska också få ett driftsbidrag"): shown, never dropped."""
    before = read_description(tree, words_read(description)).set_aside if description else {}
    return any(before.get(q) != fact for q, fact in reading.set_aside.items())


def with_changed_lines(
    tree: Tree, state: State, changes: Mapping[str, str], text: str, quotes: Mapping[str, str] | None = None
) -> tuple[Reply, State]:
    """The summary again with the lines `changes` gives new answers, `text` (the user's words) or the words
    `quotes` gives for a line as their evidence; the other lines are kept where one route holds them beside the
    new ones (trial 12: "Vem: Deltagare" beside "Vad förbundet skulle göra för företaget" after "deltagarna
    bildar föreningen")."""
    pending = state.pending or {}
    kept = _reached_for_the_new_people(tree, kept_beside(tree, changes, pending), changes, pending)
    evidence = state.evidence or {}
    state = replace(
        state,
        pending={q: o for q, o in pending.items() if q in kept},
        evidence={q: e for q, e in evidence.items() if q in kept},
    )
    dropped = [tree.questions[q].short for q in pending if q not in kept and q not in changes]
    new = {q: Fact(q, option, (quotes or {}).get(q, text)) for q, option in changes.items()}
    # A kept line whose words name a changed answer ("Via {svar:utforare}") rests on the correction too: its
    # old quote ("… betalar via kommunen") would contradict the line "Via regionen" it stands under.
    new |= {
        q: Fact(q, option, text)
        for q, option in kept.items()
        if q not in changes and _names_the_answer_to(tree, q, option, changes)
    }
    reply, changed = _summary_with(tree, state, new)
    if not dropped:
        return reply, changed
    # "konsulten ska vara ett av de sociala företagen" made it a company's initiative: the lines that no
    # longer fit are named, not dropped silently (trial 22, t22-11).
    lines = model.listing(dropped)
    if len(dropped) == 1:
        note = messages.text("describe.line_dropped", lines=lines)
    else:
        note = messages.text("describe.lines_dropped", lines=lines)
    return replace(reply, text=f"{note}\n\n{reply.text}"), changed


def _reached_for_the_new_people(
    tree: Tree, kept: Mapping[str, str], changes: Mapping[str, str], pending: Mapping[str, str]
) -> dict[str, str]:
    """Once a correction changes whom the initiative is for, only the lines its answers reach: "Vad deltagarna ska
    få: En handledare" beside the company's staff holds on a route only where the staff are themselves participants,
    an answer nobody gave, and read as a contradiction (trial 60, t60-4)."""
    new_start = changes.get(tree.start)
    if new_start is None or pending.get(tree.start) in (None, new_start):
        return dict(kept)
    try:
        reached = {step.question.id for step in walk(tree, kept).steps}
    except AnswerError:
        return dict(kept)
    return {q: option for q, option in kept.items() if q in changes or q in reached}


def _names_the_answer_to(tree: Tree, question_id: str, option_id: str, questions: Collection[str]) -> bool:
    """The option's label has a placeholder for the answer to one of `questions` ("Via {svar:utforare}")."""
    option = tree.questions[question_id].option(option_id)
    label = option.label if option is not None else ""
    return any(match.group(1) in questions for match in model.ANSWER_PLACEHOLDER.finditer(label))


def _summary_with(
    tree: Tree, state: State, new: Mapping[str, Fact], set_aside: Mapping[str, Fact] | None = None
) -> tuple[Reply, State]:
    """The pending summary with `new` facts put in or in place of its lines, in the tree's order, shown again,
    with the parts of the description it leaves out (`set_aside`) named."""
    evidence = state.evidence or {}
    facts = {q: Fact(q, option, evidence.get(q, "")) for q, option in (state.pending or {}).items()}
    facts.update(new)
    ordered = {q: facts[q] for q in tree.questions if q in facts}
    new_state = replace(
        state,
        pending={q: f.option for q, f in ordered.items()},
        evidence={q: f.evidence for q, f in ordered.items()},
        correcting=False,
    )
    return summary_reply(tree, Reading(ordered, set_aside=set_aside or {})), new_state


def pending_summary(tree: Tree, state: State) -> Reply:
    """The summary that waits for "Ja" or "Nej", shown again as it is."""
    return _summary_with(tree, state, {})[0]


def without(state: State, question_id: str) -> tuple[State, dict[str, str]]:
    """The state and answers once one line of the summary is rejected: the other facts are kept."""
    kept = {q: o for q, o in (state.pending or {}).items() if q != question_id}
    evidence = {q: e for q, e in (state.evidence or {}).items() if q != question_id}
    return replace(state, pending=None, evidence=evidence or None, correcting=False), kept


def words_read(description: str) -> str:
    """The words an assessment is about: the part of a numbered description its note names, with what was
    written after the note (an addition, a correction), or all of it. The memo shows the whole description and
    the note; the other parts are asked for later."""
    split = split_description(description)
    if split is None:
        return description
    return "\n".join([split.parts[split.number - 1], *split.after])


class NumberedSplit(NamedTuple):
    """A description split into numbered parts, with a note saying which part is assessed."""

    whole: str  # the description as written, before the note
    parts: list[str]  # its numbered parts, without their numbers
    number: int  # the part assessed, counted from 1
    after: list[str]  # lines written after the note: an addition, a correction


def split_description(description: str) -> NumberedSplit | None:
    """The description split into numbered parts, when a line of it is the note saying which is assessed."""
    lines = description.split("\n")
    for index, line in enumerate(lines):
        whole = "\n".join(lines[:index])
        parts = numbered_parts.numbered_parts(whole)
        for number, part in enumerate(parts, start=1):
            if line == numbered_part_note(number, part):
                return NumberedSplit(whole, parts, number, lines[index + 1 :])
    return None


def numbered_part_note(number: int, part: str) -> str:
    return messages.text("change.numbered_part_note", number=number, evidence=model.quoted(part))

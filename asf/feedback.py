"""The feedback question after a result: "Hade du nytta av bedömningen?" Ja / Nej, and an
optional short comment.

It never interrupts. The question is one more reply after the result; a user who ignores it
goes on as usual. What the user said lives in `State.feedback` (the `feedback` slot), which the
statistics (asf/statistics/) read back from the tracker store:

    {"result": id, "outcome": outcome id, "verdict": verdict,
     "status": "asked" | "answered" | "commented" | "passed",
     "answer": "ja" | "nej" | None, "comment": masked text | None}

"asked" and "answered" last one turn: right after the question a typed "ja" or "nej" is the
answer, and right after Ja/Nej a typed message that is not a request is the comment (the NLU's
request intents count only for a message that reads as a request, see `reads_as_request`); a
typed correction of one of the result's answers, or a request for the memo, is neither (see
`around` and asf/routing.py). Any other turn sets "passed", so a later "ja" or description is
handled as usual.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from asf import messages, other_questions
from asf.guidance import swedish
from asf.privacy import mask
from asf.turns import Message, Reply, State, Turn, button

ANSWERS = ("ja", "nej")
COMMENT_MAX_CHARS = 500  # enough for "what was missing"; a longer text is cut, not refused
# Requests that a typed message right after Ja/Nej is taken for rather than a comment: going on, starting
# over, asking for a person. Anything else is the comment, whatever the NLU makes of it: comments are
# short, free and unlike the training data ("bra men för kort" reads as a question about a concept).
REQUEST_INTENTS = frozenset(
    {
        "start_assessment",
        "start_over",
        "start_training",
        "request_memo",
        "show_summary",
        "show_result",
        "ask_why",
        "ask_help",
        "go_back",
        "change_answer",
        "human_handoff",
        "greet",
    }
)
# Not requests here: judging a case, skipping one or stopping training only mean something in training,
# and a comment is never taken during training. "Det borde stå ska inte, inte bör inte" reads as a judgement.
OPEN = ("asked", "answered")  # the statuses that last only one turn
# A request intent counts only for a message that reads as a request: a comment such as "Handläggaren
# tyckte att svaret var för långt" was read as "prata med en person", "svaret var för långt och upprepade
# samma hänvisning" as "start training". Requests are short, questions, or begin as one ("jag vill …").
SHORT_REQUEST_WORDS = 3  # "ny bedömning", "visa sammanfattningen", "promemoria tack"
_REQUEST_STARTS = (
    *("jag vill", "jag behover", "jag skulle vilja", "vill", "ge mig", "visa", "skriv", "gor", "ta fram"),
    *("ny", "nytt", "borja", "starta", "varfor", "tillbaka", "avsluta", "prata"),
    *("kan jag fa", "kan vi fa", "far jag", "far vi", "kan du ge", "kan ni ge"),
)


def payload(choice: str) -> str:
    return "/feedback" + json.dumps({"choice": choice}, separators=(",", ":"))


def question() -> Reply:
    buttons = (
        button(messages.text("buttons.feedback_yes"), payload("ja")),
        button(messages.text("buttons.feedback_no"), payload("nej")),
    )
    return Reply(text=messages.text("feedback.question"), buttons=buttons)


def offered(result: dict[str, Any]) -> dict[str, Any]:
    """The feedback slot right after `result` (the result payload) was shown with the question."""
    return {
        "result": result.get("id"),
        "outcome": result.get("outcome_id"),
        "verdict": result.get("verdict"),
        "status": "asked",
        "answer": None,
        "comment": None,
    }


def _assess_button() -> tuple[dict[str, str], ...]:
    return (button(messages.text("buttons.assess"), "/start_assessment"),)


_NEGATION = re.compile(r"\b(?:inte|ingen|inget|ej|nej)\b", re.IGNORECASE)


def _choice(message: Message) -> str | None:
    chosen = message.entity("choice")
    if chosen in ANSWERS:
        return chosen
    if message.intent == "feedback" and message.text:
        # Typed in words ("bedömningen hjälpte inte"): a negation means Nej.
        return "nej" if _NEGATION.search(message.text) else "ja"
    return {"affirm": "ja", "deny": "nej"}.get(message.intent or "")


def answer(state: State, message: Message) -> Turn:
    """Ja or Nej (a button, or typed right after the question): thanks, and room for a comment."""
    choice = _choice(message)
    if state.feedback is None:
        return [Reply(text=messages.text("feedback.no_result"), buttons=_assess_button())], state
    if choice is None:
        return [question()], state
    thanks = messages.text("feedback.thanks_yes") if choice == "ja" else messages.text("feedback.thanks_no")
    new = {**state.feedback, "answer": choice, "status": "answered"}
    return [Reply(text=thanks)], replace(state, feedback=new)


def comment(state: State, message: Message) -> Turn:
    """The optional comment after Ja or Nej: masked again and cut to COMMENT_MAX_CHARS."""
    assert state.feedback is not None
    text = " ".join(mask(message.text).split())
    cut = len(text) > COMMENT_MAX_CHARS
    text = text[:COMMENT_MAX_CHARS]
    reply = messages.text("feedback.comment_cut", limit=COMMENT_MAX_CHARS) if cut else messages.text("feedback.saved")
    new = {**state.feedback, "comment": text, "status": "commented"}
    return [Reply(text=reply, buttons=_assess_button())], replace(state, feedback=new)


# Sighs and fillers before a request, folded: "suck. kan jag få beslutsunderlaget" (trial 61, t61-1 got "Det förstod jag
# inte riktigt").
_FILLERS_FIRST = re.compile(r"^\W*(?:(?:suck|hm+|ok|okej|okey|jaha|aha|tja|nja|puh|pust|ah|eh|assa)\b\W*)+")


def reads_as_request(text: str) -> bool:
    """A short command, a question or a sentence that begins as a request – not a statement."""
    words = swedish.tokens(_FILLERS_FIRST.sub("", swedish.fold(text)))
    if len(words) <= SHORT_REQUEST_WORDS or other_questions.looks_like_a_question(text):
        return True
    start = " ".join(token.word for token in words[:3])
    return any(start == phrase or start.startswith(phrase + " ") for phrase in _REQUEST_STARTS)


def _status(state: State) -> str | None:
    return None if state.feedback is None else state.feedback.get("status")


def comment_asked(state: State) -> bool:
    """Ja or Nej was just given, and the comment asked for."""
    return _status(state) == "answered"


def is_typed_answer(state: State, message: Message) -> bool:
    """A typed "ja" or "nej" right after the question (outside training, no question open)."""
    return (
        _status(state) == "asked"
        and message.typed
        and message.intent in ("affirm", "deny")
        and state.training is None
        and state.current_question is None
        and state.pending is None
    )


def is_comment(state: State, message: Message) -> bool:
    """A typed message right after Ja or Nej that is not a request (masked like every message)."""
    named = message.intent in REQUEST_INTENTS or (message.intent == "ask_concept" and message.entity("concept"))
    request = bool(named) and reads_as_request(message.text)
    return (
        _status(state) == "answered"
        and message.typed
        and not request
        and state.training is None
        and state.current_question is None
    )


def around(
    step: Callable[[State, Message], Turn], unless: Callable[[State, Message], bool] | None = None
) -> Callable[[State, Message], Turn]:
    """`step`, except right after the question or Ja/Nej (see the module's docstring); any
    other turn closes the feedback, so it lasts one turn and never traps a message.

    `unless` names messages that are never feedback: a typed correction of the result
    ("nej, det är regionen som upphandlar") changes the answer rather than being stored."""

    def guarded(state: State, message: Message) -> Turn:
        exempt = unless is not None and _status(state) in OPEN and unless(state, message)
        if not exempt and is_typed_answer(state, message):
            return answer(state, message)
        if not exempt and is_comment(state, message):
            return comment(state, message)
        replies, new_state = step(state, message)
        if new_state.feedback is not None and new_state.feedback == state.feedback and _status(state) in OPEN:
            new_state = replace(new_state, feedback={**new_state.feedback, "status": "passed"})
        return replies, new_state

    return guarded

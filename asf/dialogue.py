"""What the assistant says and how the assessment state changes, turn by turn.

Pure Python over the decision tree: the Rasa actions in actions.py only read
the tracker into a `State`, call one function here and send the replies. That
keeps every behaviour testable without Rasa and the actions thin.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from typing import Any

import yaml

from asf import memo, messages, settings
from asf.guidance import explain
from asf.guidance.engine import AnswerError, Walk, back, reopen, walk
from asf.guidance.loader import default_tree
from asf.guidance.model import Question, Tree, sentence_case
from asf.guidance.understanding import match_option, match_question, understand_description
from asf.privacy import masked_kinds
from asf.training import flow as training
from asf.turns import Message, Reply, State, Turn, button


def _answer_payload(question_id: str, option_id: str) -> str:
    return "/inform" + json.dumps({"question": question_id, "choice": option_id}, separators=(",", ":"))


def privacy_note() -> str:
    return messages.text("start.privacy_note")


def start_buttons() -> tuple[dict[str, str], ...]:
    return (
        button(messages.text("buttons.assess"), "/start_assessment"),
        button(messages.text("buttons.training"), "/start_training"),
        button(messages.text("buttons.help"), "/ask_help"),
    )


def result_buttons() -> tuple[dict[str, str], ...]:
    return (
        button(messages.text("buttons.why"), "/ask_why"),
        button(messages.text("buttons.memo"), "/request_memo"),
        button(messages.text("buttons.summary"), "/show_summary"),
        button(messages.text("buttons.new_assessment"), "/start_assessment"),
        button(messages.text("buttons.handoff"), "/human_handoff"),
    )


def contact() -> str:
    return settings.contact()


def tree() -> Tree:
    return default_tree()


def privacy_notice(message: Message) -> Reply | None:
    """Tells the user that personal data in their message was removed (see asf/privacy.py)."""
    kinds = masked_kinds(message.text)
    if not kinds:
        return None
    names = {
        "personnummer": messages.text("privacy.personnummer"),
        "telefonnummer": messages.text("privacy.telefonnummer"),
        "e-post": messages.text("privacy.email"),
    }
    found = " och ".join(names[kind] for kind in kinds)
    return Reply(text=messages.text("privacy.removed", found=found, privacy_note=privacy_note()))


# --- Asking and concluding -----------------------------------------------


def _ask(current: Walk, question: Question, prefix: str | None = None) -> Reply:
    text = explain.question_text(tree(), current, question)
    buttons = tuple(
        button(explain.button_label(current, option.label), _answer_payload(question.id, option.id))
        for option in question.options
    )
    return Reply(text=f"{prefix}\n\n{text}" if prefix else text, buttons=buttons)


def _continue(state: State, answers: dict[str, str], prefix: str | None = None, answered: str | None = None) -> Turn:
    """Walk with `answers`; ask the next question or give the result.

    `answered` is the question just answered: if answers given earlier to later
    questions still apply, the walk skips them and the user is told so.
    """
    current = walk(tree(), answers)
    if answered is not None and prefix is None:
        path = [step.question.id for step in current.steps]
        if answered in path and path.index(answered) < len(path) - 1:
            prefix = messages.text("assessment.still_valid")
    if current.question is not None:
        new_state = replace(state, answers=answers, current_question=current.question.id, pending=None, misunderstood=0)
        return [_ask(current, current.question, prefix)], new_state
    replies = [Reply(text=prefix)] if prefix else []
    if current.unused:
        dropped = ", ".join(tree().questions[qid].short for qid in current.unused)
        replies.append(Reply(text=messages.text("assessment.dropped", dropped=dropped)))
    payload = {**explain.result_payload(tree(), current), "description": state.description}
    replies.append(Reply(text=explain.result_text(tree(), current), buttons=result_buttons()))
    replies.append(Reply(custom=payload))
    new_state = replace(
        state, answers=dict(current.used), current_question=None, pending=None, last_result=payload, misunderstood=0
    )
    return replies, new_state


def _safe_answers(state: State) -> dict[str, str]:
    """The stored answers if they still fit the tree; otherwise none (the tree may have changed)."""
    try:
        walk(tree(), state.answers)
    except AnswerError:
        return {}
    return dict(state.answers)


# --- Turns ------------------------------------------------------------------


def greet(state: State) -> Turn:
    intro = messages.text("start.intro", privacy_note=privacy_note())
    return [Reply(text=intro, buttons=start_buttons())], replace(state, misunderstood=0)


def start(state: State) -> Turn:
    fresh = replace(state, answers={}, pending=None, training=None, description=None)
    return _continue(fresh, {}, prefix=messages.text("start.hint"))


def restart(state: State) -> Turn:
    fresh = replace(state, answers={}, pending=None, training=None, description=None)
    return _continue(fresh, {}, prefix=messages.text("assessment.restart"))


def describe(state: State, message: Message) -> Turn:
    if training.awaiting_verdict(state):
        return training.judge(state, message)
    if state.current_question is not None:
        # Mid-assessment a longer sentence is an answer to the open question.
        return answer(state, replace(message, intent="inform"))
    understood = understand_description(tree(), message.text)
    state = replace(state, description=message.text)
    if not understood:
        return _continue(state, {}, prefix=messages.text("describe.ask_more"))
    current = walk(tree(), understood)
    lines = [f"- {sentence_case(step.question.short)}: {current.fill(step.option.label)}" for step in current.steps]
    text = messages.text("describe.understood", lines="\n".join(lines))
    buttons = (
        button(messages.text("buttons.confirm_yes"), "/affirm"),
        button(messages.text("buttons.confirm_no"), "/deny"),
    )
    return [Reply(text=text, buttons=buttons)], replace(state, pending=understood, current_question=None)


def answer(state: State, message: Message) -> Turn:
    if training.awaiting_verdict(state):
        return training.judge(state, message)
    if state.pending is not None and message.intent in ("affirm", "deny") and not message.entity("choice"):
        if message.intent == "affirm":
            return _continue(state, dict(state.pending), prefix=messages.text("describe.confirmed"))
        return _continue(
            replace(state, pending=None, description=None),
            {},
            prefix=messages.text("describe.step_by_step", hint=messages.text("start.hint")),
        )
    answers = _safe_answers(state)
    button_question, button_choice = message.entity("question"), message.entity("choice")
    if button_question and button_choice:
        return _answer_button(state, answers, button_question, button_choice)
    current = walk(tree(), answers)
    if current.question is None or state.current_question is None:
        if message.intent == "inform" and message.text and not message.text.startswith("/"):
            return describe(state, message)
        return [Reply(text=messages.text("start.offer"), buttons=start_buttons())], state
    values = [v for name in ("party", "activity") for v in message.entities.get(name, [])]
    yes_no = {"affirm": "ja", "deny": "nej"}.get(message.intent or "")
    option = match_option(current.question, message.text, yes_no=yes_no, entity_values=values)
    if option is None:
        return _misunderstood(state, current, current.question)
    return _continue(state, {**answers, current.question.id: option.id}, answered=current.question.id)


def _answer_button(state: State, answers: dict[str, str], question_id: str, option_id: str) -> Turn:
    question = tree().questions.get(question_id)
    if question is None or question.option(option_id) is None:
        return _reask(state, messages.text("assessment.unknown_answer"))
    current = walk(tree(), answers)
    on_path = {step.question.id for step in current.steps}
    if current.question is not None and current.question.id == question_id:
        return _continue(state, {**answers, question_id: option_id}, answered=question_id)
    if question_id in on_path or (current.question is None and question_id in answers):
        # An earlier question's button: treat it as changing that answer.
        return _continue(state, {**answers, question_id: option_id}, prefix=messages.text("assessment.updated"))
    if not answers and question_id == tree().start:
        return _continue(state, {question_id: option_id})
    return _reask(state, messages.text("assessment.not_current"))


def _misunderstood(state: State, current: Walk, question: Question) -> Turn:
    options = ", ".join(f'"{current.fill(o.label)}"' for o in question.options)
    text = messages.text("assessment.misunderstood", options=options)
    return [_ask(current, question, prefix=text)], replace(state, misunderstood=state.misunderstood + 1)


def _reask(state: State, prefix: str) -> Turn:
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    if state.current_question is not None and current.question is not None:
        return [_ask(current, current.question, prefix=prefix)], replace(state, answers=answers)
    return [Reply(text=prefix, buttons=start_buttons())], state


def why(state: State) -> Turn:
    if training.active(state):
        return training.why(state)
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    if state.current_question is not None and current.question is not None:
        help_reply = Reply(text=explain.help_text(tree(), current.question))
        return [help_reply, _ask(current, current.question)], state
    if state.last_result is not None:
        return [Reply(text=_path_explanation(state.last_result), buttons=result_buttons())], state
    return [Reply(text=messages.text("why.not_started"), buttons=start_buttons())], state


def _path_explanation(result: dict[str, Any]) -> str:
    lines = [messages.text("why.result", verdict=result["verdict_text"])]
    for number, step in enumerate(result["path"], start=1):
        cites = "; ".join(cite["text"] for cite in step["cites"])
        lines.append(
            messages.text("why.step", number=number, question=step["question"], answer=step["answer"], cites=cites)
        )
    return "\n".join(lines)


def go_back(state: State) -> Turn:
    answers = _safe_answers(state)
    if not walk(tree(), answers).steps:
        return _continue(state, {}, prefix=messages.text("assessment.first_question"))
    return _continue(state, back(tree(), answers), prefix=messages.text("assessment.back"))


def change(state: State, message: Message) -> Turn:
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    answered = [step.question.id for step in current.steps]
    if not answered:
        return _reask(state, messages.text("change.nothing"))
    question_id = message.entity("question") or match_question(tree(), message.text, answered)
    if question_id not in answered:
        buttons = tuple(
            button(
                sentence_case(tree().questions[qid].short),
                "/change_answer" + json.dumps({"question": qid}, separators=(",", ":")),
            )
            for qid in answered
        )
        return [Reply(text=messages.text("change.which"), buttons=buttons)], state
    assert question_id is not None
    previous = current.fill(tree().questions[question_id].option(answers[question_id]).label)  # type: ignore[union-attr]
    reopened = reopen(tree(), answers, question_id)
    # The old answer is kept aside so later answers that still apply are reused.
    return _continue(state, reopened, prefix=messages.text("change.previous", previous=previous))


def summary(state: State) -> Turn:
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    replies = [Reply(text=explain.summary_text(tree(), current))]
    if state.current_question is not None and current.question is not None:
        replies.append(_ask(current, current.question))
    elif state.last_result is not None:
        replies[0] = Reply(text=replies[0].text, buttons=result_buttons())
    return replies, state


def help_turn(state: State) -> Turn:
    text = messages.text("help.text", privacy_note=privacy_note())
    return _with_current_question(state, Reply(text=text, buttons=() if state.current_question else start_buttons()))


def _with_current_question(state: State, reply: Reply) -> Turn:
    """`reply`, then the open question again so the user can go on where they were."""
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    if state.current_question is not None and current.question is not None:
        return [reply, _ask(current, current.question, prefix=messages.text("assessment.back_to_question"))], replace(
            state, misunderstood=0
        )
    return [reply], replace(state, misunderstood=0)


@cache
def concepts() -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = yaml.safe_load(
        (settings.content_dir() / "concepts.yml").read_text(encoding="utf-8")
    )
    return loaded


def concept(state: State, message: Message) -> Turn:
    key = message.entity("concept")
    entry = concepts().get(key or "")
    if entry is None:
        names = ", ".join(item["name"] for item in concepts().values())
        text = messages.text("concept.list", names=names)
        return _with_current_question(state, Reply(text=text))
    text = messages.text("concept.explained", name=entry["name"], text=entry["text"], source=entry["source"])
    return _with_current_question(state, Reply(text=text))


def handoff(state: State) -> Turn:
    text = messages.text("handoff.text", contact=contact())
    return _with_current_question(state, Reply(text=text))


def show_result(state: State) -> Turn:
    if state.last_result is None:
        return [Reply(text=messages.text("result.none"), buttons=start_buttons())], state
    try:
        current = walk(tree(), state.last_result.get("answers", {}))
    except AnswerError:
        current = walk(tree(), {})  # answers from an older tree: treated as no result
    if current.outcome is None:
        return [Reply(text=messages.text("result.outdated"), buttons=start_buttons())], state
    return [
        Reply(text=explain.result_text(tree(), current), buttons=result_buttons()),
        Reply(custom={**explain.result_payload(tree(), current), "description": state.last_result.get("description")}),
    ], state


def fallback(state: State, message: Message | None = None) -> Turn:
    """Not understood by the NLU. An open question or training case is tried first:
    the tree's own words may still recognise the answer ("praktik" for arbetsträning)."""
    if message is not None and message.text and not message.text.startswith("/"):
        if training.awaiting_verdict(state) and training.parse_verdict(message) is not None:
            return training.judge(state, message)
        question = walk(tree(), _safe_answers(state)).question
        if state.current_question is not None and question is not None and match_option(question, message.text):
            return answer(state, replace(message, intent="inform"))
    if training.awaiting_verdict(state):
        text = messages.text("fallback.training")
        return [Reply(text=text, buttons=training.VERDICT_BUTTONS + training.case_controls())], state
    misunderstood = state.misunderstood + 1
    new_state = replace(state, misunderstood=misunderstood)
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    if misunderstood >= 2:
        text = messages.text("fallback.give_up", contact=contact())
        buttons = [*list(start_buttons()), button(messages.text("buttons.handoff"), "/human_handoff")]
        replies = [Reply(text=text, buttons=tuple(buttons))]
        if state.current_question is not None and current.question is not None:
            replies.append(_ask(current, current.question))
        return replies, new_state
    text = messages.text("fallback.not_understood")
    if state.current_question is not None and current.question is not None:
        return [_ask(current, current.question, prefix=text)], new_state
    return [Reply(text=text, buttons=start_buttons())], new_state


def request_memo(state: State) -> Turn:
    """The last result as a decision memo: Markdown in the chat, Markdown and PDF as a payload."""
    if state.last_result is None:
        return [Reply(text=messages.text("memo.no_result"), buttons=start_buttons())], state
    document = memo.payload(state.last_result)
    intro = messages.text("memo.intro")
    return [
        Reply(text=intro),
        Reply(text=document["markdown"], buttons=result_buttons()),
        Reply(custom=document),
    ], state

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

from asf import memo, settings
from asf.guidance import explain
from asf.guidance.engine import AnswerError, Walk, back, reopen, walk
from asf.guidance.loader import default_tree
from asf.guidance.model import Question, Tree, sentence_case
from asf.guidance.understanding import match_option, match_question, understand_description
from asf.privacy import masked_kinds
from asf.training import flow as training
from asf.turns import Message, Reply, State, Turn, button

PRIVACY_NOTE = "Skriv inga uppgifter om enskilda personer, som namn, personnummer eller hälsa."
INTRO = (
    "Hej! Jag hjälper dig att bedöma om ett samordningsförbund kan finansiera en insats som har "
    "koppling till arbetsintegrerande sociala företag. Jag ställer några frågor och svarar med "
    "stöd i Nationella rådets vägledning, med hänvisningar. Jag fattar inga beslut och kan inte "
    "svara på frågor om enskilda ärenden. " + PRIVACY_NOTE
)
HINT = 'Du kan klicka på ett svar eller skriva det. Skriv "varför?", "tillbaka" eller "börja om" när du vill.'


def _answer_payload(question_id: str, option_id: str) -> str:
    return "/inform" + json.dumps({"question": question_id, "choice": option_id}, separators=(",", ":"))


START_BUTTONS = (
    button("Bedöm en insats", "/start_assessment"),
    button("Övningsläge", "/start_training"),
    button("Vad kan du?", "/ask_help"),
)
RESULT_BUTTONS = (
    button("Varför blev det så?", "/ask_why"),
    button("Beslutsunderlag", "/request_memo"),
    button("Visa sammanfattning", "/show_summary"),
    button("Ny bedömning", "/start_assessment"),
    button("Prata med en person", "/human_handoff"),
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
    names = {"personnummer": "ett personnummer", "telefonnummer": "ett telefonnummer", "e-post": "en e-postadress"}
    found = " och ".join(names[kind] for kind in kinds)
    return Reply(text=f"Jag tog bort det som såg ut som {found} ur ditt meddelande. Det sparas inte. {PRIVACY_NOTE}")


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
            prefix = "Uppdaterat. Dina senare svar gäller fortfarande, så vi fortsätter där vi var."
    if current.question is not None:
        new_state = replace(state, answers=answers, current_question=current.question.id, pending=None, misunderstood=0)
        return [_ask(current, current.question, prefix)], new_state
    replies = [Reply(text=prefix)] if prefix else []
    if current.unused:
        dropped = ", ".join(tree().questions[qid].short for qid in current.unused)
        replies.append(Reply(text=f"Dina tidigare svar om {dropped} gäller inte längre och har tagits bort."))
    payload = {**explain.result_payload(tree(), current), "description": state.description}
    replies.append(Reply(text=explain.result_text(tree(), current), buttons=RESULT_BUTTONS))
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
    return [Reply(text=INTRO, buttons=START_BUTTONS)], replace(state, misunderstood=0)


def start(state: State) -> Turn:
    fresh = replace(state, answers={}, pending=None, training=None, description=None)
    return _continue(fresh, {}, prefix=HINT)


def restart(state: State) -> Turn:
    fresh = replace(state, answers={}, pending=None, training=None, description=None)
    return _continue(fresh, {}, prefix="Vi börjar om från början.")


def describe(state: State, message: Message) -> Turn:
    if training.awaiting_verdict(state):
        return training.judge(state, message)
    if state.current_question is not None:
        # Mid-assessment a longer sentence is an answer to the open question.
        return answer(state, replace(message, intent="inform"))
    understood = understand_description(tree(), message.text)
    state = replace(state, description=message.text)
    if not understood:
        return _continue(state, {}, prefix="Tack! Jag behöver veta lite mer, så jag ställer några frågor.")
    current = walk(tree(), understood)
    lines = [f"- {sentence_case(step.question.short)}: {current.fill(step.option.label)}" for step in current.steps]
    text = "Så här uppfattar jag insatsen:\n" + "\n".join(lines) + "\n\nStämmer det?"
    buttons = (button("Ja, det stämmer", "/affirm"), button("Nej, jag förklarar mer", "/deny"))
    return [Reply(text=text, buttons=buttons)], replace(state, pending=understood, current_question=None)


def answer(state: State, message: Message) -> Turn:
    if training.awaiting_verdict(state):
        return training.judge(state, message)
    if state.pending is not None and message.intent in ("affirm", "deny") and not message.entity("choice"):
        if message.intent == "affirm":
            return _continue(state, dict(state.pending), prefix="Bra, då går vi vidare.")
        return _continue(
            replace(state, pending=None, description=None), {}, prefix="Okej, då tar vi det steg för steg. " + HINT
        )
    answers = _safe_answers(state)
    button_question, button_choice = message.entity("question"), message.entity("choice")
    if button_question and button_choice:
        return _answer_button(state, answers, button_question, button_choice)
    current = walk(tree(), answers)
    if current.question is None or state.current_question is None:
        if message.intent == "inform" and message.text and not message.text.startswith("/"):
            return describe(state, message)
        return [
            Reply(text="Vill du bedöma en insats? Beskriv den med egna ord eller klicka nedan.", buttons=START_BUTTONS)
        ], state
    values = [v for name in ("party", "activity") for v in message.entities.get(name, [])]
    yes_no = {"affirm": "ja", "deny": "nej"}.get(message.intent or "")
    option = match_option(current.question, message.text, yes_no=yes_no, entity_values=values)
    if option is None:
        return _misunderstood(state, current, current.question)
    return _continue(state, {**answers, current.question.id: option.id}, answered=current.question.id)


def _answer_button(state: State, answers: dict[str, str], question_id: str, option_id: str) -> Turn:
    question = tree().questions.get(question_id)
    if question is None or question.option(option_id) is None:
        return _reask(state, "Det svaret känner jag inte igen.")
    current = walk(tree(), answers)
    on_path = {step.question.id for step in current.steps}
    if current.question is not None and current.question.id == question_id:
        return _continue(state, {**answers, question_id: option_id}, answered=question_id)
    if question_id in on_path or (current.question is None and question_id in answers):
        # An earlier question's button: treat it as changing that answer.
        return _continue(state, {**answers, question_id: option_id}, prefix="Uppdaterat.")
    if not answers and question_id == tree().start:
        return _continue(state, {question_id: option_id})
    return _reask(state, "Den frågan är inte aktuell just nu.")


def _misunderstood(state: State, current: Walk, question: Question) -> Turn:
    options = ", ".join(f'"{current.fill(o.label)}"' for o in question.options)
    text = f"Jag är inte säker på vilket svar du menar. Välj ett av: {options}."
    return [_ask(current, question, prefix=text)], replace(state, misunderstood=state.misunderstood + 1)


def _reask(state: State, prefix: str) -> Turn:
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    if state.current_question is not None and current.question is not None:
        return [_ask(current, current.question, prefix=prefix)], replace(state, answers=answers)
    return [Reply(text=prefix, buttons=START_BUTTONS)], state


def why(state: State) -> Turn:
    if training.active(state):
        return training.why(state)
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    if state.current_question is not None and current.question is not None:
        help_reply = Reply(text=explain.help_text(tree(), current.question))
        return [help_reply, _ask(current, current.question)], state
    if state.last_result is not None:
        return [Reply(text=_path_explanation(state.last_result), buttons=RESULT_BUTTONS)], state
    return [
        Reply(text="Jag förklarar gärna varför jag frågar, när vi har börjat en bedömning.", buttons=START_BUTTONS)
    ], state


def _path_explanation(result: dict[str, Any]) -> str:
    lines = [f'Bedömningen blev "{result["verdict_text"]}" på grund av dina svar:']
    for number, step in enumerate(result["path"], start=1):
        cites = "; ".join(cite["text"] for cite in step["cites"])
        lines.append(f"{number}. {step['question']} Du svarade: {step['answer']}. ({cites})")
    return "\n".join(lines)


def go_back(state: State) -> Turn:
    answers = _safe_answers(state)
    if not walk(tree(), answers).steps:
        return _continue(state, {}, prefix="Vi är redan vid första frågan.")
    return _continue(state, back(tree(), answers), prefix="Vi går tillbaka ett steg.")


def change(state: State, message: Message) -> Turn:
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    answered = [step.question.id for step in current.steps]
    if not answered:
        return _reask(state, "Du har inte svarat på något ännu som kan ändras.")
    question_id = message.entity("question") or match_question(tree(), message.text, answered)
    if question_id not in answered:
        buttons = tuple(
            button(
                sentence_case(tree().questions[qid].short),
                "/change_answer" + json.dumps({"question": qid}, separators=(",", ":")),
            )
            for qid in answered
        )
        return [Reply(text="Vilket svar vill du ändra?", buttons=buttons)], state
    assert question_id is not None
    previous = current.fill(tree().questions[question_id].option(answers[question_id]).label)  # type: ignore[union-attr]
    reopened = reopen(tree(), answers, question_id)
    # The old answer is kept aside so later answers that still apply are reused.
    return _continue(state, reopened, prefix=f'Du svarade "{previous}". Välj ett nytt svar.')


def summary(state: State) -> Turn:
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    replies = [Reply(text=explain.summary_text(tree(), current))]
    if state.current_question is not None and current.question is not None:
        replies.append(_ask(current, current.question))
    elif state.last_result is not None:
        replies[0] = Reply(text=replies[0].text, buttons=RESULT_BUTTONS)
    return replies, state


def help_turn(state: State) -> Turn:
    text = (
        "Jag bedömer om ett samordningsförbund kan finansiera en insats med koppling till sociala "
        "företag, utifrån Nationella rådets vägledning. Du kan:\n"
        '- beskriva insatsen med egna ord, eller klicka "Bedöm en insats"\n'
        '- fråga "varför?" om en fråga eller en bedömning\n'
        '- skriva "tillbaka", "ändra svaret om ...", "sammanfattning" eller "börja om"\n'
        '- fråga vad ett begrepp betyder, till exempel "vad är ett ASF?" eller "vad säger 7 §?"\n'
        '- efter en bedömning be om ett "beslutsunderlag" (PDF eller Markdown)\n'
        '- öva på påhittade fall i "övningsläge"\n'
        "- be att få prata med en person.\n" + PRIVACY_NOTE
    )
    return _with_current_question(state, Reply(text=text, buttons=() if state.current_question else START_BUTTONS))


def _with_current_question(state: State, reply: Reply) -> Turn:
    """`reply`, then the open question again so the user can go on where they were."""
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    if state.current_question is not None and current.question is not None:
        return [reply, _ask(current, current.question, prefix="Tillbaka till frågan:")], replace(state, misunderstood=0)
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
        text = f"Jag kan förklara de här begreppen: {names}. Vilket undrar du över?"
        return _with_current_question(state, Reply(text=text))
    text = f"{entry['name']}: {entry['text']}\n(Källa: {entry['source']})"
    return _with_current_question(state, Reply(text=text))


def handoff(state: State) -> Turn:
    text = (
        f"Du kan vända dig till {contact()}. Ta gärna med sammanfattningen av dina svar. "
        "Skriv inga uppgifter om enskilda personer i meddelanden."
    )
    return _with_current_question(state, Reply(text=text))


def show_result(state: State) -> Turn:
    if state.last_result is None:
        return [Reply(text="Du har ingen bedömning ännu. Vill du göra en?", buttons=START_BUTTONS)], state
    try:
        current = walk(tree(), state.last_result.get("answers", {}))
    except AnswerError:
        current = walk(tree(), {})  # answers from an older tree: treated as no result
    if current.outcome is None:
        return [
            Reply(
                text="Den förra bedömningen bygger på en äldre version av frågorna. Gör gärna en ny.",
                buttons=START_BUTTONS,
            )
        ], state
    return [
        Reply(text=explain.result_text(tree(), current), buttons=RESULT_BUTTONS),
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
        text = (
            'Det förstod jag inte. Bedöm fallet med en av knapparna, eller skriv till exempel "bör inte finansieras".'
        )
        return [Reply(text=text, buttons=training.VERDICT_BUTTONS + training.CASE_CONTROLS)], state
    misunderstood = state.misunderstood + 1
    new_state = replace(state, misunderstood=misunderstood)
    answers = _safe_answers(state)
    current = walk(tree(), answers)
    if misunderstood >= 2:
        text = f"Jag förstår tyvärr inte. Välj något nedan, eller kontakta {contact()}."
        buttons = [*list(START_BUTTONS), button("Prata med en person", "/human_handoff")]
        replies = [Reply(text=text, buttons=tuple(buttons))]
        if state.current_question is not None and current.question is not None:
            replies.append(_ask(current, current.question))
        return replies, new_state
    text = (
        "Det förstod jag inte riktigt. Jag kan bara svara på frågor om hur samordningsförbund kan "
        "finansiera insatser kopplade till sociala företag."
    )
    if state.current_question is not None and current.question is not None:
        return [_ask(current, current.question, prefix=text)], new_state
    return [Reply(text=text, buttons=START_BUTTONS)], new_state


def request_memo(state: State) -> Turn:
    """The last result as a decision memo: Markdown in the chat, Markdown and PDF as a payload."""
    if state.last_result is None:
        return [
            Reply(text="Beslutsunderlaget bygger på en bedömning. Gör en bedömning först.", buttons=START_BUTTONS)
        ], state
    document = memo.payload(state.last_result)
    intro = "Här är beslutsunderlaget. Du kan ladda ner det som PDF eller Markdown där chatten visar det."
    return [Reply(text=intro), Reply(text=document["markdown"], buttons=RESULT_BUTTONS), Reply(custom=document)], state

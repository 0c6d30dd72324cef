"""Which step a typed message belongs to when the NLU's intent cannot be right for the moment.

The NLU picks an intent for every message, also for ones it has never seen the like of: in a
user trial "hur stor budget har vårt förbund nästa år?" was read as "next training case",
an answer to an open question as "stop training", and a feedback comment as "start
training". These wrappers put the conversation's state first:

- outside training, a training intent counts only for a message that asks for the training
  in so many words (or a short command such as "nästa"); anything else is an unclear
  message, handled as the fallback handles one (the open question, other topics, "Det
  förstod jag inte");
- inside training, a typed message the NLU reads as a request that makes no sense there
  (the memo, the result again, the own assessment's summary, going back or changing an
  answer) is the trainee's verdict, or gets the training's own reply;
- after a result, "promemoria", "PM" or "beslutsunderlag" in a request (also one that holds nothing else but a
  part and "tack"), and "underlaget" in such a request or after "få", "ge" or "ha", is the memo, whatever intent
  the NLU picked (the NLU data knows only "beslutsunderlag"), and so is a request to write the result up for the
  board ("skriv ihop det till något jag kan ta med till styrelsen");
- a question is never a goodbye or a thank-you: "och bonusen till företaget då, får vi ge
  den?" was read as "hej då" (the "då") and got "Tack för i dag!"; and while a question is open,
  a message with no word of farewell or thanks is not one either.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from asf import dialogue, feedback, messages, other_questions
from asf.guidance import swedish
from asf.training import flow as training
from asf.turns import Message, Reply, State, Turn

Step = Callable[[State, Message], Turn]

# Words that name the decision memo. The NLU data has only "beslutsunderlag"; people also
# say "promemoria" or "PM". Inflected forms ("promemorian") are found too (asf/guidance/swedish.py).
MEMO_WORDS = ("beslutsunderlag", "promemoria", "pm")
# "underlaget" names the memo only in a request for it alone ("underlaget för del 1") or after a verb of getting
# ("kan jag få underlaget?"): it is any document too ("Vilket underlag behöver styrelsen?", "Tack för underlaget").
_PLAIN_MEMO_WORD = "underlag"
# Folded, indefinite and whole: not "PM:et var jättebra" (review of session 28).
_MEMO_NAME_FIRST = re.compile(r"^\W*(?:beslutsunderlag|promemoria|pm)(?![\w:])")
_GETTING = frozenset({"fa", "ge", "ha"})  # folded: "kan jag få", "ge mig", "vill ha"
_GETTING_REACH = 3  # words from the verb to the name: "ge mig ett underlag"
# Thanks before what follows it: "Tack!", "tack för hjälpen," — the whole message when nothing follows.
_THANKS_FIRST = re.compile(r"^\W*tack\b[^,.!?]*(?:[,.!?]+\s*|$)", re.IGNORECASE)
# Words, folded, that a request for the memo alone may hold beside its name: "pm för första delen tack".
_ONLY_ASKING = frozenset(
    {"for", "till", "av", "om", "med", "del", "delen", "punkt", "tack", "ocksa", "snalla", "det", "den", "nu"}
    | {"garna", "forsta", "andra", "tredje", "fjarde", "femte", "1", "2", "3", "4", "5", "ettan", "tvaan", "trean"}
    # "underlag för alla delarna tack" got "Varsågod!" (trial 36)
    | {"alla", "samtliga", "bada", "delar", "delarna", "och", "tva", "tre", "fyra"}
    # "underlaget igen tack" got "Det förstod jag inte riktigt" (trial 67, t67-2)
    | {"igen"}
)
# Outside training, a training intent for a message this short is a command meant for it ("nästa", "hoppa över").
SHORT_TRAINING_COMMAND = 2
# The start of a word that names the training: öva, övning(släge), träna, träning(sfall), quiz.
_TRAINING_STEMS = ("ovning", "trana", "traning", "quiz")
_TRAINING_WORDS = frozenset({"ova", "ovar", "ovat", "ovade", "fall", "fallet", "fallen"})


def names_training(text: str) -> bool:
    """Does the message name the training ("avsluta övningen", "nästa fall", "jag vill öva")?"""
    return any(
        token.word in _TRAINING_WORDS or token.word.startswith(_TRAINING_STEMS) for token in swedish.tokens(text)
    )


# Words that name the training mode itself, not training as something participants do ("träna").
_MODE_STEMS = ("ovning", "quiz")
_MODE_WORDS = frozenset({"ova", "traningslage"})


def names_the_training_mode(words: tuple[swedish.Token, ...]) -> bool:
    return any(t.word.startswith(_MODE_STEMS) or t.word in _MODE_WORDS for t in words)


def asks_for_memo(state: State, message: Message) -> bool:
    """A typed request for the memo of the result shown ("kan jag få en promemoria?", "PM"), or asked for while the
    first assessment is under way (trial 32, t32-1: "Kan jag få ett beslutsunderlag?" got "Menar du ”Ja”?")."""
    nothing_yet = state.last_result is None and state.current_question is None
    if not message.typed or nothing_yet or training.active(state) or state.pending is not None:
        return False
    text = message.text
    thanks = _THANKS_FIRST.match(text)
    if thanks is not None:
        # "Tack för underlaget" thanks for it; "Tack, kan jag få en PM på det?" asks after the thanks (second review).
        text = text[thanks.end() :]
    words = swedish.tokens(text)
    if not words:
        return False
    named = _names(MEMO_WORDS, words)
    # "pm för första delen tack" is a request too, though it begins as no request does (trial 29).
    alone = all(t.word in _ONLY_ASKING or _names((*MEMO_WORDS, _PLAIN_MEMO_WORD), (t,)) for t in words)
    # "beslutsunderlag för lokalen tack" begins with the memo's name, not in the definite form a comment uses
    # ("beslutsunderlaget var tydligt"): a request (trial 39, t39-8 had it read as an answer to the open question).
    first = _MEMO_NAME_FIRST.match(swedish.fold(text)) is not None
    asked = feedback.reads_as_request(text) or alone or first
    plain = _names((_PLAIN_MEMO_WORD,), words) and (alone or (asked and _gets_it(words)))
    if other_questions.recognise(message.text, general=False) is not None:
        return False  # "Får jag skriva namn och diagnoser i underlaget till styrelsen?" asks about personal data
    written_up = state.last_result is not None and _WRITE_UP_FOR_THE_BOARD.search(swedish.fold(text)) is not None
    return ((named and asked) or plain or written_up) and (first or not dialogue.reads_as_an_answer(state, message))


# After a result, a request to write it up for those who decide is the memo, though it names none: "skriv ihop det
# till något jag kan ta med till styrelsen" was handed over to the kansli (trial 32, t32-1).
_WRITE_UP_FOR_THE_BOARD = re.compile(
    r"^\W*(?:(?:ok|okej|bra|snalla|och|da|men)\W+)*(?:(?:kan|vill|skulle) (?:du|ni)(?: kunna)? |hjalp mig(?: att)? )?"
    r"(?:skriv|skriva|sammanfatta|sammanstall|sammanstalla|formulera)\b(?:\s+\w+){0,10}?\s+"
    r"(?:till|for|at|infor)\s+(?:\w+\s+){0,2}(?:styrelse|styrelsen|styrelsemotet|ledningen|chefen|namnden)\b"
    # "jag behöver nåt skriftligt till styrelsen om det här" (trial 36, t36-7 was handed over to the kansli)
    # "… något skriftligt att ta med till styrelsemötet?" (trial 38, t38-2)
    r"|\b(?:nat|nagot|nagonting)\s+skriftligt(?:\s+\w+){0,3}?\s+(?:till|for|at|infor)\s+(?:\w+\s+){0,2}"
    r"(?:styrelse|styrelsen|styrelsemotet|ledningen|chefen|forbundschefen|namnden)\b"
    # "gör en sammanställning av bedömningen som jag kan bifoga till protokollet" (trial 39, t39-8 started a new
    # assessment)
    r"|\b(?:en sammanstallning|en sammanfattning|sammanstall|sammanstalla|sammanfatta)\b(?:\s+\w+){0,8}?\s+"
    r"(?:till|for|i|infor)\s+"
    r"(?:\w+\s+){0,2}(?:protokoll|protokollet|diariet|arendet|styrelse|styrelsen|styrelsemotet|namnden)\b"
)


def _gets_it(words: tuple[swedish.Token, ...]) -> bool:
    """A verb of getting just before the memo's name: "kan jag få underlaget", "ge mig ett underlag"; not "får jag
    skriva namn … i underlaget" (trial 30)."""
    for index, token in enumerate(words):
        if token.word in _GETTING:
            after = words[index + 1 : index + 1 + _GETTING_REACH]
            # "dom får rapporten som underlag för att …" gets something else, used as a basis (trial 61, t61-4)
            if any(_names((_PLAIN_MEMO_WORD,), (other,)) and not _used_as(after, at) for at, other in enumerate(after)):
                return True
    return False


def _used_as(words: tuple[swedish.Token, ...], at: int) -> bool:
    return at > 0 and words[at - 1].word == "som"


def _names(memo_words: tuple[str, ...], words: tuple[swedish.Token, ...]) -> bool:
    return any(not mention.negated for word in memo_words for mention in swedish.find(word, words))


def memo_first(step: Step) -> Step:
    """`step`, except that a typed request for the memo after a result gives the memo."""

    def guarded(state: State, message: Message) -> Turn:
        if asks_for_memo(state, message):
            return dialogue.request_memo(state, message, clearly_asked=True)  # it may name a part ("… för del 1")
        return step(state, message)

    return guarded


def trial_choice_first(step: Step) -> Step:
    """`step`, except that after a what-if's result, "använd de nya svaren" or "tillbaka till min bedömning" typed
    does what its button does (dialogue.show_result), and after any result a line typed as the summary writes it
    changes that answer, whatever intent the NLU read."""

    def guarded(state: State, message: Message) -> Turn:
        choice = dialogue.trial_choice_typed(state, message)
        if choice is not None:
            return dialogue.typed_choice_made(state, message, choice)
        earlier = dialogue.back_to_an_earlier_result(state, message)
        if earlier is not None:
            return earlier
        # "hur pengarna ska gå: direkt", a line as the summary writes it, changes that answer whatever the NLU read.
        line = dialogue.line_typed_as_written(state, message)
        return line if line is not None else step(state, message)

    return guarded


# The intents whose steps carry out a typed correction of the result (dialogue.answer, dialogue.change,
# dialogue.describe).
_CORRECTING_INTENTS = frozenset({"inform", "deny", "change_answer", "describe_initiative"})


def summary_first(step: Step) -> Step:
    """`step`, except that while the summary waits for "Ja" or "Nej", a typed message that adds a line
    it lacks adds it, whatever intent the NLU read (trial 11, t11-31: "nej det saknas vad det är: ett
    frukostmöte …" was read as "varför?" and got "Jag förklarar gärna varför jag frågar")."""

    def guarded(state: State, message: Message) -> Turn:
        # Answers and descriptions have their own way with a waiting summary (dialogue.answer, describe).
        own_way = message.intent in ("inform", "affirm", "deny", "describe_initiative")
        # "nej forresten, pengarna ska ga via kommunen" (trial 12) got "Det förstod jag inte".
        at_summary = None if own_way else dialogue.at_the_summary(state, message)
        return at_summary if at_summary is not None else step(state, message)

    return guarded


def not_feedback(state: State, message: Message) -> bool:
    """Typed messages right after "Hade du nytta av bedömningen?" that are never the feedback:
    a correction of one of the result's answers, a request for the memo, a question about the result ("så vi
    får alltså inte betala coachen? ja eller nej?" was stored as a "nej" to the question, live check of session 20),
    and a request for another numbered part ("del 2" was saved as a comment, session 26).

    A correction counts only with an intent whose step carries it out: "Handläggaren … tyckte att
    svaret var för långt" reads "handläggaren" as an answer, but the NLU took it for "prata med
    en person", so it was neither corrected nor saved."""
    # Right after Ja/Nej the user was asked for a comment, which often names an answer of the tree ("svaret bemötte
    # inte min invändning om att deltagarna gynnas" changed who it was for, and the verdict, in trial 41): there a
    # correction must say it is one ("jag hade fel: …", "nej, det är regionen som upphandlar", "Fel. Regionen …").
    marked_only = message.intent == "describe_initiative" or (
        feedback.comment_asked(state) and not dialogue.opens_as_a_correction(message.text)
    )
    correction = message.intent in _CORRECTING_INTENTS and dialogue.corrects_result(state, message, marked_only)
    return (
        correction
        or asks_for_memo(state, message)
        or dialogue.asks_about_the_result(state, message)
        or dialogue.asks_for_another_part(state, message)
        # "Vi vill att förbundet blir medlem i en intresseorganisation för sociala företag" where a comment was asked
        # for is the next initiative: it was saved as a comment and nothing assessed (make loadtest, session 39).
        or (feedback.comment_asked(state) and dialogue.describes_another_initiative(state, message))
        # "men sparas chatten någonstans eller inte?", heard as a "nej", is a question on another topic (trial 66).
        or (
            message.typed
            and message.text.rstrip().endswith("?")
            and other_questions.recognise(message.text, general=False) is not None
        )
    )


def training_intent(step: Step) -> Step:
    """`step` (a training step) outside training only for a message that asks for the training:
    it names it, or it is a short command ("nästa", "avsluta"). Any other typed message is an
    unclear one: an answer to the open question, a question about another topic, or "Det
    förstod jag inte" – never "Du är inte i övningsläget"."""

    def guarded(state: State, message: Message) -> Turn:
        explained = dialogue.concept_asked_in_training(state, message) if training.active(state) else None
        if explained is not None:
            return _with_the_trainings_buttons(explained)  # "vad betyder på villkor?" is no verdict
        if training.active(state) or not message.typed:
            return step(state, message)
        words = swedish.tokens(message.text)
        explicit = names_training(message.text) or len(words) <= SHORT_TRAINING_COMMAND
        # Mid-question "träna" in a sentence is about the initiative ("de får träna på försäljning",
        # trial 12 got "Vill du lämna den och öva?"): only the training mode's own words ask for it.
        if state.current_question is not None and len(words) > SHORT_TRAINING_COMMAND:
            explicit = names_the_training_mode(words)
        if explicit and not dialogue.reads_as_an_answer(state, message):
            return step(state, message)
        return dialogue.fallback(state, message)

    return guarded


def in_training(step: Step) -> Step:
    """`step`, except inside training, where a typed message is the trainee's verdict (or gets
    the training's "Välj en av de fyra bedömningarna"), never a reply about the user's own
    assessment, such as the memo."""

    def guarded(state: State, message: Message) -> Turn:
        if not training.active(state) or not message.typed:
            return step(state, message)
        explained = dialogue.concept_asked_in_training(state, message)
        if explained is not None:
            return _with_the_trainings_buttons(explained)
        if training.awaiting_verdict(state):
            return training.judge(state, message)
        folded = swedish.fold(message.text)
        says_more = other_questions.looks_like_a_question(message.text) or len(message.text.split()) >= _A_VARIANT
        if says_more and not _A_REQUEST.match(folded):
            # A question about the case or a variant of it described (trial 73, t73-7; review of session 43).
            text = messages.text("fallback.training_question")
        else:
            text = messages.text("fallback.training_after_feedback")
        return [Reply(text=text, buttons=training.after_feedback())], state

    return guarded


_A_VARIANT = 6  # words: a message this long after the feedback says something about the case


def verdict_first_in_training(step: Step) -> Step:
    """`step`, except that while a training case waits for its verdict a message that gives one is judged."""

    def guarded(state: State, message: Message) -> Turn:
        if training.awaiting_verdict(state) and message.typed and dialogue.gives_a_verdict(message):
            return training.judge(state, message)
        return step(state, message)

    return guarded


# A request put as a question, folded: "kan jag få ett beslutsunderlag?", "kan du visa …": no question about the case.
_A_REQUEST = re.compile(r"\W*(?:kan|far|skulle|kunde) (?:jag|vi|du|ni) (?:fa|ge|skicka|visa|ta|se)\b")


def _with_the_trainings_buttons(turn: Turn) -> Turn:
    """The reply, its last message with the buttons the training shows where it is: the verdicts, or what comes next."""
    replies, state = turn
    waiting = training.awaiting_verdict(state)
    buttons = training.VERDICT_BUTTONS + training.case_controls() if waiting else training.after_feedback()
    last = Reply(text=replies[-1].text, buttons=buttons)
    return [*replies[:-1], last], state


# Words without which a message is no goodbye or thank-you ("hej då", "tack", "vi ses", "jag är
# klar nu", "det var allt för idag"); phrases, since "allt" or "klar" alone may be an answer
# ("vi betalar allt via kommunen").
_FAREWELLS = (
    *dialogue.GOODBYES, "ha det", "tack", "tackar", "tacksam", "jag är klar", "klar nu", "det var allt",
    "nu slutar jag", "loggar ut", "bye", "ha en bra", "ha en trevlig", "trevlig kväll", "trevlig helg",
)  # fmt: skip


def says_goodbye_or_thanks(text: str) -> bool:
    words = swedish.tokens(text)
    return any(swedish.find(farewell, words) for farewell in _FAREWELLS)


def not_for_a_question(step: Step) -> Step:
    """`step` (a goodbye or a thank-you), except that a typed question is read as what it asks
    about: an answer to the open question, another topic, or an initiative to assess; and that
    while a question is open or a summary is being corrected after "Nej", a message with no word of
    farewell or thanks is handled as an unclear one ("tåg och hotell för handläggarna, vi betalar
    resebyrån" got "Tack för i dag!"; so did "den riktar sig till alla, öppen för allmänheten" after
    "Nej" to a summary, trial 19, t19-20)."""

    def guarded(state: State, message: Message) -> Turn:
        if message.typed and other_questions.looks_like_a_question(message.text):
            return dialogue.describe(state, message)
        waiting = state.current_question is not None or (state.pending is not None and state.correcting)
        if message.typed and waiting and not says_goodbye_or_thanks(message.text):
            return dialogue.fallback(state, message)
        return step(state, message)

    return guarded

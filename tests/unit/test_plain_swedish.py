"""Klarspråk (issue 15, part 5): every text a user can see, rendered as the user sees it, follows
the typography and glossary rules. Every outcome is reached through the engine along every path of
answers, so each {svar:…} filling is checked; every question and every message is rendered too."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from asf import dialogue, glossary_check, memo, messages, settings, yamltext
from asf.guidance import explain
from asf.guidance.engine import Walk, walk
from asf.guidance.model import VERDICT_NAMES, VERDICT_SENTENCES, Tree, listing
from asf.memo import document
from asf.turns import Message, State

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 11, 28)
STRAIGHT_QUOTE = '"'
# A sentence, a list line or a citation ends with one of these.
ENDINGS = (".", "?", "!", ":", ")", "”")
# Messages that are not sentences: button titles, words put into other texts, list lines.
FRAGMENTS = {
    "describe.unknown_answer",
    "privacy.personnummer",
    "privacy.telefonnummer",
    "privacy.email",
    "privacy.name",
    "privacy.health",
    "training.mode",
    "training.mode_named",
    "why.conditions",  # the headings "Villkor" and "Skäl" in "Villkor 4 i bedömningen: …"
    "why.reasons",
    "describe.line",
    "change.record_more",  # "… och 3 svar till", the end of a list in change.tried_kept and memo.of_the_record
    "memo.said_later_heading",  # the memo's heading "Skrivet i samtalet"
}
FRAGMENT_GROUPS = {"buttons", "training_buttons"}


def every_walk(tree: Tree) -> list[Walk]:
    """Every finished walk: each option of each question reached, in every order the tree allows."""
    finished: list[Walk] = []
    pending: list[dict[str, str]] = [{}]
    while pending:
        answers = pending.pop()
        current = walk(tree, answers)
        if current.question is None:
            finished.append(current)
            continue
        pending += [{**answers, current.question.id: option.id} for option in current.question.options]
    return finished


@pytest.fixture(scope="module")
def walks(tree: Tree) -> list[Walk]:
    return every_walk(tree)


def typography_problems(text: str) -> list[str]:
    found = []
    if STRAIGHT_QUOTE in text:
        found.append("rak citattecken (skriv ”…”)")
    if "..." in text:
        found.append("tre punkter (skriv …)")
    if re.search(r"\s-\s", text.replace("\n- ", "\n* ")):
        found.append("bindestreck som tankstreck (skriv –)")
    if re.search(r"\{[a-z_:]+\}", text):
        found.append("en platshållare som inte fylldes i")
    return found


def unended_lines(text: str) -> list[str]:
    """Lines that do not end a sentence. A list that continues a sentence ("Du kan: - a - b.") ends
    only its last item, as Swedish lists do."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    continued = {i for i, line in enumerate(lines[:-1]) if line.startswith("- ") and lines[i + 1].startswith("- ")}
    return [line for i, line in enumerate(lines) if i not in continued and not line.endswith(ENDINGS)]


def test_every_outcome_is_reached(tree: Tree, walks: list[Walk]):
    assert {w.outcome.id for w in walks if w.outcome is not None} == set(tree.outcomes)


def test_every_result_is_plain_swedish(tree: Tree, walks: list[Walk]):
    for finished in walks:
        assert finished.outcome is not None
        text = explain.result_text(tree, finished)
        where = f"{finished.outcome.id} {dict(finished.used)}"
        assert typography_problems(text) == [], where
        assert unended_lines(text) == [], where
        # The verdict as a sentence with förbundet (or the guidance) as subject, after the title.
        sentence = VERDICT_SENTENCES[finished.outcome.verdict]
        assert text.startswith(f"{explain.result_payload(tree, finished)['title']}: {sentence}\n\n"), where


def test_statements_are_sentences_and_conditions_are_requirements(tree: Tree, walks: list[Walk]):
    for finished in walks:
        result = explain.result_payload(tree, finished)
        for statement in result["reasons"] + result["conditions"]:
            assert statement["text"].endswith("."), statement["text"]
            assert statement["text"][0].isupper(), statement["text"]
        for condition in result["conditions"]:
            assert re.search(r"\bska\b", condition["text"]), f"villkoret är inget krav: {condition['text']}"
        for field in ("route", "alternative"):
            if result[field]:
                assert result[field].endswith("."), result[field]
        assert all(step.endswith((".", "?")) for step in result["next_steps"]), result["next_steps"]


def test_no_title_repeats_its_verdict(tree: Tree):
    verdict_words = ["finansieras", "på villkor", "bör inte", "täcker inte", "täcks inte"]
    for outcome in tree.outcomes.values():
        title = outcome.title.lower()
        assert not any(word in title for word in verdict_words), outcome.title
        assert not outcome.title.endswith("."), outcome.title


def test_the_verdict_is_the_same_sentence_in_chat_memo_and_card(tree: Tree, walks: list[Walk]):
    assert all(s.startswith(("Förbundet ", "Vägledningen ")) and s.endswith(".") for s in VERDICT_SENTENCES.values())
    for finished in walks[:: max(1, len(walks) // 12)]:
        assert finished.outcome is not None
        result = explain.result_payload(tree, finished)
        sentence = VERDICT_SENTENCES[finished.outcome.verdict]
        assert result["verdict_sentence"] == sentence
        assert result["sections"][0]["heading"] == sentence  # the web card's headline
        assert f"\n## Bedömning\n\n{sentence}\n" in memo.markdown(result, DAY)
        printed = [b for b in document.blocks(result, DAY) if isinstance(b, document.Paragraph) and b.verdict]
        assert [b.text for b in printed] == [sentence]  # the PDF and Word file print it as it is


def test_every_question_is_plain_swedish(tree: Tree, walks: list[Walk]):
    seen: set[str] = set()
    for finished in walks:
        for step in finished.steps:
            question = step.question
            texts = [explain.question_text(tree, finished, question), explain.help_text(tree, question)]
            texts += [explain.button_label(finished, option.label) for option in question.options]
            key = "\n".join(texts)
            if key in seen:
                continue
            seen.add(key)
            assert texts[0].endswith("?"), texts[0]
            assert question.help.endswith("."), question.help
            for text in texts:
                assert typography_problems(text) == [], (question.id, text)
            for option in question.options:
                assert not option.label.endswith("."), option.label


def test_every_message_is_plain_swedish():
    texts = messages.load(messages.messages_file())
    for key, template in texts.items():
        values = {name: "x." for name in messages.placeholders(template)}
        text = messages.text(key, **values)
        assert typography_problems(text) == [], key
        if key in FRAGMENTS or key.split(".")[0] in FRAGMENT_GROUPS:
            continue
        assert unended_lines(text) == [], key


def test_every_concept_is_plain_swedish():
    concepts = yamltext.load((settings.content_dir() / "concepts.yml").read_text(encoding="utf-8"))
    for key, concept in concepts.items():
        for field in ("name", "text", "source"):
            assert typography_problems(concept[field]) == [], (key, field)
        assert concept["text"].endswith("."), key


def test_training_feedback_says_the_verdict_as_a_sentence():
    for verdict, sentence in VERDICT_SENTENCES.items():
        right = messages.text("training.right", verdict=sentence)
        wrong = messages.text("training.wrong", verdict=sentence)
        assert right == f"Rätt: {sentence}" and wrong.endswith(f": {sentence}")
        assert VERDICT_NAMES[verdict] not in right  # the sentence, not the short name


def test_lists_built_by_code_end_with_och_or_eller():
    assert listing(["a"]) == "a"
    assert listing(["a", "b"]) == "a och b"
    assert listing(["a", "b", "c"], last="eller") == "a, b eller c"


def test_an_answer_not_understood_lists_the_options_with_eller(tree: Tree):
    _, state = dialogue.start(State())
    replies, _ = dialogue.answer(state, Message(text="qwxz qwxz", intent="inform"))
    text = " ".join(r.text or "" for r in replies)
    labels = [f"”{option.label}”" for option in tree.questions[tree.start].options]
    assert f"Välj {', '.join(labels[:-1])} eller {labels[-1]}." in text
    assert "Välj ett av:" not in text


def test_the_texts_use_the_glossarys_words():
    assert glossary_check.problems() == []


def test_the_glossary_check_finds_an_avoided_word_but_not_a_quoted_one(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(settings.content_dir(), content)
    tree_file = content / "tree.yml"
    text = tree_file.read_text(encoding="utf-8")
    old = "att parterna ansvarar för individriktade insatser"
    assert old in text
    tree_file.write_text(text.replace(old, "att parterna står för individriktade insatser", 1), encoding="utf-8")
    found = glossary_check.problems(content)
    assert any(
        line.startswith("tree.yml, outcomes.forbundet_utfor_sjalv.reasons[1]: ”står för”") and "”ansvara för”" in line
        for line in found
    ), found
    # The guidance's own word quoted in parentheses is a mention, not a use.
    assert not any("questions.utforare.help" in line for line in found)
    messages_file = content / "messages.yml"
    messages_file.write_text(
        messages_file.read_text(encoding="utf-8").replace("Vill du öva?", "Vill ni öva?", 1), encoding="utf-8"
    )
    assert any(line.startswith("messages.yml, training.offer: ”ni”") for line in glossary_check.problems(content))


def test_the_glossary_names_the_guidance_term_and_explains_each_term():
    terms = glossary_check.load_glossary()
    names = {term.term for term in terms}
    for needed in ["parterna", "strukturövergripande insatser", "näringsidkare", "kontantbidrag", "ansvara för", "du"]:
        assert needed in names
    assert all(term.explanation.endswith((".", "”")) for term in terms)


def test_the_web_page_says_du():
    du = next(term for term in glossary_check.load_glossary() if term.term == "du")
    page = re.sub(r"<[^>]+>", " ", (ROOT / "web" / "index.html").read_text(encoding="utf-8"))
    script = " ".join(re.findall(r'"([^"\n]*\s[^"\n]*)"', (ROOT / "web" / "chat.js").read_text(encoding="utf-8")))
    assert du.avoided_in(page) == [] and du.avoided_in(script) == []

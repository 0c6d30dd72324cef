"""The decision memo comes from the same result as the chat answer and holds all of it."""

from __future__ import annotations

import base64
import datetime as dt
import io

import pypdf
import pytest

from asf import dialogue, memo
from asf.guidance.engine import walk
from asf.guidance.explain import result_payload
from asf.guidance.model import Tree
from asf.privacy import mask
from asf.turns import Message, State
from tests.unit.test_engine import CASES

DAY = dt.date(2026, 11, 28)


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("answers", [case[0] for case in CASES[::3]])
def test_memo_holds_every_answer_citation_and_statement(tree: Tree, answers):
    result = result_payload(tree, walk(tree, answers))
    text = memo.markdown(result, DAY)
    in_pdf = squash(pdf_text(memo.pdf(result, DAY)))
    wanted = [step["question"] for step in result["path"]] + [step["answer"] for step in result["path"]]
    wanted += [cite["text"] for cite in result["cites"]]
    wanted += [item["text"] for item in result["reasons"] + result["conditions"]] + result["next_steps"]
    wanted += [result["verdict_sentence"], "2026-11-28", result["tree_version"], "inte ett beslut"]
    for item in wanted:
        assert item in text
        assert squash(item) in in_pdf, item


def test_swedish_characters_survive_in_the_pdf(tree: Tree):
    answers = {
        "vem": "deltagare",
        "malgrupp": "ja",
        "insats_typ": "arbetsforberedande",
        "utforare": "regionen",
        "pengavag": "via_part",
    }
    text = squash(pdf_text(memo.pdf(result_payload(tree, walk(tree, answers)), DAY)))
    for phrase in [
        "7 § lagen (2003:1210)",
        "Frågor och svar",
        "Hänvisningar",
        "målgrupp",
        "Förbundets pengar ska gå via",
        "Vägledningen, ”Individriktade insatser”, stycke 1",
        "Förbundet kan finansiera insatsen på villkor.",
    ]:
        assert phrase in text


def test_swedish_typography_survives_in_the_pdf(tree: Tree):
    """The core font is written as WinAnsi: ” – … ’ print as they are, not as straight quotes or hyphens."""
    result = result_payload(tree, walk(tree, {"vem": "foretaget", "stod_till_foretag": "pengar"}))
    result["description"] = "Ett pris – ”årets sociala företag” … till företagets ’bästa’ idé → 10 000 kr"
    text = pdf_text(memo.pdf(result, DAY))
    assert "Ett pris – ”årets sociala företag” … till företagets ’bästa’ idé -> 10 000 kr" in text


def test_memo_uses_the_masked_description():
    _, state = dialogue.describe(
        State(),
        Message(
            text=mask("Vi vill ge startbidrag till deltagaren Eva 19850312-1234 som vill starta eget kafé"),
            intent="describe_initiative",
        ),
    )
    _, state = dialogue.answer(state, Message(text="ja", intent="affirm"))
    _, state = dialogue.answer(state, Message(text="ja", intent="affirm"))  # målgruppen
    replies, _ = dialogue.request_memo(state)
    document = next(r.custom for r in replies if r.custom)
    assert "[personnummer]" in document["markdown"] and "19850312" not in document["markdown"]
    assert "19850312" not in pdf_text(base64.b64decode(document["pdf_base64"]))


def test_memo_payload_and_chat_text_agree():
    _, state = dialogue.start(State())
    _, state = dialogue.answer(state, Message(intent="inform", entities={"question": ["vem"], "choice": ["annan"]}))
    replies, _ = dialogue.request_memo(state)
    document = next(r.custom for r in replies if r.custom)
    assert document["type"] == "decision_memo" and document["outcome_id"] == "utanfor_vagledningen"
    assert any(r.text == document["markdown"] for r in replies)
    assert base64.b64decode(document["pdf_base64"]).startswith(b"%PDF")


def test_memo_without_a_result_explains_what_to_do():
    replies, _ = dialogue.request_memo(State())
    assert "Gör en bedömning först" in (replies[0].text or "")


BASE = "https://asf.intranat.example/vagledning.html"


def test_memo_links_every_citation_to_its_place_when_the_address_is_absolute(tree: Tree):
    result = result_payload(tree, walk(tree, CASES[3][0]), guidance_url=BASE)
    text = memo.markdown(result, DAY)
    for cite in result["cites"]:
        link = f"[{cite['text']}]({BASE}#{cite['url'].split('#')[1]})"
        assert link in text  # in the list of citations, and beside each statement and answer
        assert text.count(link) >= 2, cite["key"]
    # A relative address means nothing in a downloaded document: the citation stays text.
    relative = memo.markdown(result_payload(tree, walk(tree, CASES[3][0]), guidance_url="/vagledning.html"), DAY)
    assert "](" not in relative and "/vagledning.html" not in relative


def test_the_pdf_prints_each_quote_beside_its_citation(tree: Tree):
    result = result_payload(tree, walk(tree, CASES[3][0]), guidance_url=BASE)
    in_pdf = squash(pdf_text(memo.pdf(result, DAY)))
    assert "](" not in in_pdf and BASE not in in_pdf  # no Markdown link syntax on paper
    quoted = [c for c in result["cites"] if c["quote"]]
    assert quoted
    for cite in quoted:
        assert squash(f"{cite['text']}: ”{cite['quote']}”") in in_pdf, cite["key"]
    # Beside the statement that cites it: a reason's quote follows that reason.
    reason = result["reasons"][0]
    first = reason["cites"][0]
    after = in_pdf.index(squash(reason["text"]))
    assert in_pdf.index(squash(first["quote"]), after) > after

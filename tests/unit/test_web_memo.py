"""The web page (web/chat.js, rendered in Node with a minimal DOM) shows the memo as formatted
text with its downloads, never as raw Markdown, and the progress above every question."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from asf import memo
from asf.guidance.engine import walk
from asf.guidance.explain import result_payload
from asf.guidance.model import Tree
from tests.unit.test_engine import CASES
from tests.unit.test_web_card import NODE, nodes, text
from tests.unit.test_web_card import render_messages as render

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def with_class(tree: dict[str, Any], name: str) -> list[dict[str, Any]]:
    found = [tree] if name in str(tree.get("className", "")).split() else []
    for child in tree.get("children", []):
        found += with_class(child, name)
    return found


@pytest.fixture(scope="module")
def shown_memo(tree: Tree) -> tuple[dict[str, Any], dict[str, Any]]:
    result = result_payload(tree, walk(tree, CASES[3][0]), guidance_url="/vagledning.html")
    document = memo.payload(result, dt.date(2026, 11, 28))
    # As the assistant sends it: the Markdown as a text with buttons, then the payload.
    sent = [
        {"text": document["markdown"], "buttons": [{"title": "Ny bedömning", "payload": "/start_assessment"}]},
        {"custom": document},
    ]
    return render(sent), result


def test_the_memo_is_formatted_text_in_place_of_its_markdown(shown_memo):
    shown, result = shown_memo
    items = nodes(shown, "li")
    memo_items = [li for li in items if with_class(li, "asf-memo")]
    assert len(memo_items) == 1  # one message: the text became the memo, keeping its buttons
    box = with_class(shown, "asf-memo")[0]
    words = text(box)
    for markup in ("**", "## ", "# ", "> ", "]("):
        assert markup not in words, markup
    assert [text(h) for h in nodes(box, "h3")] == [f"Beslutsunderlag: {result['title']}"]
    assert "Frågor och svar" in [text(h) for h in nodes(box, "h4")]
    assert [text(s) for s in nodes(box, "strong")] == [step["question"] for step in result["path"]]
    assert with_class(memo_items[0], "asf-buttons")  # the buttons of the text it replaced
    fields = [text(node) for node in nodes(box, "dt")]
    assert fields[-2:] == ["Diarienummer", "Handläggare"]


def test_the_memo_offers_pdf_word_and_markdown(shown_memo):
    shown, _ = shown_memo
    downloads = {link["download"].rsplit(".", 1)[1] for link in nodes(shown, "a") if link.get("download")}
    assert downloads == {"pdf", "docx", "md"}


def test_every_citation_in_the_memo_links_to_the_guidance_page(shown_memo):
    shown, result = shown_memo
    box = with_class(shown, "asf-memo")[0]
    hrefs = {link["href"] for link in nodes(box, "a") if not link.get("download")}
    assert hrefs == {cite["url"] for cite in result["cites"]}
    assert all(href.startswith("/vagledning.html#") for href in hrefs)


def test_a_question_shows_how_far_the_assessment_has_come():
    progress = {"number": 2, "at_most": 5, "text": "Fråga 2 av högst 5"}
    shown = render([{"text": "Vem?", "buttons": [{"title": "Ja", "payload": "/ja"}], "progress": progress}])
    line = with_class(shown, "asf-progress")
    assert [text(node) for node in line] == ["Fråga 2 av högst 5"]
    bar = with_class(shown, "asf-bar")[0]
    assert bar["children"][0]["width"] == "20%"  # one of at most five answered
    assert not with_class(render([{"text": "Hej"}]), "asf-progress")

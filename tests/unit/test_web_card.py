"""The web card (web/chat.js) rendered in Node with a minimal DOM: every citation is a link to
its place on the guidance page, opened in a new tab, with its quote; unsafe addresses are not links."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from asf.guidance.engine import walk
from asf.guidance.explain import result_payload
from asf.guidance.model import Tree
from asf.guidance.sections import READING_NOTE
from tests.unit.test_engine import CASES

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def render_messages(messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The page as web/chat.js draws these bot messages restored from the tab's storage."""
    items = [{"from": "bot", "message": message} for message in messages]
    done = subprocess.run(
        [str(NODE), str(ROOT / "tests" / "unit" / "js" / "render_card.js"), str(ROOT / "web" / "chat.js")],
        input=json.dumps({"session_id": None, "session_token": None, "items": items}),
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def render(result: dict[str, Any]) -> dict[str, Any]:
    return render_messages([{"custom": result}])


def nodes(tree: dict[str, Any], tag: str) -> list[dict[str, Any]]:
    found = [tree] if tree.get("tag") == tag else []
    for child in tree.get("children", []):
        found += nodes(child, tag)
    return found


def text(tree: dict[str, Any]) -> str:
    return str(tree.get("text", "")) + "".join(text(child) for child in tree.get("children", []))


def test_every_citation_in_the_card_links_to_its_place_in_a_new_tab_with_its_quote(tree: Tree):
    result = result_payload(tree, walk(tree, CASES[3][0]), guidance_url="/vagledning.html")
    shown = render(result)
    links = nodes(shown, "a")
    statement_cites = [c for s in (*result["reasons"], *result["conditions"]) for c in s["cites"]]
    statement_cites += result["cites"]  # and the list of citations at the end
    assert [link["href"] for link in links] == [c["url"] for c in statement_cites]
    for link, cite in zip(links, statement_cites, strict=True):
        assert link["target"] == "_blank" and link["rel"] == "noopener noreferrer"
        assert text(link).startswith(cite["text"]) and "(öppnas i en ny flik)" in text(link)
        assert link.get("title") == (cite["quote"] or None)
    quotes = [text(q) for q in nodes(shown, "blockquote")]
    assert quotes == [c["quote"] for c in statement_cites if c["quote"]]
    assert all(d["children"][0]["tag"] == "summary" for d in nodes(shown, "details"))


def test_only_http_and_relative_addresses_become_links(tree: Tree):
    result = result_payload(tree, walk(tree, CASES[3][0]), guidance_url="/vagledning.html")
    item = result["sections"][1]["items"][0]
    good = ["https://intra.example/v.html#a", "/vagledning.html#b", "vagledning.html#c"]
    bad = ["javascript:alert(1)#x", " javascript:alert(1)", "data:text/html,x", "//evil.example/#x", "/\\evil.example"]
    item["cites"] = [
        {"key": "undvik/punkt-2", "text": f"Plats {n}", "quote": "<b>citat</b>", "url": url}
        for n, url in enumerate(good + bad)
    ]
    result["sections"] = [result["sections"][0], {**result["sections"][1], "items": [item]}]
    shown = render(result)
    assert [link["href"] for link in nodes(shown, "a")] == good
    for n in range(len(good), len(good + bad)):
        assert f"Plats {n}" in text(shown)  # still said, as text
    assert nodes(shown, "b") == [] and "<b>citat</b>" in text(shown)  # the quote is text, not HTML


def test_a_reading_of_the_guidance_is_marked_as_one_in_the_card(tree: Tree):
    result = result_payload(tree, walk(tree, CASES[3][0]), guidance_url="/vagledning.html")
    readings = [s for s in result["reasons"] + result["conditions"] if s["reading"]]
    assert readings
    marks = nodes(render(result), "em")
    notes = [text(m).strip() for m in marks if m.get("className") == "asf-reading"]
    assert notes == [READING_NOTE] * len(readings)

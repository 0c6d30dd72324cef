"""The guidance index against the guidance document itself.

The document is not copied into the project; set GUIDANCE_DOC to its path (or
keep the workspace layout, where it lies in ../shared/guidance/). Without it
these tests are skipped, and say so.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from asf import yamltext
from asf.guidance.loader import INDEX_FILE

ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = [os.environ.get("GUIDANCE_DOC", ""), str(ROOT.parent / "shared" / "guidance" / "vagledning-asf.md")]
DOC = next((Path(p) for p in CANDIDATES if p and Path(p).is_file()), None)

pytestmark = pytest.mark.skipif(DOC is None, reason="the guidance document was not found (set GUIDANCE_DOC)")


def parse_places(text: str) -> dict[str, dict[str, list[str]]]:
    """heading -> the text of each paragraph and list item under it (until the next heading).

    A list item's text is the line without its "- " and without a number such as "1) ".
    """
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block:
            continue
        if block.startswith("#"):
            current = re.sub(r"[#*]", "", block).strip()
            sections[current] = {"paragraphs": [], "points": []}
            continue
        assert current is not None
        items = [line.strip()[2:] for line in block.splitlines() if line.lstrip().startswith("- ")]
        if items:
            sections[current]["points"] += [re.sub(r"^[0-9]+\) ", "", item) for item in items]
        else:
            sections[current]["paragraphs"].append(block)
    return sections


def parse_sections(text: str) -> dict[str, dict[str, int]]:
    """heading -> number of paragraphs and list items under it (until the next heading)."""
    return {
        heading: {kind: len(found) for kind, found in places.items()} for heading, places in parse_places(text).items()
    }


@pytest.fixture(scope="module")
def document() -> tuple[str, dict[str, dict[str, int]]]:
    assert DOC is not None
    text = DOC.read_text(encoding="utf-8")
    return text, parse_sections(text)


@pytest.fixture(scope="module")
def index() -> dict[str, Any]:
    loaded: dict[str, Any] = yamltext.load(INDEX_FILE.read_text(encoding="utf-8"))
    return loaded


def test_every_heading_in_the_index_is_in_the_document(document, index):
    _, sections = document
    for section in index["sections"].values():
        assert section["heading"] in sections
        if "parent" in section:
            assert section["parent"] in sections


def test_paragraph_and_point_counts_match_the_document(document, index):
    _, sections = document
    for section_id, section in index["sections"].items():
        found = sections[section["heading"]]
        assert len(section.get("paragraphs", {})) == found["paragraphs"], section_id
        assert len(section.get("points", {})) == found["points"], section_id


def test_every_section_of_the_document_with_content_is_indexed(document, index):
    _, sections = document
    indexed = {s["heading"] for s in index["sections"].values()}
    with_content = {h for h, c in sections.items() if c["paragraphs"] or c["points"]}
    assert with_content <= indexed


def test_law_references_appear_in_their_section(document, index):
    text, _ = document
    for section in index["sections"].values():
        for law in section.get("laws", []):
            start = text.index(section["heading"])
            assert law in text[start:]


def test_every_quote_is_the_documents_exact_text(document, index):
    text, _ = document
    places = parse_places(text)
    for section_id, section in index["sections"].items():
        found = places[section["heading"]]
        for kind in ("paragraphs", "points"):
            for number, place in section.get(kind, {}).items():
                where = f"{section_id} {kind} {number}"
                assert place["quote"] in text, where  # verbatim, character for character
                assert place["quote"] == found[kind][int(number) - 1], where  # and it is the whole place


def test_labels_are_not_passed_off_as_quotes(index):
    for section in index["sections"].values():
        for kind in ("paragraphs", "points"):
            for place in section.get(kind, {}).values():
                assert place["label"] != place["quote"]


def test_the_source_of_the_guidance_is_recorded(document, index):
    text, _ = document
    source = index["document"]
    assert source["title"] in text
    assert source["publisher"] == "Nationella rådet för finansiell samordning"
    assert source["adopted"] == "2016-04-28"
    # We do not know the address of the document itself: only the publisher's site,
    # and the index says so.
    assert source["address"] == "https://www.finsam.se" and source["address_is"] == "publisher_site"


def test_the_law_is_a_companion_source_and_2_is_not_shown_as_a_quote(document, index):
    text, _ = document
    law = index["law"]
    assert law["title"].startswith("Lag (2003:1210)") and law["address_is"] in ("document", "publisher_site")
    assert "lagen (2003:1210)" in text  # the guidance names the law it builds on
    named = {key for key, entry in index["laws"].items() if entry["named_in_guidance"]}
    assert named == {"7 §"} and "7 § i Finsamlagen" in text
    target_group = index["laws"]["2 §"]
    assert target_group["named_in_guidance"] is False
    # We have no checked copy of the law's current text, so 2 § is our own wording, marked so.
    assert target_group["paraphrase"] is True and target_group["text"]

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
import yaml

from asf.guidance.loader import INDEX_FILE

ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = [os.environ.get("GUIDANCE_DOC", ""), str(ROOT.parent / "shared" / "guidance" / "vagledning-asf.md")]
DOC = next((Path(p) for p in CANDIDATES if p and Path(p).is_file()), None)

pytestmark = pytest.mark.skipif(DOC is None, reason="the guidance document was not found (set GUIDANCE_DOC)")


def parse_sections(text: str) -> dict[str, dict[str, int]]:
    """heading -> number of paragraphs and list items under it (until the next heading)."""
    sections: dict[str, dict[str, int]] = {}
    current = None
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block:
            continue
        if block.startswith("#"):
            current = re.sub(r"[#*]", "", block).strip()
            sections[current] = {"paragraphs": 0, "points": 0}
            continue
        assert current is not None
        items = [line for line in block.splitlines() if line.lstrip().startswith("- ")]
        if items:
            sections[current]["points"] += len(items)
        else:
            sections[current]["paragraphs"] += 1
    return sections


@pytest.fixture(scope="module")
def document() -> tuple[str, dict[str, dict[str, int]]]:
    assert DOC is not None
    text = DOC.read_text(encoding="utf-8")
    return text, parse_sections(text)


@pytest.fixture(scope="module")
def index() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(INDEX_FILE.read_text(encoding="utf-8"))
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

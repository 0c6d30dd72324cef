"""The guidance page (asf/guidance/page.py) and the citations that link to it: every
place the tree can cite is on the page with its exact text and an anchor, and every
citation in a result carries that text and a link to that anchor."""

from __future__ import annotations

import dataclasses
import itertools
from html.parser import HTMLParser
from typing import Any

import pytest

from asf.guidance import page
from asf.guidance.engine import walk
from asf.guidance.explain import result_payload
from asf.guidance.model import Citation, Tree, anchor
from tests.unit.test_engine import CASES


class Page(HTMLParser):
    """The page's text per element id, its headings, and its lang."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.text_of: dict[str, str] = {}
        self.headings: list[tuple[str, str]] = []
        self._open: list[tuple[str, str | None]] = []  # (tag, id)
        self._heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang")
        if tag in {"meta", "link", "br"}:
            return
        ident = found.get("id")
        if ident is not None:
            assert ident not in self.text_of, f"two elements with id {ident}"
            self.text_of[ident] = ""
        if tag in {"h1", "h2", "h3", "h4"}:
            self.headings.append((tag, ""))
        self._open.append((tag, ident))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, ident in self._open:
            if ident is not None:
                self.text_of[ident] += data
        if self.headings and any(t == self.headings[-1][0] for t, _ in self._open):
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)


@pytest.fixture(scope="module")
def parsed(tree: Tree) -> Page:
    parser = Page()
    parser.feed(page.html(tree.index))
    return parser


def every_key(tree: Tree) -> set[str]:
    """Every citation the tree makes, in questions, options and outcomes."""
    cites: list[Citation] = []
    for question in tree.questions.values():
        cites += question.cites
        for option in question.options:
            cites += option.cites
    for outcome in tree.outcomes.values():
        cites += outcome.cites
        for statement in (*outcome.reasons, *outcome.conditions):
            cites += statement.cites
    return {cite.key for cite in cites}


def test_the_page_has_every_quote_verbatim_under_its_own_anchor(tree: Tree, parsed: Page):
    places = 0
    for section in tree.index.sections.values():
        for kind, found in (("stycke", section.paragraphs), ("punkt", section.points)):
            for number, place in found.items():
                ident = anchor(f"{section.id}/{kind}-{number}")
                assert ident in parsed.text_of, f"no anchor {ident}"
                assert place.quote in parsed.text_of[ident], ident
                places += 1
    assert places == 23  # the guidance's 8 paragraphs and 15 list items


def test_the_page_has_an_anchor_for_every_key_the_tree_cites(tree: Tree, parsed: Page):
    keys = every_key(tree) | {cite.key for cite in page.citations(tree.index)}
    assert {"undvik/punkt-2", "lag/7 §", "lag/2 §", "inledning/stycke-3"} <= keys
    missing = sorted(key for key in keys if anchor(key) not in parsed.text_of)
    assert missing == []


def test_the_law_paragraphs_are_on_the_page_and_a_paraphrase_is_not_shown_as_a_quote(tree: Tree, parsed: Page):
    law = tree.index.laws["2 §"]
    assert law.paraphrase and law.text
    assert law.name in parsed.text_of["lag-2"]
    assert f"Vår sammanfattning, inte lagens ordalydelse: {law.text}" in parsed.text_of["lag-2"]
    assert f"<blockquote><p>{law.text}" not in page.html(tree.index)
    assert "Individriktade insatser" in parsed.text_of["lag-7"]  # where the guidance names 7 §


def test_the_page_is_swedish_with_one_h1_headings_in_order_and_the_source(tree: Tree, parsed: Page):
    assert parsed.lang == "sv"
    levels = [int(tag[1]) for tag, _ in parsed.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels  # no skipped level
    texts = [text for _, text in parsed.headings]
    for section in tree.index.sections.values():
        assert section.heading in texts
    html = page.html(tree.index)
    source = tree.index.source
    for fact in (source.title, source.publisher, source.adopted or "", f'href="{source.address}"'):
        assert fact in html
    assert "citerade ordagrant" in html


def test_text_from_the_index_is_escaped(tree: Tree):
    section = next(iter(tree.index.sections.values()))
    number = next(iter(section.paragraphs))
    tampered = {number: type(section.paragraphs[number])(label="x", quote="<script>alert(1)</script> & mer")}
    index = dataclasses.replace(tree.index, sections={section.id: dataclasses.replace(section, paragraphs=tampered)})
    html = page.html(index)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer" in html


@pytest.mark.parametrize(
    "key,expected",
    [("undvik/punkt-2", "undvik-punkt-2"), ("lag/7 §", "lag-7"), ("inledning/stycke-3", "inledning-stycke-3")],
)
def test_anchors(key: str, expected: str):
    assert anchor(key) == expected


def payload_cites(payload: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(payload["cites"]) + [c for step in payload["path"] for c in step["cites"]]
    found += [c for s in (*payload["reasons"], *payload["conditions"]) for c in s["cites"]]
    return found


@pytest.mark.parametrize("answers", [case[0] for case in CASES], ids=[case[1] for case in CASES])
def test_every_citation_in_a_result_carries_its_quote_and_its_link(tree: Tree, answers: dict[str, str], parsed: Page):
    payload = result_payload(tree, walk(tree, answers), guidance_url="https://intra.example/vagledning.html")
    for cite in payload_cites(payload):
        base, _, fragment = cite["url"].partition("#")
        assert base == "https://intra.example/vagledning.html"
        assert fragment == anchor(cite["key"]) and fragment in parsed.text_of
        if cite["key"].startswith("lag/"):
            assert cite["quote"] is None  # the index holds no checked wording of the law
        else:
            assert cite["quote"] and cite["quote"] in parsed.text_of[fragment]


def test_the_guidance_address_comes_from_the_environment(tree: Tree, monkeypatch: pytest.MonkeyPatch):
    answers = CASES[3][0]
    monkeypatch.delenv("ASF_GUIDANCE_URL", raising=False)
    assert result_payload(tree, walk(tree, answers))["cites"][0]["url"].startswith("/vagledning.html#")
    monkeypatch.setenv("ASF_GUIDANCE_URL", "https://asf.intranat.example/vagledning.html")
    assert result_payload(tree, walk(tree, answers))["cites"][0]["url"].startswith(
        "https://asf.intranat.example/vagledning.html#"
    )


def test_the_page_server_serves_the_guidance_page_and_still_nothing_else():
    from scripts.web_server import resolve

    found = resolve("/vagledning.html", "http://127.0.0.1:5999")
    assert found is not None
    content_type, body = found
    assert content_type == "text/html; charset=utf-8"
    text = body.decode("utf-8")
    assert '<html lang="sv">' in text and 'id="undvik-punkt-2"' in text
    assert resolve("/vagledning.htm", "http://127.0.0.1:5999") is None
    assert resolve("/../content/guidance_index.yml", "http://127.0.0.1:5999") is None

"""A business named by its name reads as "företaget", with the name's own words in the quote."""

from __future__ import annotations

import pytest

from asf.guidance import swedish
from asf.guidance.model import Tree
from asf.guidance.understanding import read_description


def companies(text: str) -> list[str]:
    """The stretches of `text` read as "företaget"."""
    return [text[t.start : t.end] for t in swedish.tokens(text) if t.word == "foretaget"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Kan vi betala en redovisningsbyrå åt Kafé Solrosen?", ["Kafé Solrosen"]),
        ("Deltagarna är på Snickeriet Hyveln i Tuna.", ["Snickeriet Hyveln i Tuna"]),  # the place may go with it
        ("Vi vill stötta Cykelkällaren ASF.", ["Cykelkällaren ASF"]),
        ("Städglans i Norr AB har det svårt.", ["Städglans i Norr AB"]),
        ("Bageriet Degen ek. för. söker pengar.", ["Bageriet Degen ek. för"]),
        ("Odlarna ekonomisk förening tar emot tre.", ["Odlarna ekonomisk förening"]),
        ("De är på Second Hand Vågen. Vågen vill växa.", ["Second Hand Vågen", "Vågen"]),
    ],
)
def test_a_named_business_is_one_word_for_the_company(text: str, names: list[str]):
    assert companies(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Vi vill ha en föreläsning i Västra Götaland om sociala företag.",  # a place, not a business
        "AF och FK köper platser på kaféet.",  # the parties
        "Tvätteriet i Ås tar emot deltagare.",  # a kind of business and a place: no name
        "De arbetstränar på kaféet? AF står för insatsen.",  # a name never reaches into the next sentence
        "Hur mycket kan ett ASF få?",  # "ASF" alone names no business
    ],
)
def test_capitals_alone_name_no_business(text: str):
    assert companies(text) == []


def test_money_to_a_named_business_is_support_to_the_company(tree: Tree):
    facts = read_description(tree, "Kan vi ge Städbolaget Glans AB 40 000 kr till en ny bil?").facts
    assert {q: f.option for q, f in facts.items()} == {"vem": "foretaget", "stod_till_foretag": "pengar"}
    assert "Städbolaget Glans AB" in facts["stod_till_foretag"].evidence  # the quote is the user's own words


def test_what_a_company_gets_is_for_the_company_when_no_participants_are_named(tree: Tree):
    """Read before as "what participants get: money, things or a service to the company where they are"."""
    for text in (
        "Kan förbundet stå för hyran för lokalen där Bageriet Degen håller till?",
        "kan vi ta hyran för asf:ets lokal",
    ):
        facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
        assert facts == {"vem": "foretaget", "stod_till_foretag": "in_natura"}, text


def test_participants_named_keep_who_it_is_for(tree: Tree):
    text = "Deltagarna på Bageriet Degen behöver nya datorer. Kan förbundet köpa in dem till bageriet?"
    facts = read_description(tree, text).facts
    assert facts["vem"].option == "deltagare"
    assert "stod_till_foretag" not in facts

"""A writer at a party: "vi" and "oss" name that party, not the förbund."""

from __future__ import annotations

import pytest

from asf.guidance import writer
from asf.guidance.model import Tree
from asf.guidance.understanding import read_description


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Hej, vi på Försäkringskassan funderar på en sak.", "forsakringskassan"),
        ("Jag arbetar på soc och undrar om", "kommunen"),
        ("jag ar handlaggare i regionen", "regionen"),
        ("AF-handläggare här. Vi vill", "arbetsformedlingen"),
        ("Kommunen har deltagare på kaféet.", None),  # "har" is not "här."
        ("Vi på förbundet vill, tillsammans med AF,", None),  # the writer is at the förbund
        ("Vi i kommunen och jag på AF", None),  # two parties: who "vi" is stays open
        ("Vi vill köpa platser via kommunen.", None),
    ],
)
def test_the_writers_party_is_what_they_say_they_work_at(text: str, party: str | None):
    assert writer.writers_party(text) == party


def test_we_at_a_party_procure_and_the_money_goes_via_us(tree: Tree):
    text = (
        "Jag är handläggare på Försäkringskassan. När vi köper arbetsträning på Kafé Linden för sjukskrivna "
        "vill vi att betalningen går via oss."
    )
    facts = read_description(tree, text).facts
    assert facts["utforare"].option == "forsakringskassan"
    assert facts["pengavag"].option == "via_part"
    assert "oss" in facts["pengavag"].evidence  # the user's own words


def test_we_are_the_förbund_when_the_writer_names_no_party(tree: Tree):
    facts = read_description(tree, "Vi vill köpa arbetsträning på Kafé Linden för sjukskrivna.").facts
    assert facts.get("utforare") is None or facts["utforare"].option == "forbundet"


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen har, precis som AF, deltagare där.",  # "har," is "has", not "här."
        "Jag jobbar på kommunen men skriver för förbundets räkning.",
    ],
)
def test_no_party_is_the_writers_where_the_text_says_otherwise(text: str):
    assert writer.writers_party(text) is None


def test_we_who_give_a_grant_or_are_several_parties_stay_as_written(tree: Tree):
    facts = read_description(tree, "Jag jobbar på AF. Vi vill ge företaget 50 000 kr.").facts
    assert facts["stod_till_foretag"].option == "pengar"  # "vi ~ ge företaget ~ kr" still reads
    text = "Jag jobbar på kommunen. Vi parter vill tillsammans köpa arbetsträning på ett socialt företag."
    assert read_description(tree, text).facts["utforare"].option == "flera_parter"


def test_we_who_would_buy_and_a_party_here_written_in_full(tree: Tree):
    facts = read_description(tree, "Jag jobbar på AF. Vi skulle vilja köpa arbetsträningsplatser på Kafé Linden.").facts
    assert facts["utforare"].option == "arbetsformedlingen"
    assert writer.writers_party("Försäkringskassan-handläggare här, vi köper platser.") == "forsakringskassan"

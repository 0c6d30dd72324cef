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

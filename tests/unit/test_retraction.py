"""What a writer takes back as they write (asf/guidance/retraction.py)."""

from __future__ import annotations

import pytest

from asf.guidance import retraction


def test_the_line_before_a_correction_opening_a_line_is_taken_back():
    text = "deltagare ska jobba på Bageriet Degen\nförbundet fakturerar direkt\näh nej förlåt, AF tar fakturan"
    kept = retraction.without_what_was_taken_back(text)
    assert "direkt" not in kept and "förlåt" not in kept
    assert "deltagare ska jobba på Bageriet Degen" in kept and "AF tar fakturan" in kept
    assert len(kept) == len(text)  # offsets, and so quotes, stay the writer's own


def test_the_clause_before_a_correction_in_a_line_is_taken_back():
    text = "Kommunen köper platser och förbundet betalar kaféet, nej vänta, förbundet betalar kommunen"
    kept = retraction.without_what_was_taken_back(text)
    assert kept.startswith("Kommunen köper platser och ") and "kaféet" not in kept
    assert kept.endswith("förbundet betalar kommunen")


@pytest.mark.parametrize(
    "text",
    ["Regionen köper platserna.\nNej, inte AF.", "nej, vi köper inga platser, förbundet ger ett bidrag"],
)
def test_a_no_that_denies_takes_nothing_back(text: str):
    assert retraction.without_what_was_taken_back(text) == text


@pytest.mark.parametrize(
    ("text", "settled"),
    [
        ("hos kaféet\nnej, regionen anställer honom", "regionen anställer honom"),
        ("direkt, eller nej, förlåt, via kommunen", "via kommunen"),
        ("nej\nvänta jo, de har stöd från flera håll", "jo, de har stöd från flera håll"),
    ],
)
def test_a_typed_answer_is_what_follows_the_last_correction(text: str, settled: str):
    assert retraction.after_the_last(text) == settled


def test_an_answer_opening_with_a_correction_has_none_after_words():
    assert retraction.after_the_last("nej vänta, det är kommunen") is None

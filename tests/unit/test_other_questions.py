"""Questions that are not about financing an initiative get an honest answer (content/other_questions.yml)."""

from __future__ import annotations

import pytest

from asf import other_questions


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Kan vi lämna ut deltagarnas diagnoser till arbetsplatsen?", "personuppgifter"),
        ("Hur många procent av budgeten får läggas på det här området?", "budget"),
        ("Vilket försäkringsskydd har en deltagare om hen skadar sig på kooperativet?", "ersattning_och_forsakring"),
        ("Får förbundet köpa fika till sitt styrelsemöte från ett socialt kafé?", "egna_inkop"),
        ("När antogs vägledningen?", "vagledningen"),
        ("Vem har egentligen beslutat vägledningen?", "vagledningen"),
        ("Går det bra att ange deltagarens namn här?", "personuppgifter"),
        ("Får jag skriva namnen på deltagarna i chatten?", "personuppgifter"),
        ("Behöver vi tänka på sociala företag när vi köper skrivare till kansliet?", "egna_inkop"),
        ("Är det här samtalet en allmän handling?", "chatten"),
    ],
)
def test_a_question_about_another_topic_is_recognised(text: str, topic: str | None):
    found = other_questions.recognise(text)
    assert (found.id if found else None) == topic


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen vill köpa arbetsträningsplatser på ett socialt kafé, budget 200 000 kr",  # not a question
        "Försäkringskassan köper platser åt sjukskrivna och förbundet betalar via Försäkringskassan",
        "Får vi inte ta upp budgeten här?",  # negated: not a budget question
        "Kan vi anställa en samordnare till kansliet som sprider kunskap om ASF?",
        # Försäkringskassan is a party, and its "försäkrade" are participants: not an insurance question.
        "Kan Försäkringskassan köpa platser på ett ASF?",
        "Får FK köpa arbetsträning på kooperativet åt sina försäkrade och vi betalar via FK?",
    ],
)
def test_initiatives_and_negated_words_are_not_taken_for_another_topic(text: str):
    assert other_questions.recognise(text) is None


def test_every_answer_names_whom_to_ask_or_what_the_guidance_says():
    for topic in other_questions.topics():
        assert topic.words and topic.answer.endswith(".")
        assert "Fråga" in topic.answer or "Vägledningen" in topic.answer, topic.id

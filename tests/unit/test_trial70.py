"""What trial 70 found misread or mishandled, each held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import (
    ActionAnswer,
    ActionDescribeInitiative,
    ActionRequestMemo,
    ActionShowResult,
    ActionStartAssessment,
)
from tests.unit.test_dialogue_corrections import Conversation, said
from tests.unit.test_trial61 import COORDINATOR, PLACES_VIA_THE_KOMMUN, assessed


def test_paying_over_the_price_to_support_the_company_is_support_not_an_own_purchase():
    talk = assessed(
        "Ett seminarium om sociala företag för parternas handläggare. Lokal och fika köper vi av Kafé Tranan, ett "
        "socialt företag, till vanligt pris."
    )
    assert talk.slots["current_question"] is None
    reply = said(
        talk.send(ActionAnswer(), "Och om vi betalar en bit över ordinarie pris för fikat, för att stötta kaféet?")
    )
    assert "egna inköp" not in reply and "bör inte finansiera" in reply


def test_the_memo_of_an_earlier_assessment_named_by_what_it_was():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    first_id = talk.slots["last_result"]["id"]
    talk.send(
        ActionDescribeInitiative(), "En sak till: kan förbundet bli medlem i Skoopi?", intent="describe_initiative"
    )
    talk.send(ActionAnswer(), "ja", intent="affirm")
    assert talk.slots["last_result"]["answers"].get("medlem_vem") == "forbundet"
    for text in (
        "kan jag få beslutsunderlaget för arbetsträningen på snickeriet, det var det jag skulle skicka",
        "jag vill ha beslutsunderlaget för den första insatsen",
    ):
        reply = said(talk.send(ActionRequestMemo(), text, intent="request_memo"))
        assert talk.slots["last_result"]["id"] == first_id, text
        assert "Då gäller din tidigare bedömning igen" in reply or "# Beslutsunderlag" in reply
        assert "# Beslutsunderlag: Insats för deltagare genom en part" in reply, text
        talk.send(ActionDescribeInitiative(), "Och kan förbundet bli medlem i Skoopi?", intent="describe_initiative")
        talk.send(ActionAnswer(), "ja", intent="affirm")


def test_a_question_mid_assessment_heard_as_show_the_result_is_read_at_the_open_question():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    for question, choice in (("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande")):
        talk.click(question, choice)
    talk.click("utforare", "kommunen")
    assert talk.slots["current_question"] == "pengavag"
    text = "vad är skillnaden egentligen? kan inte förbundet bara betala fakturan direkt till företaget?"
    reply = said(talk.send(ActionShowResult(), text, intent="show_result"))
    assert "ingen bedömning ännu" not in reply and talk.slots["current_question"] == "pengavag"
    assert "pengavag" not in talk.slots["answers"]  # a question back, not the answer "direkt"


def test_the_law_asked_for_word_for_word_gets_where_to_take_it_from():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    reply = said(talk.send(ActionAnswer(), "Hur lyder 7 § ordagrant? Jag vill citera paragrafen i revisionsrapporten."))
    assert "Jag återger inte lagens text" in reply and "SFS 2003:1210" in reply
    assert "krävas tillbaka" not in reply


def test_paying_in_advance_for_the_companys_liquidity_is_answered_and_the_assessment_kept():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    kept = dict(talk.slots["answers"])
    reply = said(
        talk.send(
            ActionAnswer(), "får kommunen betala hela årets platser i förskott så att snickeriet klarar likviditeten?"
        )
    )
    assert "Vägledningen säger inget om när eller hur parten betalar företaget" in reply
    assert talk.slots["answers"] == kept and talk.slots["current_question"] is None


def test_a_trainer_asking_to_use_the_assistant_for_exercises_gets_the_help_with_the_training_mode():
    talk = Conversation()
    text = "Hej! Nästa vecka utbildar jag nya handläggare på AF om finsam. Kan jag använda dig för övningar?"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert "Så här uppfattar jag insatsen" not in said(sent) and "övningsläge" in said(sent)
    assert any(b["title"] == "Övningsläge" for m in sent for b in m.get("buttons") or [])


def test_not_wanting_to_assess_but_asking_for_the_training_mode_starts_it():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "parter_och_aktorer")
    reply = said(
        talk.send(ActionAnswer(), "nej, jag vill inte bedöma något just nu, finns det ett övningsläge?", intent="deny")
    )
    assert "Fall 1 av" in reply and talk.slots["current_question"] is None


def test_saying_it_is_a_new_question_at_an_open_question_records_no_no():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    assert talk.slots["current_question"] == "malgrupp"
    text = (
        "Nej, det här är en helt ny fråga, inte den förra. Förbundets kansli vill köpa städning av kontoret från ett "
        "socialt företag, ett vanligt avtal till marknadspris."
    )
    reply = said(talk.send(ActionAnswer(), text, intent="deny"))
    assert "malgrupp" not in (talk.slots["answers"] or {}) and "målgrupp: Förbundet bör inte" not in reply
    assert "Hör deltagarna till Finsams målgrupp" not in reply


def test_the_memo_of_an_earlier_assessment_named_by_one_word_of_its_answers():
    for action, intent in ((ActionRequestMemo, "request_memo"), (ActionAnswer, "inform")):
        talk = assessed(COORDINATOR)
        talk.send(
            ActionDescribeInitiative(), "En annan sak: kan förbundet bli medlem i Skoopi?", intent="describe_initiative"
        )
        talk.send(ActionAnswer(), "ja", intent="affirm")
        text = "Kan vi gå tillbaka till samordnaren? Jag behöver beslutsunderlaget för den, inte för medlemskapet."
        reply = said(talk.send(action(), text, intent=intent))
        assert talk.slots["last_result"]["answers"]["strukturell_typ"] == "samordnare", intent
        assert "# Beslutsunderlag: Kunskaps- eller samverkansinsats" in reply, intent

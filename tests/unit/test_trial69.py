"""What trial 69 found misread or mishandled, each held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import (
    ActionAnswer,
    ActionBack,
    ActionDescribeInitiative,
    ActionFallback,
    ActionStartAssessment,
    ActionWhy,
)
from asf import dialogue, messages
from tests.unit.test_dialogue_corrections import Conversation, said
from tests.unit.test_trial61 import PLACES_VIA_THE_KOMMUN, assessed


def test_tillbaka_that_is_no_step_back_keeps_every_answer():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    kept = dict(talk.slots["answers"])
    reply = said(
        talk.send(
            ActionBack(), "Utbetalningen är redan gjord. Borde förbundet kräva tillbaka pengarna?", intent="go_back"
        )
    )
    assert talk.slots["answers"] == kept and "revisorer" in reply
    reply = said(
        talk.send(
            ActionBack(),
            "Jag ville inte backa eller gå tillbaka. Min fråga är om förbundet måste återkräva beloppet.",
            intent="go_back",
        )
    )
    assert talk.slots["answers"] == kept and "revisorer" in reply
    talk.send(ActionBack(), "ok, då går vi tillbaka till arbetsträningen på snickeriet", intent="go_back")
    assert talk.slots["answers"] == kept


def test_a_plain_step_back_still_steps_back():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    assert talk.slots["current_question"] == "malgrupp"
    talk.send(ActionBack(), "gå tillbaka till förra frågan", intent="go_back")
    assert talk.slots["current_question"] == "vem"
    talk.click("vem", "deltagare")
    talk.send(ActionBack(), "tillbaka", intent="go_back")
    assert talk.slots["current_question"] == "vem"


MAPPING = (
    "Förbundet vill bekosta en kartläggning av behovet av sociala företag i länet, som en konsult gör åt kansliet."
)


def test_yes_to_a_single_did_you_mean_records_it():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "parter_och_aktorer")
    talk.click("strukturell_typ", "annan_kunskap")
    reply = said(talk.send(ActionAnswer(), "konsulten, som kansliet köper in"))
    assert "Menar du ”Förbundet eller parterna" in reply and "mottagare" not in talk.slots["answers"]
    talk.send(ActionAnswer(), "ja", intent="affirm")
    assert talk.slots["answers"]["mottagare"] == "egen_verksamhet"


def test_a_what_if_that_pays_rent_for_the_companys_premises_is_tried_and_not_already_in():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "parter_och_aktorer")
    talk.click("strukturell_typ", "annan_kunskap")
    talk.click("mottagare", "egen_verksamhet")
    assert talk.slots["current_question"] is None
    reply = said(
        talk.send(ActionAnswer(), "och om vi tar hyran ett år för en lokal som det nya kooperativet ska använda?")
    )
    assert "ingår det redan" not in reply and "bör inte finansiera" in reply
    assert talk.slots["answers"]["stod_till_foretag"] == "in_natura"


def test_a_company_asking_to_apply_for_money_from_the_forbund_gets_the_answer():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    reply = said(
        talk.send(
            ActionFallback(), "men kan vi som företag alls söka pengar direkt från förbundet?", intent="out_of_scope"
        )
    )
    assert "förstod jag inte" not in reply and "vända sig till en av parterna" in reply


def test_an_introduction_that_ends_asking_what_the_assistant_can_do_gets_the_help():
    talk = Conversation()
    text = "Hej! Jag håller i en utbildning för kommunens handläggare i morgon och tänkte visa dig. Vad kan du göra?"
    reply = said(talk.send(ActionDescribeInitiative(), text, intent="describe_initiative"))
    assert "Så här uppfattar jag insatsen" not in reply and talk.slots["current_question"] is None
    assert reply.startswith(messages.text("help.text", privacy_note=dialogue.privacy_note())[:40])


def test_whether_a_company_must_be_registered_as_a_social_enterprise_gets_the_concept():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    text = "en sidofråga: behöver snickeriet vara registrerat som ASF någonstans? det är ett aktiebolag"
    reply = said(talk.send(ActionWhy(), text, intent="ask_why"))
    assert "Vem är insatsen till för" not in reply  # not the reasons for the result
    assert "juridisk" in reply or "företagsform" in reply


def test_none_of_them_typed_under_did_you_mean_shows_every_option():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    talk.click("malgrupp", "ja")
    offered = talk.send(
        ActionAnswer(), "IPS-stöd från en arbetsspecialist på regionen, för jobb på vanliga arbetsplatser"
    )
    assert "Menar du" in said(offered)
    sent = talk.send(ActionAnswer(), "ingen av dem, det sker inte på något socialt företag")
    titles = [b["title"] for m in sent for b in m.get("buttons") or []]
    assert "Något annat" in titles and len(titles) > len([b for m in offered for b in m.get("buttons") or []])


def test_taking_the_next_thing_after_one_at_a_time_starts_its_assessment():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.send(
        ActionDescribeInitiative(),
        "Vi vill anställa en samordnare på halvtid som sprider kunskap om sociala företag till parterna, och "
        "dessutom ordna ett seminarium om sociala företag för parternas chefer.",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), "ja", intent="affirm")
    assert talk.slots["current_question"] == "strukturell_typ"  # the two things it does: one at a time
    talk.send(ActionAnswer(), "båda, de hänger ihop")
    talk.send(ActionAnswer(), "samordnaren först")
    assert talk.slots["answers"]["strukturell_typ"] == "samordnare" and talk.slots["current_question"] is None
    reply = said(talk.send(ActionAnswer(), "Bra. Ska vi då ta seminariet för cheferna?"))
    assert "Din fråga gäller" not in reply and "Så här uppfattar jag insatsen" in reply
    assert "Seminarium" in reply or "seminarium" in reply


def test_an_addition_at_the_summary_that_changes_no_line_is_acknowledged():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    text = "Ett seminarium om sociala företag för parternas handläggare. Förbundet står för lokal och föreläsare."
    first = said(talk.send(ActionDescribeInitiative(), text, intent="describe_initiative"))
    assert "Så här uppfattar jag insatsen" in first
    reply = said(talk.send(ActionAnswer(), "En sak till: seminariet hålls på eftermiddagen i stadshuset."))
    assert reply.startswith("Tack. Jag kunde inte koppla det du lade till") and "Så här uppfattar jag insatsen" in reply


def test_an_argument_against_the_result_gets_its_reasons_with_their_places_in_the_guidance():
    talk = assessed(
        "Förbundet vill bli medlem i ett nätverk för sociala företag i länet, avgiften är 2 000 kr om året."
    )
    assert talk.slots["answers"]["medlem_vem"] == "forbundet"
    reply = said(
        talk.send(ActionWhy(), "Varför inte? Det är ju bara en liten avgift och inget bidrag.", intent="ask_why")
    )
    assert "Skälen, med det i vägledningen som de bygger på" in reply
    assert "punkt 3: ”vara medlem i arbetsintegrerande sociala företag eller i intresseorganisationer”" in reply
    assert "Så här gick det, fråga för fråga" not in reply

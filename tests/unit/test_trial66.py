"""What trial 66 found misread or mishandled, each held here in new wording: through the actions where the failure was
in the dialogue."""

from __future__ import annotations

from actions.actions import ActionAnswer, ActionDescribeInitiative, ActionRequestMemo, ActionWhy
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_description
from tests.unit.test_dialogue_corrections import said
from tests.unit.test_trial61 import MEMBERSHIP, PLACES_VIA_THE_KOMMUN, assessed


def test_the_first_assessment_in_more_words():
    for text in ("ok tack. tillbaka till den första med kommunen", "Återgå till den ursprungliga bedömningen, tack."):
        talk = assessed(PLACES_VIA_THE_KOMMUN)
        talk.send(ActionAnswer(), "och om förbundet betalar snickeriet direkt i stället?")
        talk.send(ActionAnswer(), "använd de nya svaren")
        assert talk.slots["answers"]["pengavag"] == "direkt"
        reply = said(talk.send(ActionAnswer(), text))
        assert talk.slots["answers"]["pengavag"] == "via_part", text
        assert "Vi går tillbaka ett steg" not in reply, text


def test_the_memo_of_the_other_way_asked_for_chooses_it():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(ActionAnswer(), "och om förbundet betalar snickeriet direkt i stället?")
    reply = said(
        talk.send(ActionAnswer(), "kan du göra underlaget för det andra upplägget i stället? chefen vill se det")
    )
    assert talk.slots["answers"]["pengavag"] == "direkt"
    assert "# Beslutsunderlag: Pengar direkt" in reply


def test_an_ordinary_purchase_in_a_knowledge_initiative_is_the_förbunds_own_cost():
    reading = read_description(
        default_tree(),
        "Förbundet köper en samordnartjänst av Kooperativet Linne som sprider kunskap om sociala företag till "
        "parterna, en vanlig upphandling.",
    )
    assert reading.facts["mottagare"].option == "egen_verksamhet"


def test_a_question_on_another_topic_heard_as_a_no_is_answered_not_taken_as_feedback():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    before = dict(talk.slots["answers"])
    reply = said(talk.send(ActionAnswer(), "men loggas det jag skriver här någonstans eller inte?", intent="deny"))
    assert "Samtalet sparas" in reply and "Tack för svaret" not in reply
    assert talk.slots["answers"] == before


def test_two_other_topics_asked_in_one_message_are_both_answered():
    talk = assessed(MEMBERSHIP)
    text = "en annan sak: sparas chatten? och får jag skriva deltagarnas diagnoser här?"
    reply = said(talk.send(ActionRequestMemo(), text, intent="request_memo"))
    assert "Samtalet sparas" in reply and "känsliga personuppgifter" in reply


ANSWERS = {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "utbildning_om_asf", "utforare": "kommunen"}
ANSWERS["pengavag"] = "via_part"


def test_the_first_initiative_as_corrected_is_the_one_brought_back_after_another():
    talk = assessed("Förbundet vill betala en projektledare som hjälper till att starta ett nytt arbetskooperativ.")
    talk.send(ActionAnswer(), "nej det stämmer inte, det är en kurs om sociala företag för deltagarna")
    corrected = dict(talk.slots["answers"])
    while talk.slots["current_question"] is not None:
        question = talk.slots["current_question"]
        talk.click(question, ANSWERS[question])
    corrected = dict(talk.slots["answers"])
    talk.send(
        ActionDescribeInitiative(),
        "En helt annan sak: förbundet vill bli medlem i ett nätverk för ASF.",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), "ja", intent="affirm")
    talk.send(ActionAnswer(), "förbundet självt")
    talk.send(ActionAnswer(), "tillbaka till min första bedömning, den med kooperativet")
    assert talk.slots["answers"] == corrected
    memo = said(talk.send(ActionRequestMemo(), "beslutsunderlaget", intent="request_memo"))
    assert "# Beslutsunderlag: Insats för deltagare genom en part" in memo  # the corrected one's verdict, for the board


SUPERVISOR_AT_THE_REGION = (
    "Vi vill att förbundet finansierar en handledare, anställd hos oss i regionen på halvtid, för patienter i "
    "målgruppen som arbetstränar på ett ASF. Regionen ansvarar, och pengarna går via regionen."
)


def test_a_what_if_with_a_word_ending_after_a_colon_is_tried_not_read_as_a_line():
    talk = assessed(SUPERVISOR_AT_THE_REGION)
    assert talk.slots["answers"]["handledare_anstalld"] == "hos_part"
    what_if = (
        "och om handledaren i stället är anställd på själva ASF:et, och förbundet betalar hennes lön via regionen?"
    )
    reply = said(talk.send(ActionDescribeInitiative(), what_if, intent="describe_initiative"))
    assert "Jag provar med de nya svaren" in reply and "Välj ett nytt svar" not in reply
    assert talk.slots["answers"]["handledare_anstalld"] == "hos_foretaget"
    assert talk.slots["answers"]["vem"] == "deltagare"  # the handledare's employer, not the company's staff


def test_one_handledare_employed_by_a_company_is_no_staff_of_it_to_assess():
    tree = default_tree()
    one = read_description(tree, "Handledaren är anställd på Snickeriet Spånet, ett ASF, och AF köper hennes tid.")
    assert one.facts["vem"].option == "deltagare"
    staff = read_description(tree, "Vi vill ge handledarna som är anställda på kooperativen en kurs i handledarskap.")
    assert staff.facts["vem"].option == "asf_personal"


def test_a_why_after_a_result_naming_the_förbunds_own_staff_gets_the_reasons_not_another_topic():
    talk = assessed("Förbundet vill ge Kafé Kvarnen ett bidrag så att de kan anställa en samordnare för ASF-frågor.")
    assert talk.slots["last_result"]
    text = "varför då? de ska ju göra samma jobb som vår egen samordnare skulle ha gjort"
    reply = said(talk.send(ActionWhy(), text, intent="ask_why"))
    assert "inte om förbundets egna inköp" not in reply and talk.slots["last_result"]
    assert "kontantbidrag" in reply


def test_a_course_about_how_a_social_enterprise_works_is_not_taken_for_the_work_training_of_its_participants():
    reading = read_description(
        default_tree(),
        "Kursen är för våra deltagare i arbetsträning och handlar om hur ett socialt företag fungerar. Kommunen "
        "ordnar den.",
    )
    assert "insats_typ" not in reading.facts  # asked, naming both, where work training was proposed
    assert {fact.option for fact in reading.conflicts["insats_typ"]} == {"arbetsforberedande", "utbildning_om_asf"}


def test_a_confirmed_part_to_avoid_that_leaves_the_route_is_named_beside_the_result():
    talk = assessed(
        "Vi vill att förbundet betalar en projektledare som hjälper våra deltagare att bygga upp ett nytt "
        "arbetskooperativ."
    )
    assert talk.slots["answers"]["stod_till_foretag"] == "starta_utveckla"
    talk.click("vem", "deltagare")
    talk.click("malgrupp", "ja")
    reply = said(talk.click("insats_typ", "annat"))
    assert (
        "Starta, äga eller utveckla ett socialt företag" in reply and "bör förbundet inte finansiera den delen" in reply
    )

"""What trial 65 found misread or mishandled, each held here in new wording: through the actions where the failure was
in the dialogue."""

from __future__ import annotations

from actions.actions import (
    ActionAnswer,
    ActionDescribeInitiative,
    ActionFallback,
    ActionRequestMemo,
    ActionStartAssessment,
)
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_answer, read_description
from tests.unit.test_dialogue_corrections import Conversation, said
from tests.unit.test_trial61 import PLACES_VIA_THE_KOMMUN, assessed

COURSE_FOR_THE_STAFF = "Förbundet vill betala en kurs i ledarskap för arbetsledarna på kooperativet Gröna Gården."
FEE_PAID = "Förbundet betalade i fjol årsavgiften till ett nätverk för sociala företag, ungefär 6 000 kronor."


def test_a_what_if_denying_an_answer_without_naming_another_tries_it_beside_the_assessment():
    talk = assessed(FEE_PAID)
    talk.send(ActionAnswer(), "förbundet är medlem")
    assert talk.slots["answers"]["medlem_vem"] == "forbundet"
    what_if = "Och om det inte hade varit förbundet som stod som medlem, hade det blivit en annan bedömning?"
    reply = said(talk.send(ActionDescribeInitiative(), what_if, intent="describe_initiative"))
    assert "din bedömning står kvar" in reply and talk.slots["current_question"] == "medlem_vem"
    reply = said(talk.send(ActionAnswer(), "regionen"))
    assert "Det här var en prövning" in reply
    memo = said(talk.send(ActionRequestMemo(), "beslutsunderlaget tack", intent="request_memo"))
    assert "Förbundet som medlem" in memo and "inte det du prövade" in memo  # the memo of the assessment, not the trial


def test_a_what_if_with_i_stället_inside_a_phrase_is_read_as_one():
    facts = read_description(
        default_tree(), "Och om regionen i stället hade varit medlem och förbundet ersatt regionen för avgiften?"
    ).facts
    assert facts["medlem_vem"].option == "en_part"


def test_a_question_for_a_figure_in_general_changes_no_answer():
    talk = assessed("Ett kooperativ vill att regionen håller en kurs i bemötande för arbetsledarna på kooperativet.")
    before = dict(talk.slots["answers"])
    for text in (
        "hur många deltagare brukar ett samordningsförbund ha per år?",
        "ok, hur mycket pengar brukar ett förbund lägga på sådant här?",
    ):
        reply = said(talk.send(ActionFallback(), text, intent="nlu_fallback"))
        assert talk.slots["answers"] == before, text
        assert "Jag ändrar svaret" not in reply and "kansliet" in reply, text


def test_a_question_about_a_concept_taken_for_the_memo_gets_the_concept():
    talk = assessed("Kan förbundet ge ett startbidrag på 150 000 kr till ett nytt socialt företag som ska starta?")
    text = "förresten, vad är det som gör att ett företag räknas som ett ASF? står det i någon lag?"
    reply = said(talk.send(ActionRequestMemo(), text, intent="request_memo"))
    assert "Beslutsunderlag" not in reply and "Tillväxtverket" in reply


def test_bonus_as_a_figure_of_speech_is_no_pay_for_the_staff():
    reading = read_description(default_tree(), "främst deltagarna, att personalen är med är mest en bonus")
    assert "asf_personal_stod" not in reading.must_nots and "asf_personal_stod" not in reading.set_aside
    paid = read_description(default_tree(), "Vi vill ge de anställda på kaféet en bonus när någon får jobb.")
    assert paid.facts["asf_personal_stod"].option == "ersattning"


def test_a_course_with_its_subject_before_the_companys_supervisors_is_their_competence_development():
    reading = read_description(
        default_tree(), "Regionen ska hålla en kurs i bemötande och stresshantering för arbetsledarna på Kvarnen ASF."
    )
    assert reading.facts["asf_personal_stod"].option == "kompetensutveckling"


def test_a_company_bought_from_is_a_supplier_not_one_a_service_is_paid_for():
    tree = default_tree()
    reading = read_description(
        tree,
        "Får vi ta fram en digital karta över länets ASF som vem som helst kan använda? "
        "Vi beställer den av en webbyrå.",
    )
    assert reading.facts["vem"].option == "allmanheten" and "stod_till_foretag" not in reading.must_nots
    for_the_company = read_description(tree, "Förbundet köper en ny hemsida av en reklambyrå åt Kafé Solstrålen.")
    assert for_the_company.facts["stod_till_foretag"].option == "tjanst_at_foretaget"


def test_a_doubt_with_words_in_its_gap_still_reaches_the_target_group():
    reading = read_description(
        default_tree(),
        "Kommunen vill ordna arbetsträning på Bageriet för unga vuxna. Vi vet faktiskt inte riktigt än om alla har "
        "behov av samordnad rehabilitering. Kommunen upphandlar och förbundet betalar via kommunen.",
    )
    assert reading.facts["malgrupp"].option == "vet_inte"


def test_participants_a_company_is_to_receive_are_the_purpose_not_whom_it_is_for():
    tree = default_tree()
    course = read_description(
        tree,
        "Vi söker pengar till en utbildningsinsats för arbetsledarna på två sociala företag. De ska lära sig ekonomi "
        "och ledarskap. Syftet är att företagen ska bli stabilare så att de kan ta emot fler deltagare från parterna.",
    )
    assert course.facts["vem"].option == "asf_personal" and "vem" not in course.conflicts
    grant = read_description(
        tree, "Förbundet vill ge Tryckeriet AB ett driftsbidrag så att de orkar ta emot fler av våra deltagare."
    )
    assert grant.facts["vem"].option == "foretaget"


def test_typed_answers_in_words_the_options_lacked():
    tree = default_tree()
    for question, text, option in (
        ("utforare", "ingen part, pengarna skickas direkt från oss till kooperativet", "ingen_part_direkt"),
        ("utforare", "ingen är utsedd än, vi funderar på regionen eller AF", "ingen_an"),
    ):
        assert read_answer(tree.questions[question], text).option.id == option, text  # type: ignore[union-attr]
    # one of two parties not decided on is still asked
    assert read_answer(tree.questions["utforare"], "regionen eller AF, vi har inte bestämt vilken").option is None


def test_the_first_assessment_asked_back_in_other_words_while_feedback_is_asked_for():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(ActionAnswer(), "nej, det är regionen som upphandlar platserna, inte kommunen")
    assert talk.slots["answers"]["utforare"] == "regionen"
    text = "vänta, det var bara en tanke. jag vill ha tillbaka min första bedömning, den med kommunen"
    reply = said(talk.send(ActionAnswer(), text, intent="feedback"))
    assert talk.slots["answers"]["utforare"] == "kommunen" and "Tack" not in reply


def test_the_memo_of_the_first_initiative_asked_for_after_another_gives_it_back_with_its_memo():
    talk = assessed(COURSE_FOR_THE_STAFF)
    talk.send(
        ActionDescribeInitiative(),
        "och om förbundet i stället ordnar en seminariedag om sociala företag för "
        "parternas personal, där förbundet betalar lokal och fika?",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), "ja", intent="affirm")
    talk.send(ActionAnswer(), "förbundet betalar lokal och fika, inget till något företag")
    text = (
        "nej vänta, chefen vill ha underlaget för den första frågan, kursen för arbetsledarna. "
        "kan jag gå tillbaka till den?"
    )
    reply = said(talk.send(ActionDescribeInitiative(), text, intent="describe_initiative"))
    assert talk.slots["answers"]["vem"] == "asf_personal"
    assert "# Beslutsunderlag: Kompetensutveckling" in reply


def test_the_memo_of_my_first_assessment_with_none_before_it_is_the_memo():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    reply = said(talk.send(ActionAnswer(), "kan jag få underlaget för min första bedömning?"))
    assert "# Beslutsunderlag" in reply


PLACES_AND_A_GRANT = (
    "Regionen köper arbetsträningsplatser på tryckeriet åt deltagare i målgruppen och förbundet betalar via regionen. "
    "Förbundet vill också ge tryckeriet ett bidrag till en ny tryckpress."
)


def places_and_a_grant_assessed() -> Conversation:
    talk = assessed(PLACES_AND_A_GRANT)
    talk.click("vem", "deltagare")
    assert talk.slots["current_question"] is None and talk.slots["last_result"]["not_assessed"]  # the grant left out
    return talk


def test_a_part_left_out_struck_in_words_is_gone_from_the_result_and_said_so_in_the_memo():
    for text in ("glöm det där om tryckpressen, det var fel av mig", "nej, det blir inget bidrag till tryckeriet"):
        talk = places_and_a_grant_assessed()
        before = dict(talk.slots["answers"])
        reply = said(talk.send(ActionAnswer(), text))
        assert "Då stryker jag" in reply and "bedömningen gäller inte allt" not in reply, text
        assert talk.slots["answers"] == before, text
        memo = said(talk.send(ActionRequestMemo(), "beslutsunderlaget", intent="request_memo"))
        assert "inte hör till insatsen" in memo and "Den delen ingår inte i bedömningen. Den låter som" not in memo


def test_the_memo_speaks_of_a_part_left_out_without_du():
    talk = places_and_a_grant_assessed()
    memo = said(talk.send(ActionRequestMemo(), "beslutsunderlaget", intent="request_memo"))
    memo_only = memo[memo.index("# Beslutsunderlag") :]
    assert "Beskrivningen nämner också" in memo_only and "Du nämner" not in memo_only
    assert "allt du beskrev" not in memo_only and "det du också nämner" not in memo_only


def test_another_party_as_the_handledares_employer_keeps_the_line_at_the_summary():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.send(
        ActionDescribeInitiative(),
        "Förbundet vill finansiera en handledare för deltagarna på Kafé Lyktan. Handledaren anställs av kommunen.",
        intent="describe_initiative",
    )
    reply = said(talk.send(ActionAnswer(), "nej, en sak är fel: handledaren ska vara anställd hos AF, inte kommunen"))
    assert "Hos en av parterna" in reply and "står kvar" in reply
    talk.send(ActionAnswer(), "ja", intent="affirm")
    assert talk.slots["answers"]["handledare_anstalld"] == "hos_part"
    assert talk.slots["current_question"] != "handledare_anstalld"


def test_an_earlier_assessment_chosen_by_what_it_was_comes_back():
    talk = assessed("Vi på Verkstaden ek för behöver tre nya datorer. Kan samordningsförbundet köpa in dem åt oss?")
    assert talk.slots["answers"]["stod_till_foretag"] == "in_natura"
    talk.send(
        ActionDescribeInitiative(),
        "En annan sak: regionen köper arbetsträningsplatser på Verkstaden åt deltagare i målgruppen, och förbundet "
        "betalar via regionen.",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), "ja", intent="affirm")
    talk.send(ActionAnswer(), "tillbaka till min första bedömning")
    assert talk.slots["answers"]["stod_till_foretag"] == "in_natura"
    reply = said(talk.send(ActionAnswer(), "nej förresten, ta den med regionen som köper platser i stället"))
    assert talk.slots["answers"].get("utforare") == "regionen" and "Jag ändrar svaret" not in reply
    assert talk.slots["current_question"] is None


SUMMARY_CORRECTION = "nej, det är regionen som köper platserna, inte kommunen, och pengarna går via regionen"


def corrected_at_the_summary() -> Conversation:
    """Places described as the municipality's, SUMMARY_CORRECTION typed at the summary, the rest answered."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.send(
        ActionDescribeInitiative(),
        "Kommunen köper arbetsträningsplatser på Bageriet Limpan åt deltagare i målgruppen, via kommunen.",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), SUMMARY_CORRECTION, intent="deny")
    while talk.slots["current_question"] is not None or talk.slots["pending_answers"]:
        if talk.slots["pending_answers"]:
            talk.send(ActionAnswer(), "ja", intent="affirm")
        else:
            question = talk.slots["current_question"]
            talk.click(question, {"malgrupp": "ja", "utforare": "regionen", "pengavag": "via_part"}[question])
    assert talk.slots["answers"]["utforare"] == "regionen"
    return talk


def test_a_correction_of_the_summary_stands_in_the_memo():
    talk = corrected_at_the_summary()
    memo = said(talk.send(ActionRequestMemo(), "beslutsunderlaget", intent="request_memo"))
    assert f"Rättelse av sammanfattningen: {SUMMARY_CORRECTION}" in memo


def test_a_question_back_about_an_answer_is_answered_with_the_guidance_and_not_recorded():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    for question, choice in (("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "utbildning_om_asf")):
        talk.click(question, choice)
    talk.click("utforare", "regionen")
    reply = said(talk.send(ActionAnswer(), "får förbundet betala kursledaren direkt för ett av passen?"))
    assert "pengavag" not in talk.slots["answers"] and talk.slots["current_question"] == "pengavag"
    assert "via den part som har upphandlat" in reply

"""What trial 61 found misread or mishandled, each held here in new wording: through the actions where the failure was
in the dialogue."""

from __future__ import annotations

from actions.actions import ActionAnswer, ActionDescribeInitiative, ActionRequestMemo, ActionStartAssessment
from asf import dialogue, feedback, routing
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_answer, read_description
from asf.turns import Message, State
from tests.unit.test_dialogue_corrections import Conversation, said


def assessed(description: str) -> Conversation:
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.send(ActionDescribeInitiative(), description, intent="describe_initiative")
    talk.send(ActionAnswer(), "ja", intent="affirm")
    return talk


PLACES_VIA_THE_KOMMUN = (
    "Kommunen köper arbetsträningsplatser på snickeriet åt deltagare i målgruppen och förbundet betalar via kommunen."
)
COORDINATOR = "Förbundet vill anställa en samordnare på halvtid som sprider kunskap om sociala företag till parterna."
MEMBERSHIP = "Vi undrar om förbundet kan gå med som medlem i en intresseorganisation för sociala företag."


def regionen_tried() -> Conversation:
    """PLACES_VIA_THE_KOMMUN assessed, then the what-if that the region buys the places, tried beside it."""
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(ActionAnswer(), "och om regionen köper platserna i stället?")
    return talk


def test_a_what_if_naming_a_part_to_avoid_beside_an_answer_off_the_route_tries_that_part():
    for what_if in (
        "och om kommunen tar förbundets pengar och täcker en del av deras lokalhyra med dem, det går ju via en part?",
        "och om kommunen betalar en del av snickeriets lokalhyra med förbundets pengar, via en part alltså?",
    ):
        talk = assessed(PLACES_VIA_THE_KOMMUN)
        reply = said(talk.send(ActionAnswer(), what_if))
        assert "Det ändrar inte bedömningen" not in reply, what_if
        assert "bör inte finansiera" in reply and "Jag provar med de nya svaren" in reply, what_if


def test_a_party_paying_a_membership_with_its_own_money_is_nothing_for_the_förbund_to_finance():
    talk = assessed(MEMBERSHIP)
    for text in (
        "ok. och om regionen går med i stället, med sina egna pengar?",
        "nej förbundet betalar inget då, regionen betalar avgiften själv",
    ):
        reply = said(talk.send(ActionAnswer(), text))
        assert "Betalar förbundet ingenting" in reply, text
        assert "medlem_vem" not in talk.slots["answers"] or talk.slots["answers"]["medlem_vem"] == "forbundet"
    # ... while the förbund paying the party's fee is still tried
    reply = said(talk.send(ActionAnswer(), "om regionen går med och förbundet betalar avgiften?"))
    assert "Jag provar med de nya svaren" in reply


def test_a_question_named_with_its_new_answer_changes_that_question_only():
    talk = assessed(COORDINATOR)
    reply = said(talk.send(ActionAnswer(), "vem som får pengarna, alltså det sociala företaget"))
    assert talk.slots["answers"]["vem"] == "parter_och_aktorer"  # not made an initiative for the company
    assert talk.slots["current_question"] == "mottagare" and "Välj ett nytt svar" in reply


def test_no_participants_at_a_question_about_them_asks_again_the_answer_that_brought_them_in():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "foretaget")
    talk.click("stod_till_foretag", "kopa_tjanster")
    assert talk.slots["current_question"] == "malgrupp"
    text = "nej, det finns inga deltagare alls, förbundet köper en tjänst för sin egen kunskapsspridning"
    reply = said(talk.send(ActionAnswer(), text))
    assert "malgrupp" not in talk.slots["answers"]
    assert talk.slots["current_question"] == "stod_till_foretag" and "Välj ett nytt svar" in reply


def test_staying_with_the_first_assessment_in_other_words_goes_back_to_it():
    talk = regionen_tried()
    assert talk.slots["answers"]["utforare"] == "regionen"
    said(talk.send(ActionAnswer(), "ok vi stannar vid min allra första bedömning"))
    assert talk.slots["answers"]["utforare"] == "kommunen"
    assert talk.slots["current_question"] is None


def test_an_evaluation_of_how_participants_fare_is_a_knowledge_initiative():
    text = "Vi vill göra en uppföljning av hur våra patienter mår av arbetsträningen på kaféet, med enkäter, i ett år."
    facts = read_description(default_tree(), text).facts
    assert facts["strukturell_typ"].option == "annan_kunskap"
    assert "insats_typ" not in facts
    # ... while work training to be evaluated later is still work training
    text = "Regionen köper arbetsträning på kaféet åt deltagare i målgruppen, och förbundet betalar via regionen."
    assert read_description(default_tree(), text).facts["insats_typ"].option == "arbetsforberedande"


def after_a_result() -> State:
    return State(answers={"vem": "parter_och_aktorer"}, last_result={"title": "Kunskapsinsats", "answers": {}})


def test_a_report_used_as_a_basis_is_no_request_for_the_memo():
    talk = assessed(
        "Regionen vill göra en utvärdering av hur deltagare mår av arbetsträning på sociala företag, med enkäter och"
        " intervjuer, och sprida resultatet till parterna. Förbundet betalar regionens egen tid."
    )
    assert talk.slots["last_result"]["verdict"] in ("financeable", "conditional")
    what_if = "och om bara ett kafé, kafé Kvarnen, får rapporten som underlag för att utveckla sin affär?"
    reply = said(talk.send(ActionRequestMemo(), what_if, intent="request_memo"))
    assert "Här är beslutsunderlaget" not in reply
    assert "Jag provar med de nya svaren" in reply or "Vilket svar vill du ändra" in reply  # taken as a what-if
    reply = said(talk.send(ActionRequestMemo(), "kan jag få underlaget?", intent="request_memo"))
    assert "Här är beslutsunderlaget" in reply
    basis = "och om de bara ska ha rapporten som underlag?"
    assert not routing.asks_for_memo(after_a_result(), Message(text=basis, intent="request_memo"))


def test_a_sigh_before_a_request_is_still_a_request():
    assert feedback.reads_as_request("suck. kan jag få beslutsunderlaget")
    assert routing.asks_for_memo(
        after_a_result(), Message(text="hmm ok, kan jag få beslutsunderlaget", intent="inform")
    )
    assert not feedback.reads_as_request("suck, det här var krångligt att förstå för mig")


def test_the_memo_does_not_warn_of_other_people_from_an_answer_typed_to_a_question():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    text = (
        "Ordförande i kooperativet Lövet här. Kan samordningsförbundet bli medlem hos oss? Avgiften är 800 kr per år."
    )
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    talk.send(ActionAnswer(), "ja", intent="affirm")
    assert talk.slots["current_question"] == "vem"
    talk.send(ActionAnswer(), "det skrev jag ju, förbundet självt blir medlem")
    assert talk.slots["answers"]["vem"] == "parter_och_aktorer"
    talk.send(ActionAnswer(), "bli medlem hos oss, som jag skrev")
    memo = said(talk.send(ActionRequestMemo(), "beslutsunderlag", intent="request_memo"))
    assert "Beslutsunderlag" in memo
    assert "för andra än dem beskrivningen nämner" not in memo
    assert dialogue.tree().start in talk.slots["answers"]


def test_asking_that_the_memo_be_of_the_new_answers_chooses_them():
    talk = regionen_tried()
    said(talk.send(ActionAnswer(), "nej jag vill att underlaget gäller det nya, att regionen köper platserna"))
    memo = said(talk.send(ActionRequestMemo(), "beslutsunderlag", intent="request_memo"))
    assert "Regionen ska ansvara för insatsen" in memo
    # ... while "det gäller det nya kaféet" chooses nothing
    assert dialogue._typed_choice(Message(text="det gäller det nya kaféet i stan", intent="inform")) is None


def test_the_first_assessment_replaced_by_another_initiative_can_be_had_back_in_words():
    talk = assessed("Vi vill ge en utbildning i bokföring för de anställda på bageriet. Kan förbundet betala?")
    assert talk.slots["last_result"]["outcome_id"] == "kompetensutveckling_asf"
    talk.send(ActionDescribeInitiative(), PLACES_VIA_THE_KOMMUN, intent="describe_initiative")
    talk.send(ActionAnswer(), "ja", intent="affirm")
    assert talk.slots["last_result"]["verdict"] == "conditional"
    reply = said(talk.send(ActionAnswer(), "kan vi gå tillbaka till min allra första bedömning, den om kursen?"))
    assert "Då gäller din tidigare bedömning igen" in reply
    assert talk.slots["last_result"]["outcome_id"] == "kompetensutveckling_asf"
    assert talk.slots["answers"]["asf_personal_stod"] == "kompetensutveckling"
    memo = said(talk.send(ActionRequestMemo(), "beslutsunderlag", intent="request_memo"))
    assert "utbildning i bokföring" in memo and "Förbundet bör inte finansiera insatsen" in memo
    # ... and the one it replaced is the previous one now
    said(talk.send(ActionAnswer(), "tillbaka till min förra bedömning"))
    assert talk.slots["last_result"]["verdict"] == "conditional"
    assert talk.slots["answers"]["utforare"] == "kommunen"


def test_going_back_with_no_earlier_assessment_starts_nothing_new():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    before = dict(talk.slots["answers"])
    reply = said(talk.send(ActionAnswer(), "tillbaka till min första bedömning"))
    assert talk.slots["answers"] == before and "ingen tidigare bedömning" in reply


def test_the_money_through_us_at_a_party_is_through_that_party():
    question = default_tree().questions["pengavag"]
    assert read_answer(question, "genom oss på kommunen").option.id == "via_part"  # type: ignore[union-attr]
    assert read_answer(question, "genom oss på projektet").option is None  # no party named: asked


DIRECT = (
    "Kommunen köper arbetsträningsplatser på Grönsaksboden åt deltagare i målgruppen, men förbundet betalar fakturan"
    " direkt till Grönsaksboden."
)
CHOSEN_WITH_THE_MEMO = "strunta i det. vi väljer upplägget där pengarna går via kommunen, gör underlaget på det"


def test_a_way_chosen_with_the_memo_in_one_message_gives_the_memo_of_that_way():
    talk = assessed(DIRECT)
    assert talk.slots["answers"]["pengavag"] == "direkt"
    talk.send(ActionAnswer(), "och om pengarna går via kommunen då?")
    reply = said(talk.send(ActionRequestMemo(), CHOSEN_WITH_THE_MEMO, intent="request_memo"))
    assert "Beslutsunderlag: Insats för deltagare genom en part" in reply
    assert talk.slots["answers"]["pengavag"] == "via_part"
    # ... also once the way tried was left: the words change the answer, then the memo follows
    talk = assessed(DIRECT)
    talk.send(ActionAnswer(), "och om pengarna går via kommunen då?")
    talk.send(ActionAnswer(), "tillbaka till min bedömning")
    assert talk.slots["answers"]["pengavag"] == "direkt"
    reply = said(talk.send(ActionRequestMemo(), CHOSEN_WITH_THE_MEMO, intent="request_memo"))
    assert "Beslutsunderlag: Insats för deltagare genom en part" in reply
    assert reply.index("Jag ändrar svaret") < reply.index("Beslutsunderlag:")


def test_a_yes_sentence_after_the_question_back_keeps_the_answer_typed_before_it():
    # Trial 62 (t62-6): "Ja. Det direkta var det verkliga fallet, …" after "Stämmer ”Via Arbetsförmedlingen” ändå?"
    # was recorded as the other answer, which its later words named.
    from tests.unit.test_understanding_dialogue import _FIXED_SUM_CALLED_A_PARTNERSHIP, _at_what_is_done_for_the_company

    talk = _at_what_is_done_for_the_company(_FIXED_SUM_CALLED_A_PARTNERSHIP)
    asked = said(talk.send(ActionAnswer(), "kommunen köper platser där"))
    assert "Innan jag noterar" in asked
    talk.send(ActionAnswer(), "Ja. Den fasta summan var det som gällde förut, nu frågar jag om ett köp.")
    assert talk.slots["answers"]["stod_till_foretag"] == "kopa_tjanster"
    # ... while "ja men …" is no such yes: it is read as an answer again
    talk = _at_what_is_done_for_the_company(_FIXED_SUM_CALLED_A_PARTNERSHIP)
    talk.send(ActionAnswer(), "kommunen köper platser där")
    talk.send(ActionAnswer(), "ja men egentligen får de en fast summa varje år")
    assert talk.slots["answers"].get("stod_till_foretag") != "kopa_tjanster"


def test_questions_about_a_payment_already_made_get_an_honest_answer():
    talk = assessed(
        "Förbundet betalade 300 000 kr till stiftelsen för att starta en butik som ska bli ett socialt företag."
    )
    assert talk.slots["last_result"]["verdict"] == "not_financeable"
    for question in (
        "Betyder det att utbetalningen var olaglig och att pengarna måste krävas tillbaka?",
        "pengarna är redan utbetalda, räcker det med en revisionsanmärkning?",
    ):
        reply = said(talk.send(ActionAnswer(), question))
        assert "det kan jag inte bedöma" in reply and "revisorer" in reply, question
    assert talk.slots["answers"]["stod_till_foretag"] == "starta_utveckla"  # the result stands


def test_more_ways_back_in_words():
    for text in (
        "nej förresten, ta tillbaka den första",
        "underlaget ska gälla första upplägget, kan du gå tillbaka till det?",
        "nej jag menade den allra första, den om kursen",
    ):
        assert dialogue._typed_choice(Message(text=text, intent="inform")) == dialogue.BACK_TO_RECORD, text
    # ... and in the dialogue, after a what-if
    talk = regionen_tried()
    said(talk.send(ActionAnswer(), "nej förresten, ta tillbaka den första"))
    assert talk.slots["answers"]["utforare"] == "kommunen" and talk.slots["current_question"] is None


def test_a_question_named_with_det_blir_and_its_answer():
    talk = assessed(COORDINATOR)
    talk.send(ActionAnswer(), "vem som får pengarna, det blir företaget")
    assert talk.slots["answers"]["vem"] == "parter_och_aktorer"
    assert talk.slots["current_question"] == "mottagare"


def test_a_hypothetical_question_in_the_past_tense_tries_the_way_it_names():
    talk = assessed(
        "Förbundet betalade 300 000 kr till stiftelsen för att starta en butik som ska bli ett socialt företag."
    )
    text = (
        "Hur hade det bedömts om AF i stället hade köpt arbetsträningsplatser i butiken och förbundet betalat via AF?"
    )
    reply = said(talk.send(ActionAnswer(), text))
    assert "Jag provar med de nya svaren" in reply and "Jag ändrar svaret" not in reply
    assert talk.slots["answers"]["utforare"] == "arbetsformedlingen"
    assert talk.slots["last_result"]["tried_from"]["answers"]["stod_till_foretag"] == "starta_utveckla"


def test_the_förbunds_own_purchase_at_what_the_company_gets_asks_whom_it_is_for_again():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "foretaget")
    reply = said(talk.send(ActionAnswer(), "förbundet självt köper en tjänst av dem, en samordnare som jobbar åt oss"))
    assert "förbundets eget köp" in reply and talk.slots["current_question"] == "vem"
    assert "stod_till_foretag" not in (talk.slots["answers"] or {})
    # ... while a party's writer buying places for participants answers the question
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "foretaget")
    reply = said(talk.send(ActionAnswer(), "vi köper platser där åt deltagarna"))
    assert "förbundets eget köp" not in reply and talk.slots["current_question"] != "vem"


def test_money_to_the_participants_company_is_no_line_beside_a_company_it_is_for():
    # Trial 62 (t62-4): "Vem: Ett företag" beside "Vad deltagarna ska få: Pengar … till företaget där deltagarna är".
    facts = read_description(default_tree(), "Kan förbundet stå för hyran för kooperativets lokal i ett år?").facts
    assert facts["vem"].option == "foretaget"
    assert "insats_typ" not in facts and "foretaget_far" not in facts
    # ... while work training a party buys at a company it is for stays
    text = "Hur kan vi hjälpa det sociala företaget? FK köper arbetsträningsplatser av dem och förbundet betalar FK."
    assert read_description(default_tree(), text).facts["insats_typ"].option == "arbetsforberedande"


def test_a_why_heard_as_a_change_is_answered_with_the_reasons():
    from actions.actions import ActionChangeAnswer

    talk = assessed(DIRECT)
    text = "du svarade inte på frågan. men ok. varför är det ett bidrag när kommunen köper platserna?"
    reply = said(talk.send(ActionChangeAnswer(), text, intent="change_answer"))
    assert (
        "Skälen, med det i vägledningen som de bygger på" in reply and "Vilket svar vill du ändra" not in reply
    )  # the reasons (trial 69)


def test_an_earlier_answer_said_to_be_wrong_with_its_new_one_is_changed_at_once():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "foretaget")
    talk.click("stod_till_foretag", "kopa_tjanster")
    text = "nej vänta, felet är tidigare. insatsen riktar sig till parterna, inte till företaget. ändra det svaret"
    reply = said(talk.send(ActionAnswer(), text))
    assert "nu ”Förbundet självt, parternas personal" in reply
    assert (
        talk.slots["answers"] == {"vem": "parter_och_aktorer"} and talk.slots["current_question"] == "strukturell_typ"
    )
    # ... and said wrong without its new answer, asked again
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "foretaget")
    talk.click("stod_till_foretag", "kopa_tjanster")
    said(talk.send(ActionAnswer(), "nej vänta, felet är tidigare, vem insatsen riktar sig till stämmer inte"))
    assert talk.slots["current_question"] == "vem"


def memo_of_the_way_tried(what_if: str) -> str:
    """The memo after a what-if on DIRECT and "använd de nya svaren"."""
    talk = assessed(DIRECT)
    talk.send(ActionAnswer(), what_if)
    talk.send(ActionAnswer(), "använd de nya svaren")
    return said(talk.send(ActionRequestMemo(), "beslutsunderlag", intent="request_memo"))


def test_the_memo_sets_what_was_written_in_the_chat_apart_from_the_description():
    memo = memo_of_the_way_tried("och om pengarna går via kommunen då?")
    insatsen = memo[memo.index("## Insatsen") : memo.index("## Frågor och svar")]
    described = insatsen[: insatsen.index("### Skrivet i samtalet")]
    assert "Grönsaksboden" in described and "och om pengarna går via kommunen" not in described
    assert "- Prövat efter bedömningen: och om pengarna går via kommunen då?" in insatsen
    assert "Bedömningen bygger på svaren under Frågor och svar" in insatsen


def test_membership_of_an_association_named_as_an_interest_organisation_is_no_company_it_is_for():
    facts = read_description(default_tree(), "Förbundet vill gå med i föreningen Skoopi.").facts
    assert facts.get("vem") is None or facts["vem"].option != "foretaget"


# The review of session 40: messages the changes above must leave as they were.

REGION_BUYS = (
    "Regionen köper arbetsträningsplatser på kaféet åt deltagare i målgruppen och förbundet betalar via regionen."
)


def test_asking_for_the_memo_naming_a_party_changes_no_answer():
    for text in (
        "jag vill ha underlaget så jag kan mejla det till AF",
        "vi tar med underlaget till kommunens styrelse på fredag, kan jag få det?",
    ):
        talk = assessed(REGION_BUYS)
        reply = said(talk.send(ActionRequestMemo(), text, intent="request_memo"))
        assert talk.slots["answers"]["utforare"] == "regionen", text
        assert "Här är beslutsunderlaget" in reply and "Jag ändrar svaret" not in reply, text


def test_the_förbund_buying_a_service_for_the_company_is_a_service_to_it():
    for text in ("förbundet köper marknadsföring åt företaget", "förbundet köper in datorer till dem"):
        talk = Conversation()
        talk.send(ActionStartAssessment(), "", intent="start_assessment")
        talk.click("vem", "foretaget")
        reply = said(talk.send(ActionAnswer(), text))
        assert "förbundets eget köp" not in reply and talk.slots["answers"]["vem"] == "foretaget", text


def test_words_going_back_to_an_answer_are_no_way_back_to_an_earlier_assessment():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    reply = said(talk.send(ActionAnswer(), "ändra tillbaka vem som köper till regionen"))
    assert "ingen tidigare bedömning" not in reply and talk.slots["answers"]["utforare"] == "regionen"


def test_the_first_assessment_asked_for_twice_stays_the_first():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(ActionAnswer(), "nej, det är regionen som köper platserna och pengarna går via regionen")
    assert talk.slots["answers"]["utforare"] == "regionen" and talk.slots["current_question"] is None
    said(talk.send(ActionAnswer(), "tillbaka till min allra första bedömning"))
    assert talk.slots["answers"]["utforare"] == "kommunen"
    reply = said(talk.send(ActionAnswer(), "tillbaka till min allra första bedömning"))
    assert talk.slots["answers"]["utforare"] == "kommunen" and "redan den du frågar efter" in reply


def test_no_to_the_target_group_naming_participants_is_still_no():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    talk.send(ActionAnswer(), "arbetsträning på kaféet")
    assert talk.slots["current_question"] == "malgrupp"
    talk.send(ActionAnswer(), "nej, inga deltagare hör till målgruppen")
    assert talk.slots["answers"].get("malgrupp") == "nej"


def test_a_why_after_a_correction_in_the_same_message_leaves_the_correction():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    text = "det är fel, det är regionen som köper platserna. varför trodde du något annat?"
    reply = said(talk.send(ActionAnswer(), text))
    assert "Så här gick det, fråga för fråga" not in reply  # the correction is taken up (here: which answer?)


def test_a_question_naming_an_answer_in_a_what_if_keeps_the_result():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    before = dict(talk.slots["answers"])
    talk.send(ActionAnswer(), "målgruppen, det är långtidsarbetslösa, spelar det någon roll?")
    assert talk.slots["answers"] == before and talk.slots["current_question"] is None


def test_the_förbund_as_member_whoever_pays_is_assessed():
    talk = assessed(MEMBERSHIP)
    reply = said(talk.send(ActionAnswer(), "förbundet blir medlem, men regionen betalar avgiften själv"))
    assert "Betalar förbundet ingenting" not in reply


def test_a_note_of_several_lines_stays_one_line_in_the_memo():
    memo = memo_of_the_way_tried("en fråga till.\noch om pengarna går via kommunen då?")
    described = memo[memo.index("## Insatsen") : memo.index("### Skrivet i samtalet")]
    assert "och om pengarna" not in described


def test_in_the_first_place_counts_only_when_said_of_the_initiative():
    question = default_tree().questions["vem"]
    assert read_answer(question, "så i första hand till företaget").option.id == "foretaget"  # type: ignore[union-attr]
    reading = read_answer(question, "pengarna går i första hand till företaget, men insatsen är för deltagarna")
    assert reading.option is None
    reading = read_answer(question, "inte i första hand deltagarna, utan handledarna på företaget")
    assert reading.option is None or reading.option.id != "deltagare"


def test_the_way_tried_chosen_by_what_it_is_is_chosen():
    # Trial 63 (t63-3, t63-6): "vi väljer …" and "Låt AF-varianten gälla i stället" were new initiatives.
    for text in (
        "vi väljer regionen i stället, det är det vi tar till styrelsen",
        "Låt regionvarianten gälla i stället, där regionen köper platserna",
    ):
        talk = regionen_tried()
        reply = said(talk.send(ActionAnswer(), text))
        assert "ny insats" not in reply, text
        assert talk.slots["answers"]["utforare"] == "regionen" and "tried_from" not in talk.slots["last_result"], text
    # ... while "vi tar …" naming nothing tried chooses nothing
    talk = regionen_tried()
    reply = said(talk.send(ActionAnswer(), "vi tar med det här till styrelsen"))
    assert "Då gäller bedömningen de nya svaren" not in reply


def test_words_that_do_not_choose_the_way_tried_choose_nothing():
    # The second review of session 40: each of these chose the answers tried.
    for text in (
        "vi väljer den första varianten",
        "låt inte regionvarianten gälla",
        "vi väljer regionen men pengarna går direkt till snickeriet",
        "vilka villkor ska gälla om regionen köper platserna?",
        "jag tar det med regionen och återkommer",
    ):
        talk = regionen_tried()
        reply = said(talk.send(ActionAnswer(), text))
        assert "Då gäller bedömningen de nya svaren" not in reply, text
    for text in (
        "ge mig underlaget för min egen bedömning, inte för det nya upplägget",
        "kan jag få underlag för båda?",
    ):
        talk = regionen_tried()
        reply = said(talk.send(ActionRequestMemo(), text, intent="request_memo"))
        assert "Kommunen ska ansvara för insatsen" in reply and "tried_from" in talk.slots["last_result"], text


def test_a_choice_and_the_memo_in_one_message_by_the_answer_chosen():
    talk = regionen_tried()
    reply = said(talk.send(ActionRequestMemo(), "vi väljer regionen, skicka beslutsunderlaget", intent="request_memo"))
    assert "Regionen ska ansvara för insatsen" in reply and "tried_from" not in talk.slots["last_result"]
    # ... and a memo declined after the choice is not sent
    talk = regionen_tried()
    reply = said(talk.send(ActionAnswer(), "använd de nya svaren, men underlaget behöver jag inte just nu"))
    assert "Då gäller bedömningen de nya svaren" in reply and "Här är beslutsunderlaget" not in reply


def test_the_memo_asked_for_the_way_tried_by_its_name_is_of_that_way():
    # Trial 63 (t63-5, t63-1): "ge mig beslutsunderlaget för det nya upplägget med …" got the memo of the assessment,
    # and "vi kör på det första upplägget" was not a way back.
    talk = regionen_tried()
    reply = said(talk.send(ActionRequestMemo(), "ge mig beslutsunderlaget för det nya upplägget med regionen"))
    assert "Regionen ska ansvara för insatsen" in reply and "tried_from" not in talk.slots["last_result"]
    talk = regionen_tried()
    reply = said(talk.send(ActionAnswer(), "nej vi kör på det första upplägget"))
    assert talk.slots["answers"]["utforare"] == "kommunen" and "tried_from" not in talk.slots["last_result"]
    assert "före prövningen" in reply


def test_back_to_the_assessment_while_another_is_under_way_leaves_the_other():
    # Trial 63 (t63-3, t63-6): after a message taken for a new initiative, the way back was lost.
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(ActionDescribeInitiative(), "Förbundet vill ge kooperativet ett bidrag på 50 000 kr.")
    assert talk.slots["pending_answers"]
    reply = said(talk.send(ActionAnswer(), "nej, tillbaka till min förra bedömning"))
    assert "din tidigare bedömning gäller igen" in reply
    assert not talk.slots["pending_answers"] and talk.slots["answers"]["utforare"] == "kommunen"
    assert talk.slots["last_result"]["verdict"] == "conditional" and "Kommunen ska ansvara" in reply


def test_back_while_another_assessment_is_under_way_goes_to_the_last_one_unless_the_first_is_named():
    grant = "Förbundet vill ge kooperativet ett bidrag på 50 000 kr."
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(ActionDescribeInitiative(), COORDINATOR, intent="describe_initiative")
    talk.send(ActionAnswer(), "ja", intent="affirm")
    assert talk.slots["answers"]["vem"] == "parter_och_aktorer"
    talk.send(ActionDescribeInitiative(), grant, intent="describe_initiative")
    said(talk.send(ActionAnswer(), "nej vänta, tillbaka till min bedömning"))
    assert talk.slots["answers"]["vem"] == "parter_och_aktorer"  # the one just shown
    talk.send(ActionDescribeInitiative(), grant, intent="describe_initiative")
    said(talk.send(ActionAnswer(), "nej, tillbaka till min allra första bedömning"))
    assert talk.slots["answers"]["utforare"] == "kommunen"
    said(talk.send(ActionAnswer(), "tillbaka till min förra bedömning"))
    assert talk.slots["answers"]["vem"] == "parter_och_aktorer"  # the last one is kept behind the first


def test_an_answer_naming_the_first_way_in_another_assessment_is_an_answer():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    grant = "Förbundet vill ge kooperativet Måsen ett bidrag på 50 000 kr."
    talk.send(ActionDescribeInitiative(), grant, intent="describe_initiative")
    reply = said(talk.send(ActionAnswer(), "nej, pengarna ska gå via kommunen, som i vårt ursprungliga upplägg"))
    assert "Då lämnar jag den nya bedömningen" not in reply


def test_an_option_whose_noun_the_answer_denies_is_not_recorded():
    # Trial 63 (t63-1): "den är ju inget företag men en förening …" was recorded as "Ett visst företag".
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "parter_och_aktorer")
    talk.click("strukturell_typ", "annan_kunskap")
    text = "pengarna går till intresseorganisationen, den är ju inget företag utan en förening för de sociala företagen"
    talk.send(ActionAnswer(), text)
    assert "mottagare" not in talk.slots["answers"] and talk.slots["current_question"] == "mottagare"


def test_money_for_a_partys_own_working_time_is_its_own_activity():
    # Trial 63 (t63-4): "pengarna går till regionen för vår arbetstid, inte till företaget" after "Nej" read nothing.
    question = default_tree().questions["mottagare"]
    reading = read_answer(question, "pengarna går till regionen för vår arbetstid, inte till företaget")
    assert reading.option is not None and reading.option.id == "egen_verksamhet"


def test_more_words_choosing_the_way_tried():
    # Trial 64: "ok vi tar det nya upplagget" was tried again, "bra vi kor pa det upplagget istallet" not understood,
    # "jag vill att bedomningen ska galla att pengarna gar via AF" taken for a new initiative.
    for text in (
        "ok vi tar det nya upplagget",
        "bra vi kor pa det upplagget istallet",
        "jag vill att bedomningen ska galla att regionen koper platserna",
    ):
        talk = regionen_tried()
        reply = said(talk.send(ActionAnswer(), text))
        assert "Då gäller bedömningen de nya svaren" in reply, text
        assert talk.slots["answers"]["utforare"] == "regionen" and "tried_from" not in talk.slots["last_result"], text


def test_the_staff_and_boards_of_the_companies_are_their_staff():
    # Trial 64 (t64-3): "för personalen och styrelserna på företagen" was offered as a company or the parties' staff.
    question = default_tree().questions["vem"]
    reading = read_answer(question, "Kursen är för personalen och styrelserna på företagen, inte för deltagarna.")
    assert reading.option is not None and reading.option.id == "asf_personal"
    reading = read_answer(question, "för förbundets styrelse")
    assert reading.option is not None and reading.option.id == "parter_och_aktorer"

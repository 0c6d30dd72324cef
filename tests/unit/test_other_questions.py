"""Questions that are not about financing an initiative get an honest answer (content/other_questions.yml)."""

from __future__ import annotations

import pytest

from actions.actions import ActionAnswer, ActionExplainConcept, ActionFallback, ActionStartAssessment
from asf import other_questions
from asf.guidance import learned
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_description
from tests.unit.test_dialogue_corrections import VIA_KOMMUNEN, Conversation, finished, said


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Kan vi lämna ut deltagarnas diagnoser till arbetsplatsen?", "personuppgifter"),
        ("Hur många procent av budgeten får läggas på det här området?", "budget"),
        ("Vilket försäkringsskydd har en deltagare om hen skadar sig på kooperativet?", "ersattning_och_forsakring"),
        ("Får förbundet köpa fika till sitt styrelsemöte från ett socialt kafé?", "egna_inkop"),
        ("När antogs vägledningen?", "vagledningen"),
        ("Vem har egentligen beslutat vägledningen?", "vagledningen"),
        ("och vem är det som står bakom vägledningen, är den bindande?", "vagledningen"),  # trial 51 got "varför"
        ("Går det bra att ange deltagarens namn här?", "personuppgifter"),
        ("Får jag skriva namnen på deltagarna i chatten?", "personuppgifter"),
        ("Behöver vi tänka på sociala företag när vi köper skrivare till kansliet?", "egna_inkop"),
        ("Är det här samtalet en allmän handling?", "chatten"),
        ("Är de som arbetstränar på kooperativet försäkrade när de är där?", "ersattning_och_forsakring"),
        ("Vem har arbetsgivaransvaret för deltagarna ute på företaget?", "ersattning_och_forsakring"),
        ("Hur mycket betalar kommunerna in till förbundet varje år?", "forbundets_pengar"),
        ("och vilka är det egentligen som betalar in medlen till samordningsförbundet?", "forbundets_pengar"),  # t49-10
        # Trial 10 (t10-10) got "Det förstod jag inte riktigt"
        ("ok tack. och hur mycket betalar FK resp regionen till förbundet?", "forbundets_pengar"),
        ("hur mycket betalar FK respektive region och kommun till förbundet?", "forbundets_pengar"),  # t11-23
        ("Ändrar det något att maten köps från ett ASF?", "egna_inkop"),  # trial 10 (t10-41)
        ("Hur mycket betalar kommunen för en arbetsträningsplats på ett ASF?", None),  # a price, not the shares
        ("Kan förbundet betala en bokföringskurs för en företagare?", None),  # trial 10 (t10-32): an initiative
        ("Hur ska vi bokföra kostnaden för inspirationsdagen?", "budget"),
        # Trial 24 (t24-1): a question about procurement law after a result started a new assessment.
        ("Måste regionen annonsera enligt LOU, eller räcker ett avtal direkt med kooperativet?", "upphandlingsregler"),
        ("Kommunen upphandlar platserna på bageriet och förbundet betalar via kommunen.", None),
        ("Får kommunen köpa utan upphandling enligt LOU?", "upphandlingsregler"),  # third review of session 19
        ("Betalar kommunen en större andel än regionen?", "forbundets_pengar"),
        # Trial 47 (t47-5, t47-10): "Det förstod jag inte riktigt", and an assessment started.
        ("Får ett kooperativ söka pengar hos förbundet på egen hand?", "foretag_soker_pengar"),
        ("vi är ett ASF, hur ansöker man om medel?", "foretag_soker_pengar"),
        ("Hur delas förbundets pengar mellan regionen, FK och kommunerna?", "forbundets_pengar"),
        # ... but not these (review of session 34)
        ("Hur söker man en arbetsträningsplats på ett socialt företag?", None),
        ("Hur ansöker kommunen om pengar från förbundet för arbetsträning på ett ASF?", None),
        ("Hur fördelas kostnaden mellan kommunen och regionen?", None),
        ("Betalar regionen en andel av arbetsträningen?", "budget"),  # sharing a cost is not the parties' shares
        # Trial 24 (t24-6): answered as the share of the budget spent on ASF; AF pays no share of its own.
        ("Betalar Arbetsförmedlingen också en del av förbundets pengar?", "forbundets_pengar"),
        ("hur mycket betalar AF till samordningsförbundet?", "forbundets_pengar"),
        # Trial 36: called another topic; the answer about the guidance names who sits in the council.
        ("vilka sitter i Nationella rådet egentligen?", "vagledningen"),
        # ... but not an initiative that names the council (review of session 27)
        (
            "Kan kommunen köpa platser på Kafé Linden med förbundets pengar, som ingår i Nationella rådets satsning?",
            None,
        ),
        ("Enligt Nationella rådet får vi inte ge bidrag, men kan vi köpa platser via kommunen?", None),
        # Trial 38 (t38-4): called another topic, with no word on what the guidance says about IOP.
        ("vad står det i vägledningen om IOP?", "iop"),
        ("Går det att använda ett idéburet offentligt partnerskap i stället för en upphandling?", "iop"),
        # Trial 41 (t41-10): the share from a party was answered as the share of the budget for this area, and how
        # the förbund is financed as another topic.
        ("Hur mycket av förbundets pengar kommer från Försäkringskassan?", "forbundets_pengar"),
        ("hur fördelas egentligen finansieringen av förbundet mellan parterna?", "forbundets_pengar"),
        ("Får vi lägga fjolårets överskott på en satsning på sociala företag?", "budget"),
        (
            "Deltagarna kommer från kommunen och arbetstränar på kaféet. Kan förbundet betala platserna via kommunen?",
            None,
        ),
        # ... and initiatives that share a cost or use a surplus stay initiatives (second review of session 30).
        ("Kan vi ordna en inspirationsdag om ASF för handläggare och fördela kostnaden mellan parterna?", None),
        ("Får vi använda överskottet till en samordnare för ASF som regionen anställer?", None),
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
        "Kan vi anställa en samordnare till kansliet som sprider kunskap om ASF?",
        # Försäkringskassan is a party, and its "försäkrade" are participants: not an insurance question.
        "Kan Försäkringskassan köpa platser på ett ASF?",
        "Får FK köpa arbetsträning på kooperativet åt sina försäkrade och vi betalar via FK?",
        "Hur mycket betalar förbundet för en arbetsträningsplats via kommunen?",
    ],
)
def test_initiatives_and_negated_words_are_not_taken_for_another_topic(text: str):
    assert other_questions.recognise(text) is None


def test_a_negated_topic_word_does_not_choose_that_topic():
    # Not a budget question; the learned reader may still see that it is not about an initiative.
    topic = other_questions.recognise("Får vi inte ta upp budgeten här?")
    assert topic is None or topic.id == other_questions.GENERAL


def test_a_question_no_topic_names_gets_the_general_answer_only_when_the_reader_is_sure():
    text = "Hur många timmar i veckan jobbar kansliet?"
    sure = learned.Models(learned.TextModel({}, {}), learned.TextModel({}, {}), Sure(0.9))
    unsure = learned.Models(learned.TextModel({}, {}), learned.TextModel({}, {}), Sure(0.6))
    topic = other_questions.recognise(text, models=sure)
    assert topic is not None and topic.id == other_questions.GENERAL and "Fråga" in topic.answer
    assert other_questions.recognise(text, models=unsure) is None
    assert other_questions.recognise("Kansliet jobbar fyrtio timmar", models=sure) is None  # not a question


def test_the_trained_reader_tells_an_initiative_from_another_question():
    models = learned.default_models()
    assert models.other_question("Får vi skicka deltagarnas journaler till företaget?") > 0.5
    assert models.other_question("Kan förbundet köpa arbetsträningsplatser på ett kooperativ via kommunen?") < 0.5


class Sure(learned.TextModel):
    def __init__(self, probability: float) -> None:
        super().__init__({}, {})
        self._probability = probability

    def probabilities(self, question_id: str, text: str) -> dict[str, float]:
        return {learned.OTHER_QUESTION: self._probability, learned.INITIATIVE: 1 - self._probability}


def test_every_answer_names_whom_to_ask_or_what_the_guidance_says():
    for topic in other_questions.topics():
        assert (topic.id == other_questions.GENERAL) != bool(topic.words), topic.id  # only the general one has none
        assert topic.answer.endswith(".")
        assert "Fråga" in topic.answer or "Vägledningen" in topic.answer, topic.id


def test_a_topic_word_in_a_statement_of_a_described_initiative_is_part_of_it():
    text = (
        "Kan vi finansiera en kurs för våra deltagare om sociala företag? Pengarna går via kommunen."
        " Deltagarna är unga vuxna med aktivitetsersättning."
    )
    assert other_questions.recognise(text, general=False) is not None  # the word alone names the topic
    assert other_questions.asked_beside_a_description(text, lambda _: 3) is None
    # No initiative read, and no request to the förbund to pay: the topic is what is asked about.
    bare = "Vi har en kurs om sociala företag. Deltagarna är unga vuxna med aktivitetsersättning. Hur blir det?"
    assert other_questions.asked_beside_a_description(bare, lambda _: 1) is not None
    asked = "Vi ordnar arbetsträning via kommunen. Behåller deltagarna sin aktivitetsersättning?"
    assert other_questions.asked_beside_a_description(asked, lambda _: 3) is not None  # asked in a question
    # Development set 7 (md7079): the topic's word in the scene, and a question asking the förbund to pay, is an
    # initiative however few facts are read from it.
    scene = "Tre deltagare med aktivitetsersättning ska börja på ett snickeri. Kan förbundet betala deras löner?"
    assert other_questions.asked_beside_a_description(scene, lambda _: 1) is None
    # ... but a topic named in the request itself is the question (third review of session 20)
    for asked in (
        "Vi vill köpa julklappar till vår egen personal från ett ASF och betala med förbundets pengar. Är det ok?",
        "Förbundet ska betala en utvärdering där forskaren vill ha deltagarnas personnummer. Är det ok?",
    ):
        assert other_questions.asked_beside_a_description(asked, lambda _: 1) is not None


def test_a_health_word_describing_the_group_beside_a_question_asking_the_förbund_to_pay_is_an_initiative():
    # Trial 59 (t59-4): "vi vill köra en KBT-grupp för …, de flesta har egen psykiatrisk diagnos … kan förbundet
    # betala?" got the answer about personal data, and no assessment.
    group = (
        "Vi vill ordna en stressgrupp för personer som jobbar med lönebidrag på ett kooperativ, många av dem har en"
        " diagnos sedan tidigare. Jag leder gruppen. Kan förbundet betala den?"
    )
    assert other_questions.asked_beside_a_description(group, lambda _: 1) is None
    # The word in the question itself is still the topic asked about.
    asked = "Många av deltagarna har diagnoser, får vi skicka dem till företaget?"
    assert other_questions.asked_beside_a_description(asked, lambda _: 1) is not None


def test_the_parties_shares_say_that_the_state_pays_through_forsakringskassan_only():
    answer = next(topic.answer for topic in other_questions.topics() if topic.id == "forbundets_pengar")
    assert "Arbetsförmedlingen betalar ingen egen andel" in answer


def test_a_question_about_the_chat_log_the_nlu_took_for_the_result_gets_the_chat_topics_answer():
    # Trial 24 (t24-10): "kan chattloggen bli en allmän handling?" got "Du har ingen bedömning ännu".
    from actions.actions import ActionShowResult
    from tests.unit.test_dialogue_corrections import Conversation, said

    talk = Conversation()
    sent = talk.send(ActionShowResult(), "blir loggen av chatten en allmän handling?", intent="show_result")
    chat = next(topic.answer for topic in other_questions.topics() if topic.id == "chatten")
    assert chat in said(sent) and "allmänna handlingar" in chat


@pytest.mark.parametrize(
    "text",
    [
        "En sak till: vad räknas som ett socialt företag? Kan en ekonomisk förening vara det?",  # trial 24, t24-14
        "Hej! Vad menas med arbetsintegrerande sociala företag, är ett kooperativ ett sådant?",
    ],
)
def test_a_question_what_counts_as_a_concept_is_explained_not_summarised_as_an_initiative(text: str):
    from actions.actions import ActionDescribeInitiative
    from asf import dialogue
    from tests.unit.test_dialogue_corrections import Conversation, said

    talk = Conversation()
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative", concept="asf")
    assert dialogue.concepts()["asf"]["text"] in said(sent)
    assert "Så här uppfattar jag insatsen" not in said(sent) and not talk.slots["pending_answers"]


def test_a_request_to_pay_that_also_asks_what_a_concept_is_is_assessed():
    from actions.actions import ActionDescribeInitiative
    from tests.unit.test_dialogue_corrections import Conversation

    talk = Conversation()
    text = "Vad räknas som socialt företag? Kan förbundet ge kooperativet Linet 40 000 kr i bidrag?"
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative", concept="asf")
    assert talk.slots["pending_answers"] or talk.slots["current_question"]


def test_saying_at_the_summary_that_it_was_no_initiative_answers_the_question_and_drops_the_summary():
    # Trial 24 (t24-14): "Nej, det var ingen insats. Jag undrar bara: vad är ett ASF?" got "Jag kunde inte läsa ut
    # något nytt" and stayed in the correction.
    from actions.actions import ActionAnswer, ActionDescribeInitiative
    from asf import dialogue
    from tests.unit.test_dialogue_corrections import Conversation, said

    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(), "Kan en ekonomisk förening vara ett socialt företag?", intent="describe_initiative"
    )
    talk.slots["pending_answers"] = talk.slots["pending_answers"] or {"vem": "foretaget"}
    sent = talk.send(
        ActionAnswer(), "Nej, det var ingen insats. Jag undrar bara vad ett ASF är", intent="deny", concept="asf"
    )
    assert dialogue.concepts()["asf"]["text"] in said(sent)
    assert not talk.slots["pending_answers"] and not talk.slots["current_question"]


@pytest.mark.parametrize(
    "text",
    [
        # Second review of session 19: corrections and answers at the summary that mention "ingen insats" or
        # "undrar bara" dropped the summary.
        "Nej, det är ingen insats för deltagare utan för kommunens personal",
        "Ja. Jag undrar bara om pengarna kan gå direkt till kaféet",
        "Nej, det är AF som köper. Jag undrar bara om det spelar roll",
        "Nej jag frågar bara för att regionen vill veta, det är regionen som köper",  # third review of session 19
    ],
)
def test_a_correction_at_the_summary_that_mentions_no_initiative_keeps_the_summary(text: str):
    from actions.actions import ActionAnswer, ActionDescribeInitiative
    from tests.unit.test_dialogue_corrections import Conversation

    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "Kommunen köper arbetsträningsplatser på kaféet för deltagare.")
    assert talk.slots["pending_answers"]
    talk.send(ActionAnswer(), text, intent="deny" if text.startswith("Nej") else "affirm")
    assert talk.slots["pending_answers"] or talk.slots["current_question"] or talk.slots["correcting"]
    assert talk.slots["description"]


def test_a_question_about_the_verdict_of_a_described_initiative_is_assessed_not_explained_as_a_concept():
    from actions.actions import ActionDescribeInitiative
    from tests.unit.test_dialogue_corrections import Conversation

    talk = Conversation()
    text = "Vad är bedömningen om kommunen köper arbetsträningsplatser av ett ASF för deltagare?"
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative", concept="asf")
    assert talk.slots["pending_answers"]["insats_typ"] == "arbetsforberedande"


@pytest.mark.parametrize(
    "text",
    ["Nej det var ingen insats jag undrar bara vad ett asf ar", "Nej, ingen insats. Jag undrar bara vad ett ASF är"],
)
def test_no_initiative_said_without_commas_or_with_a_short_no_lets_the_summary_go(text: str):
    # Third review of session 19: these were read as a correction, and "Vem" became "Ett företag".
    from actions.actions import ActionAnswer, ActionDescribeInitiative
    from tests.unit.test_dialogue_corrections import Conversation

    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "Kommunen köper arbetsträningsplatser på kaféet för deltagare.")
    talk.send(ActionAnswer(), text, intent="deny", concept="asf")
    assert not talk.slots["pending_answers"] and not talk.slots["current_question"]


def test_an_ordinary_purchase_stated_without_a_question_gets_the_answer_about_own_purchases():
    """Trial 31, t31-7: "Förbundet hyr konferensrum av Kvarnen … till vanligt pris" went through the knowledge
    question and got "täcks inte"."""

    def facts(text: str) -> int:
        return read_description(default_tree(), text).stated

    own = "Vi bokar Kafé Lindens lokal för vårt nätverksmöte till vanligt pris."
    topic = other_questions.asked_beside_a_description(own, facts)
    assert topic is not None and topic.id == "egna_inkop"
    # A described initiative at an ordinary price is still the initiative, and a statement is no question elsewhere.
    lawful = "Regionen köper arbetsträningsplatser på Kafé Linden till vanligt pris åt deltagare, via regionen."
    assert other_questions.asked_beside_a_description(lawful, facts) is None
    assert other_questions.recognise(own) is None


def test_an_iop_described_gets_what_the_guidance_says_about_iop_beside_the_summary():
    # Trial 39 (t39-5): an initiative described as an IOP, with money "till företagets verksamhet", was assessed as a
    # purchase without a word about IOP, which the guidance does not cover; "ingå" was read as "inga" (none) too.
    from actions.actions import ActionDescribeInitiative
    from tests.unit.test_dialogue_corrections import Conversation, said

    iop = next(topic for topic in other_questions.topics() if topic.id == "iop")
    for text in (
        "Regionen och förbundet vill ingå ett ideellt offentligt partnerskap med kooperativet Lyktan, där deltagare"
        " arbetstränar, och förbundet betalar 200 000 kr om året via regionen.",
        "Vi har ett IOP med Kafé Ugglan sedan i fjol. Kommunen köper platser för deltagare och förbundet betalar via"
        " kommunen.",
        # Named in the question itself (development set 8): the sentences that name it carry the initiative, and
        # it got the IOP answer alone.
        "Regionen har ett IOP med föreningen Vitsippan om arbetsträning i deras trädgård. Får förbundet stå för"
        " regionens del av IOP:n för deltagare med långvarig sjukskrivning? Pengarna går till regionen.",
    ):
        talk = Conversation()
        sent = said(talk.send(ActionDescribeInitiative(), text, intent="describe_initiative"))
        assert iop.answer in sent and "Så här uppfattar jag insatsen" in sent, sent
        assert "Vem insatsen riktar sig till: Deltagare" in sent, sent
    # A question about IOP alone gets the answer alone, with no summary.
    talk = Conversation()
    sent = said(talk.send(ActionDescribeInitiative(), "Får ett samordningsförbund vara med i ett IOP?"))
    assert iop.answer in sent and "Så här uppfattar jag insatsen" not in sent, sent
    # An initiative that names no IOP gets no such note.
    talk = Conversation()
    sent = said(talk.send(ActionDescribeInitiative(), "Kommunen köper platser på Kafé Ugglan, betalt via kommunen."))
    assert iop.answer not in sent


def test_ingå_is_no_negation():
    from asf.guidance import swedish

    assert not any(t.negated for t in swedish.tokens("Kommunen vill ingå ett avtal om handledning med kooperativet"))
    assert [t.word for t in swedish.tokens("inga pengar till företaget") if t.negated] == [
        "pengar",
        "till",
        "foretaget",
    ]


def test_who_funds_the_förbund_gets_the_parties_shares_and_not_the_budget_answer():
    """Trial 40/41: "Vem betalar förbundets budget?" and "hur mycket av förbundets budget kommer från regionen?" got
    the answer about how much of the budget may go to this area, or both answers with that one first."""
    for text in ("Vem står för samordningsförbundets budget?", "Hur stor del av förbundets budget kommer från FK?"):
        assert [t.id for t in other_questions.all_named(text)] == ["forbundets_pengar"], text
    # The budget itself is still the budget answer, and one topic's own words inside nothing else stay named.
    assert [t.id for t in other_questions.all_named("Hur stor budget har förbundet för sociala företag?")] == ["budget"]
    both = other_questions.all_named("Vilken försäkring har de och får jag skriva in personnummer?")
    assert {t.id for t in both} == {"ersattning_och_forsakring", "personuppgifter"}
    # Who pays the förbund's share of an initiative is no question about the förbund's funding.
    assert other_questions.all_named("Vem betalar förbundets del av platserna på kaféet?") == []


def test_who_pays_the_förbunds_share_of_a_project_is_no_question_about_its_funding():
    """Review of session 31: "vem står för förbundets pengar i projektet" got the parties' shares under 5 §."""
    assert other_questions.all_named("Vem står för förbundets pengar i projektet, vi eller kommunen?") == []


def test_a_question_about_two_concepts_explains_both_and_a_follow_up_names_one():
    """Trial 47 (t47-10): "vad är skillnaden på strukturövergripande och individriktade insatser?" explained only the
    first, and "och individriktade då?" got "Det förstod jag inte riktigt"."""
    talk = Conversation()
    sent = talk.send(
        ActionExplainConcept(),
        "vad skiljer egentligen individriktade och strukturövergripande insatser åt?",
        intent="explain_concept",
        concept="individriktad",
    )
    assert "Individriktade insatser:" in said(sent) and "Strukturövergripande insatser:" in said(sent)
    sent = talk.send(ActionFallback(), "och finsam då?", intent="nlu_fallback")
    assert said(sent).startswith("Finsam:")
    one = talk.send(
        ActionExplainConcept(),
        "vad är Finsams målgrupp och vem bestämmer den?",
        intent="explain_concept",
        concept="malgrupp",
    )
    assert said(one).count("(Källa:") == 1


def test_a_request_to_the_assistant_at_an_open_question_is_no_answer_and_the_topic_answer_invites_nothing():
    """Trial 49 (t49-10): "kan du hjälpa mig skriva en ansökan till ESF-rådet om ett projekt med sociala företag?" at
    "Vem är insatsen till för?" was recorded as "Ett företag"; and an answer to another topic in the middle of an
    assessment ended with "Vill du bedöma en insats kan du beskriva den", which confused."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    sent = talk.send(ActionAnswer(), "kan du skriva ett mejl till kooperativet åt mig om det här?", intent="inform")
    assert talk.slots["current_question"] == "vem" and not talk.slots["answers"]
    assert "Vill du bedöma en insats" not in said(sent)
    general = next(topic for topic in other_questions.topics() if topic.id == other_questions.GENERAL)
    assert said(sent).startswith(general.answer)
    talk.send(ActionAnswer(), "kan du skriva deltagare där?", intent="inform")
    assert talk.slots["answers"] == {"vem": "deltagare"}


def test_a_remark_about_the_invoicing_after_a_result_gets_what_the_guidance_says_and_keeps_the_result():
    """Trial 49 (t49-1): "vår ekonom tycker dock att det blir väldigt mycket jobb med all fakturering fram och
    tillbaka" after a result got "Det förstod jag inte riktigt" and the start menu."""
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(
        ActionFallback(), "Kansliet tycker det är krångligt med fakturorna mellan oss.", intent="nlu_fallback"
    )
    assert "alltid ska gå via den part som har upphandlat" in said(sent)
    assert talk.slots["last_result"]["answers"] == VIA_KOMMUNEN


def test_a_request_naming_what_the_company_gets_is_still_an_answer():
    """Review of session 35: "kan ni ta fram en affärsplan åt kooperativet?" (a company asking the förbund) at "Vad
    skulle förbundet göra för företaget?" got the answer for other topics."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "foretaget")
    sent = talk.send(ActionAnswer(), "kan ni ta fram en affärsplan åt kooperativet?", intent="inform")
    general = next(topic for topic in other_questions.topics() if topic.id == other_questions.GENERAL)
    assert general.answer not in said(sent)


def test_a_question_whether_the_chat_is_kept_heard_as_a_wish_to_talk_to_someone_gets_the_chat_topics_answer():
    # Trial 59 (t59-4): "sparas det jag skriver här någonstans? och vem kan läsa det?" got the kansli's contact details.
    from actions.actions import ActionHandoff
    from tests.unit.test_dialogue_corrections import Conversation, said

    chat = next(topic.answer for topic in other_questions.topics() if topic.id == "chatten")
    talk = Conversation()
    sent = talk.send(
        ActionHandoff(), "en sak till: sparas det jag skriver här? vem kan läsa det sen?", intent="human_handoff"
    )
    assert chat.split(".")[0] in said(sent)
    # Asking for a person is still that.
    sent = talk.send(ActionHandoff(), "kan jag prata med en människa om det här?", intent="human_handoff")
    assert chat.split(".")[0] not in said(sent)

"""Each way the assistant used to misread people, in new wording: descriptions, typed
answers, mode switches and corrections (issue: understanding what people write)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from actions.actions import (
    ActionAnswer,
    ActionChangeAnswer,
    ActionDescribeInitiative,
    ActionExplainConcept,
    ActionFallback,
    ActionHandoff,
    ActionRequestMemo,
    ActionRestartAssessment,
    ActionStartAssessment,
    ActionWhy,
)
from asf import dialogue, memo, messages, other_questions, recap
from asf.guidance import comparison, learned, retraction, sections, swedish
from asf.guidance.model import Tree
from asf.guidance.understanding import (
    Fact,
    Reading,
    answer_towards,
    echoes,
    must_not_options,
    one_route_holds,
    read_answer,
    read_description,
    without_introduction,
    yes_or_no_in_part,
)
from asf.turns import Message, Reply, State
from tests.unit.test_dialogue_corrections import VIA_KOMMUNEN, Conversation, finished, said, summary_confirmed


def clicked_to_the_result(talk: Conversation, *answers: tuple[str, str]) -> None:
    """Each (question, choice) clicked in turn while that question is the open one, until a result is given."""
    for question, choice in answers:
        if talk.slots["last_result"] is None and talk.slots["current_question"] == question:
            talk.click(question, choice)


def texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text or "" for reply in replies)


def click(state: State, question: str, choice: str) -> tuple[list[Reply], State]:
    message = Message(text="", intent="inform", entities={"question": [question], "choice": [choice]})
    return dialogue.answer(state, message)


def at_question(*clicks: tuple[str, str]) -> State:
    _, state = dialogue.start(State())
    for question, choice in clicks:
        _, state = click(state, question, choice)
    return state


def must_not_proposed(tree: Tree, text: str) -> list[str]:
    """The "bör inte finansieras" outcomes a description's facts lead straight to."""
    reading = read_description(tree, text)
    found = []
    for question_id, fact in reading.facts.items():
        option = tree.questions[question_id].option(fact.option)
        outcome = tree.outcomes.get(option.next) if option else None
        if outcome is not None and outcome.verdict == "not_financeable":
            found.append(outcome.id)
    return found


@pytest.mark.parametrize(
    "text",
    [
        # A party procures work training and the förbund pays through it: the central allowed case.
        "Arbetsförmedlingen upphandlar praktik hos ett arbetsintegrerande kooperativ, och förbundet betalar genom AF",
        # A payment word next to the lawful route.
        "Förbundet ska betala för att regionen köper platser på ett socialt bageri",
        "Socialtjänsten vill köpa arbetsträning åt sina klienter på ett kooperativ med förbundets pengar via kommunen",
    ],
)
def test_the_lawful_route_is_never_read_as_a_must_not(tree: Tree, text: str):
    assert must_not_proposed(tree, text) == []


def test_a_payment_word_alone_proposes_nothing_that_must_not_be_financed(tree: Tree):
    for word in ("betala", "stöd", "utbildning", "förening", "pengar", "lön", "kafé"):
        assert must_not_proposed(tree, f"Vi funderar på {word} i samband med ett socialt företag") == [], word


def test_a_must_not_stated_outright_is_proposed_with_its_evidence(tree: Tree):
    reading = read_description(tree, "Vi vill ge ett driftsbidrag i pengar till det sociala företaget")
    assert reading.facts["stod_till_foretag"].option == "pengar"
    assert "driftsbidrag" in reading.facts["stod_till_foretag"].evidence


def test_education_about_social_enterprises_for_participants_is_not_staff_development(tree: Tree):
    reading = read_description(
        tree, "En kurs för deltagarna om hur arbetsintegrerande sociala företag fungerar, som kommunen anordnar"
    )
    assert reading.facts["vem"].option == "deltagare"
    assert reading.facts["insats_typ"].option == "utbildning_om_asf"
    assert "asf_personal_stod" not in reading.facts


def test_money_or_goods_for_a_company_are_not_summarised_as_for_participants(tree: Tree):
    for text in (
        "Vi vill låna ut 100 000 kr till ett socialt företag som vill anställa fler",
        "Förbundet köper in datorer åt kooperativet",
    ):
        facts = read_description(tree, text).facts
        assert "vem" not in facts or facts["vem"].option != "deltagare", text


def test_facts_already_written_are_not_asked_again_and_inflected_forms_count(tree: Tree):
    text = "Regionens psykiatri köper arbetsträningen på kaféet, och förbundets medel går via regionen till kaféet"
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts.get("utforare") == "regionen" and facts.get("pengavag") == "via_part"
    assert facts.get("insats_typ") == "arbetsforberedande"


def test_every_fact_in_the_summary_quotes_the_users_own_words():
    text = "Kommunen vill köpa platser på ett kooperativ åt deltagare, och pengarna går via kommunen"
    replies, state = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    summary = texts(replies)
    assert state.pending and state.evidence and set(state.evidence) == set(state.pending)
    for words in state.evidence.values():
        assert f"du skrev ”{words}”" in summary
        assert words.strip("…") in text


def test_a_question_the_description_points_two_ways_on_is_asked_naming_both(tree: Tree):
    reading = read_description(tree, "Pengarna ska gå via kommunen, eller kanske direkt till företaget")
    assert "pengavag" not in reading.facts


def test_an_amount_between_the_words_of_a_phrase_does_not_hide_it(tree: Tree):
    reading = read_description(tree, "Ett verksamhetsbidrag om 150 000 kronor till det sociala företaget Vändpunkten")
    assert reading.facts["stod_till_foretag"].option == "pengar"


def test_starting_something_that_is_not_a_company_is_not_starting_a_company(tree: Tree):
    reading = read_description(tree, "Förbundet vill starta en referensgrupp där parterna tar upp frågor om ASF")
    assert "vem" not in reading.facts or reading.facts["vem"].option != "foretaget"
    assert "stod_till_foretag" not in reading.facts


def test_a_party_starting_a_social_enterprise_with_the_forbunds_money_is_a_part_to_avoid(tree: Tree):
    # Trial 21 (t21-15): the start-up costs "via kommunen" were read as the lawful route alone, and the
    # result was "kan finansiera på villkor" without a word about starting a company.
    text = (
        "Regionen startar ett nytt socialt företag för våra deltagare, och förbundet finansierar "
        "uppstartskostnaderna via regionen."
    )
    reading = read_description(tree, text)
    named = {**reading.facts, **reading.set_aside}
    assert named["stod_till_foretag"].option == "starta_utveckla"


def test_a_knowledge_initiative_is_for_the_actors_unless_the_public_is_named(tree: Tree):
    # What a knowledge or cooperation initiative does is asked only on the routes of the actors and of the
    # public; the words for what is done say who it is for, unless the public is named or it is an event.
    text = "Regionen vill gå med i ett nätverk för sociala företag och undrar om förbundet kan stå för avgiften."
    reading = read_description(tree, text)
    assert reading.facts["strukturell_typ"].option == "medlemskap_organisation"
    assert reading.facts["vem"].option == "parter_och_aktorer"
    assert reading.facts["vem"].evidence and "vem" in reading.implied
    public = read_description(tree, "En mässa om sociala företag i stadshuset, alla är välkomna.")
    assert public.facts["vem"].option == "allmanheten"
    event = read_description(tree, "Vi ordnar en konferens om sociala företag.")
    assert event.facts["strukturell_typ"].option == "evenemang" and "vem" not in event.facts


def test_a_membership_the_company_holds_is_on_the_company_route(tree: Tree):
    reading = read_description(tree, "Kan förbundet betala medlemsavgiften i Skoopi för kooperativet Vinden?")
    facts = {question: fact.option for question, fact in reading.facts.items()}
    assert facts == {"vem": "foretaget", "stod_till_foretag": "medlem", "medlem_vem": "foretaget"}


@pytest.mark.parametrize(
    "text, question, option",
    [
        # "egenföretagare" names a company too; a start grant is reached from "Deltagare" with fewer questions.
        ("Vi vill ge 20 000 kr i startbidrag till deltagare som vill bli egenföretagare.", "insats_typ", "startbidrag"),
        # "anställd på kommunen" says who employs the handledare, not that the staff are who it is for.
        (
            "Förbundet vill betala en handledare som är anställd på kommunen för deltagarna på bageriet.",
            "insats_typ",
            "handledare",
        ),
    ],
)
def test_who_it_is_for_is_the_answer_nearest_to_what_is_done(tree: Tree, text: str, question: str, option: str):
    reading = read_description(tree, text)
    assert reading.facts[question].option == option
    assert reading.facts["vem"].option == "deltagare" and "vem" not in reading.conflicts


def test_a_handledare_for_the_companys_staff_is_asked_about(tree: Tree):
    # Review: "anställd på" is the handledare's employer; a handledare for the staff is their development.
    text = (
        "Kommunen anställer en handledare som ska handleda arbetsledarna på kaféet så att de blir bättre "
        "på att ta emot deltagare."
    )
    reading = read_description(tree, text)
    assert reading.facts["insats_typ"].option == "handledare"
    assert "vem" not in reading.facts and "asf_personal" in {side.option for side in reading.conflicts["vem"]}


def test_sides_in_two_sentences_are_two_parts_not_weighed_by_route(tree: Tree):
    # The places are for the participants, the equipment for the company: who it is for is asked.
    text = "Kommunen köper arbetsträning åt deltagarna. Förbundet vill köpa in utrustning åt kaféet."
    reading = read_description(tree, text)
    assert "vem" not in reading.facts


def test_who_a_knowledge_initiative_is_for_is_asked_beside_a_part_to_avoid(tree: Tree):
    reading = read_description(tree, "En samordnare som ska hjälpa kooperativet att bli lönsamt.")
    assert reading.facts["strukturell_typ"].option == "samordnare"
    assert "vem" not in reading.facts and "stod_till_foretag" in reading.set_aside


def test_a_company_membership_on_the_company_route_is_still_a_description(tree: Tree):
    # Review: the membership the user wrote is stated, not implied, so the fallback still reads a description.
    reading = read_description(tree, "Förbundet betalar företagets medlemsavgift i Coompanion.")
    assert reading.implied == {"vem"} and reading.stated >= other_questions.FACTS_OF_A_DESCRIPTION


def test_an_implied_answer_says_it_is_drawn_from_the_words(tree: Tree):
    reading = read_description(tree, "Kan vi bli medlemmar i en intresseförening för sociala företag?")
    text = recap.summary_reply(tree, reading).text or ""
    vem_line, structural_line = text.splitlines()[1:3]
    assert vem_line.startswith("- Vem insatsen riktar sig till") and "det antar jag, eftersom du skrev" in vem_line
    assert "– du skrev" in structural_line


def test_staff_who_may_be_participants_themselves_are_asked_about(tree: Tree):
    text = (
        "Några anställda på kaféet har samma behov som våra deltagare, "
        "vi vill att kommunen ordnar arbetsträning för dem där."
    )
    reading = read_description(tree, text)
    assert "vem" not in reading.facts
    assert {fact.option for fact in reading.conflicts["vem"]} == {"deltagare", "asf_personal"}


def test_membership_of_a_network_is_not_membership_of_a_company(tree: Tree):
    reading = read_description(tree, "Vi funderar på att bli medlem i ett länsnätverk för sociala företag")
    assert reading.facts["strukturell_typ"].option == "medlemskap_organisation"
    assert "stod_till_foretag" not in reading.facts


@pytest.mark.parametrize(
    ("question", "text", "option"),
    [
        ("medlem_vem", "regionen går med, vi står för avgiften", "en_part"),
        ("pengavag", "vi för över till kommunen som sedan betalar kooperativet", "via_part"),
        ("strukturell_typ", "eventuellt en policy, kanske ett seminarium", None),  # a guess is asked
        ("malgrupp", "kanske, vi har inte hunnit kolla", "vet_inte"),  # unless the guess is the option
        ("mottagare", "delvis vår egen verksamhet och delvis kooperativet", None),
        ("utforare", "ingen, kooperativet skickar fakturan direkt till förbundet", "ingen_part_direkt"),
        ("utforare", "ingen av parterna är utsedd ännu", "ingen_an"),
        ("utforare", "ingen", None),  # no party, or none chosen yet: asked
        ("strukturell_typ", "en film som sprider kunskap om sociala företag", None),  # a film, not a coordinator
        ("malgrupp", "de har stöd från både FK och soc", "ja"),  # "både" inside the option's own words
        ("utforare", "kommunerna gemensamt", "kommunen"),  # several municipalities: one party
        ("utforare", "gemensamt", "flera_parter"),
        ("stod_till_foretag", "låna ut pengar som de betalar tillbaka", "lan"),  # a loan, not a grant
        ("handledare_anstalld", "socialtjänsten", "hos_part"),
        # buying a service is the förbund's own activity, not support to that company
        ("mottagare", "konsultfirman, vi köper tjänsten", "egen_verksamhet"),
        # Trial 49 (t49-1): the party says the förbund pays it and it pays the company's invoice ("Direkt" and "bör
        # inte" for the guidance's own route); said by the förbund, "vi betalar fakturan" is no route of its own.
        ("pengavag", "förbundet betalar till oss och vi betalar fakturan från kooperativet", "via_part"),
        ("pengavag", "vi betalar fakturan från kooperativet", None),
        # A party invoicing the förbund is the route via the party; the company doing it is the direct one
        # (development set 12 recorded "kommunen fakturerar förbundet" as "Direkt").
        ("pengavag", "regionen fakturerar förbundet en gång i kvartalet", "via_part"),
        ("pengavag", "kooperativet fakturerar förbundet", "direkt"),
        # A municipality's unit by its own name (development set 13: "jobbtorget" got "Jag är inte säker")
        ("utforare", "jobbtorget", "kommunen"),
    ],
)
def test_who_pays_beside_who_joins_or_who_passes_the_money_on(tree: Tree, question: str, text: str, option: str | None):
    reading = read_answer(tree.questions[question], text)
    assert (reading.option.id if reading.option else None) == option


def test_a_guess_in_a_description_is_asked_not_proposed(tree: Tree):
    text = "Förbundet ordnar ett seminarium om ASF, {} med ett bidrag till det sociala företaget Vävaren som leder det."
    # The words' own rule: the learned reader (which may doubt a grant beside a seminar) is left out.
    assert read_description(tree, text.format(""), learned.WORDS_ONLY).facts["stod_till_foretag"].option == "pengar"
    guessed = read_description(tree, text.format("kanske"), learned.WORDS_ONLY)
    assert "stod_till_foretag" not in guessed.facts and "mottagare" not in guessed.facts


@pytest.mark.parametrize(
    ("text", "option"),
    [
        # Finsam's target group as "in the förbund's target group" and as a need of coordinated rehabilitation
        ("Kommunen köper arbetsträning på ett ASF för deltagare i förbundets målgrupp, via kommunen.", "ja"),
        ("Praktik på ett socialt företag, deltagarna har behov av samordnade rehabiliteringsinsatser.", "ja"),
        # ... and as support from two parties or their units, as people write it
        ("Arbetsträning på ett ASF för personer som behöver stöd från soc, psykiatrin och AF samtidigt.", "ja"),
        ("Praktik på ett socialt företag för patienter som också har kontakt med FK.", "ja"),
        ("Praktik på ett socialt företag för personer som har stöd från AF.", None),
        # ... and "Vet inte än" when the same clause says it is not known
        ("Praktik på ett socialt företag, men vi har inte koll på om deltagarna är i målgruppen.", "vet_inte"),
        ("Arbetsträning på ASF; oklart om deltagarna tillhör målgruppen.", "vet_inte"),
        # a doubt about something else in another clause leaves the target group stated
        ("Arbetsträning för deltagare i målgruppen, men vi vet inte hur pengarna ska gå.", "ja"),
    ],
)
def test_the_target_group_as_people_write_it_and_a_doubt_about_it(tree: Tree, text: str, option: str | None):
    facts = read_description(tree, text, learned.WORDS_ONLY).facts
    assert (facts["malgrupp"].option if "malgrupp" in facts else None) == option


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("Kommunen och FK ska tillsammans köpa arbetsträning åt deltagarna på kooperativet.", "flera_parter"),
        ("Soc och regionen vill köpa handledning tillsammans för deltagare på ett ASF.", "flera_parter"),
        # several municipalities buying together are one party, not a joint answer of several parties
        ("Kommunerna i länet vill tillsammans köpa praktik på ett socialt företag åt deltagare.", None),
    ],
)
def test_parties_buying_together_are_the_joint_answer(tree: Tree, text: str, option: str | None):
    facts = read_description(tree, text, learned.WORDS_ONLY).facts
    assert (facts["utforare"].option if "utforare" in facts else None) in ({option} if option else {None, "kommunen"})


def test_förbundet_joining_as_a_member_is_read_as_who_becomes_member(tree: Tree):
    text = "Förbundet vill gå med som medlem i en intresseorganisation för sociala företag, avgiften är 5000 kr"
    assert read_description(tree, text, learned.WORDS_ONLY).facts["medlem_vem"].option == "forbundet"


def test_a_party_paying_the_company_is_not_förbundet_paying_it_directly(tree: Tree):
    reading = read_description(
        tree, "Regionen betalar kooperativet för praktikplatserna och förbundet ersätter regionen i efterhand."
    )
    assert "pengavag" not in reading.facts or reading.facts["pengavag"].option != "direkt"


@pytest.mark.parametrize(
    ("keyword", "text", "found"),
    [
        ("=lån", "parterna i länet", False),  # ä written where the keyword has å: another word
        ("=låna", "alla i länen", False),
        ("=lån", "ett lanet utan ranta", True),  # written without å/ä/ö: still found
        ("=lån", "ett räntefritt lån", True),
    ],
)
def test_a_writer_who_used_å_ä_ö_meant_them(keyword: str, text: str, found: bool):
    assert bool(swedish.find(keyword, swedish.tokens(text))) is found


# --- Typed answers -------------------------------------------------------------


def test_an_option_the_answer_contradicts_is_never_recorded(tree: Tree):
    reading = read_answer(tree.questions["stod_till_foretag"], "inte platser, vi tänkte köpa in surfplattor åt dem")
    assert reading.option is None or reading.option.id != "kopa_tjanster"
    assert all(option.id != "kopa_tjanster" for option in reading.candidates)


@pytest.mark.parametrize(
    "text",
    [
        "vi betalar ut pengar till dem varje år, fast i avtalet står det inte bidrag",
        "det blir ett bidrag rent praktiskt, även om vi inte kallar det pengar till företaget",
    ],
)
def test_an_option_named_in_some_words_and_denied_in_others_is_asked_about_first(tree: Tree, text: str):
    # Trial 37 (t37-1): "det är pengar vi betalar ut, men det heter … inte bidrag" offered a loan, things and
    # a service, and the grant, named twice, was gone from the buttons.
    question = tree.questions["stod_till_foretag"]
    reading = read_answer(question, text, stops=must_not_options(tree, question))
    assert reading.option is None
    assert reading.candidates[0].id == "pengar", reading
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "foretaget")
    sent = talk.send(ActionAnswer(), text)
    assert talk.slots["current_question"] == "stod_till_foretag" and not talk.slots["answers"].get("stod_till_foretag")
    payloads = [b["payload"] for b in sent[-1]["buttons"]]
    assert '"choice":"pengar"' in payloads[0], payloads


def test_money_for_the_companys_premises_and_staff_is_money_to_the_company(tree: Tree):
    """Trial 38 (t38-2): "400 000 kr till lokalhyra och personal" was recorded as things or premises ("är inget
    kontantbidrag"), and a description where the förbund transfers the money to the association for premises
    and staff was read as premises; trial 37 (t37-1) the same."""
    question = tree.questions["stod_till_foretag"]
    stops = must_not_options(tree, question)
    staff = read_answer(question, "250 000 kronor till hyran och personalen", stops=stops)
    assert staff.option is not None and staff.option.id == "pengar", staff
    described = read_description(
        tree, "Förbundet överför 250 000 kronor om året till föreningen Kvarnen för lokal och personal."
    )
    assert described.must_nots["stod_till_foretag"].option == "pengar"
    # Review of session 28: money through a party, or staff costs of what a party buys, are no such thing.
    for lawful in (
        "Förbundet överför 300 000 kronor till kommunen, som köper arbetsträningsplatser för våra deltagare av ett"
        " socialt företag.",
        "Regionen köper handledning av kooperativet åt deltagarna. Pengarna täcker handledarens personalkostnader.",
    ):
        assert "stod_till_foretag" not in read_description(tree, lawful).must_nots, lawful


def test_a_loan_made_by_another_than_the_forbund_is_still_a_loan(tree: Tree):
    # Trial 38 (t38-3): the loan in the summary was changed to a grant.
    text = "nej, det är inte förbundet som lånar ut utan regionen, och förbundet ger pengarna till regionen först"
    question = tree.questions["stod_till_foretag"]
    reading = read_answer(question, text, stops=must_not_options(tree, question))
    chosen = reading.option if reading.option is not None else reading.candidates[0]
    assert chosen.id == "lan", reading  # recorded, or offered first


def test_training_for_the_companys_staff_beside_a_course_for_participants_is_set_aside(tree: Tree):
    # Trial 19 (t19-16): "… betalar en pedagogikutbildning för deras två kursledare" beside a course for
    # participants was not named at all, and the result said nothing of it.
    text = (
        "Kommunen köper en kurs om sociala företag för deltagare, och förbundet betalar via kommunen."
        " Kooperativet som håller kursen vill också att vi bekostar en ledarskapskurs för deras arbetsledare."
    )
    reading = read_description(tree, text)
    assert "vem" not in reading.facts or reading.facts["vem"].option == "deltagare"  # asked, or the course's
    assert reading.set_aside["asf_personal_stod"].option == "kompetensutveckling"


def test_a_company_applying_for_money_from_the_forbund_is_read_as_support_to_it(tree: Tree):
    # Trial 19 (t19-5): "kan ett ASF själv söka pengar från förbundet?" got "Det förstod jag inte riktigt".
    reading = read_description(tree, "Får ett kooperativ ansöka om bidrag hos oss?")
    assert reading.facts["vem"].option == "foretaget"
    assert reading.facts["stod_till_foretag"].option == "pengar"
    assert read_description(tree, "kan ett socialt företag själv söka pengar från förbundet?").facts["vem"].option == (
        "foretaget"
    )
    # Review: the förbund's own application words are no grant ("… till en samordnare" was set aside as one).
    own = read_description(tree, "Vi vill söka pengar från förbundet till en samordnare för ASF.")
    assert not own.must_nots and "stod_till_foretag" not in own.facts
    assert own.facts["vem"].option == "parter_och_aktorer"  # a coordinator spreads knowledge


def test_a_party_named_as_the_place_is_no_sign_of_the_lawful_route(tree: Tree):
    # Trial 19 (t19-2): "ett socialt företag här i kommunen så de kan anställa …" read as the municipality
    # employing someone, and the grant stated beside it was asked about instead of proposed.
    text = "Vi vill ge ett bidrag på 150 000 kr till ett kooperativ här i regionen så de kan anställa fler av dem."
    assert read_description(tree, text).facts["stod_till_foretag"].option == "pengar"


@pytest.mark.parametrize("models", [learned.WORDS_ONLY, None])
def test_an_ordinary_purchase_with_extra_money_for_the_company_is_asked_not_recorded_as_a_purchase(
    tree: Tree, models: learned.Models | None
):
    # Trial 19 (t19-7): "lunchen är ett vanligt köp, men de 20 000 är extra pengar till företaget" was
    # recorded as the förbund's own activity, and the result said "kan finansiera" with no word of the money.
    text = "fikat köper vi som vanligt, men 5 000 kr extra går till kaféet"
    reading = read_answer(tree.questions["mottagare"], text, models=models)
    assert reading.option is None or reading.option.id == "ett_foretag"
    description = (
        "En frukostträff om sociala företag för parternas chefer, med frukost från ett socialt kafé."
        " Vi ger kaféet 8 000 kr extra som tack."
    )
    assert read_description(tree, description, models).must_nots["stod_till_foretag"].option == "pengar"


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("foretaget_far", "en annons på vår webbplats"),
        ("foretaget_far", "gratis marknadsföring på förbundets instagram"),
        ("stod_till_foretag", "vi tipsar om dem i våra kanaler, rådgivning ingår"),
        ("stod_till_foretag", "rådgivning från vår egen personal, utan kostnad för företaget"),
    ],
)
def test_a_service_the_forbund_gives_itself_or_free_is_not_recorded_as_one_it_pays_for(
    tree: Tree, question: str, text: str
):
    # Development sets 5 and 6: "reklam i vårt nyhetsbrev" was recorded as a service the förbund pays for on
    # the company's behalf (a "bör inte"); every writer meant "something else". Asked, offering that service.
    reading = read_answer(tree.questions[question], text, models=learned.WORDS_ONLY)
    assert reading.option is None
    assert reading.candidates


@pytest.mark.parametrize(
    ("question", "text", "option"),
    [
        ("foretaget_far", "en konsult som gör deras hemsida", "tjanst"),
        ("stod_till_foretag", "vi köper en annons åt företaget i lokaltidningen, vår kostnad", "tjanst_at_foretaget"),
        ("foretaget_far", "verksamhetsstöd", "pengar"),
        ("foretaget_far", "två laptops", "in_natura"),
        ("pengavag", "förbundet -> kommunen -> företaget", "via_part"),
        ("pengavag", "regionen fakturerar oss och betalar kooperativet", "via_part"),
    ],
)
def test_answers_in_words_the_options_lacked_are_read(tree: Tree, question: str, text: str, option: str):
    reading = read_answer(tree.questions[question], text, models=learned.WORDS_ONLY)
    assert reading.option is not None and reading.option.id == option


def test_two_parties_in_one_answer_are_not_recorded_as_one(tree: Tree):
    reading = read_answer(tree.questions["utforare"], "både FK och regionen")
    if reading.option is None:
        assert {o.id for o in reading.candidates} == {"forsakringskassan", "regionen"}
    else:
        assert reading.option.joint_of and {o.id for o in reading.parts} == {"forsakringskassan", "regionen"}


@pytest.mark.parametrize("text", ["de flesta", "de flesta av dem", "flertalet av dem"])
def test_a_partial_yes_to_the_target_group_is_asked_about(tree: Tree, text: str):
    # Trial 21 (t21-16): "de flesta" at "Hör deltagarna till Finsams målgrupp?" was recorded as a plain "Ja".
    reading = read_answer(tree.questions["malgrupp"], text)
    assert reading.option is None  # asked, not recorded
    assert not reading.candidates or "ja" in {option.id for option in reading.candidates}


@pytest.mark.parametrize(
    ("question", "text", "option"),
    [
        ("vem", "ett kooperativ", "foretaget"),
        ("vem", "personalen på Försäkringskassan", "parter_och_aktorer"),
        ("vem", "de praktiserar på ett socialt kafé", "deltagare"),
        ("vem", "politiker i regionen och näringslivet", "parter_och_aktorer"),
        ("insats_typ", "de ska lära sig hur sociala företag fungerar", "utbildning_om_asf"),
        ("pengavag", "genom regionen, inte direkt", "via_part"),
        ("utforare", "forsakringskasan", "forsakringskassan"),
        # "Vem skulle bli medlem?": the learned reader had one example of the company's own membership and
        # spoke against it (development set 7).
        ("medlem_vem", "kooperativet", "foretaget"),
        ("medlem_vem", "det är caféet som ska bli medlem", "foretaget"),
    ],
)
def test_natural_answers_are_understood(tree: Tree, question: str, text: str, option: str):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is not None and reading.option.id == option


@pytest.mark.parametrize(
    ("question", "text", "option"),
    [
        # A button's own words, typed (trial 29: the first got "Menar du …?" with that one option).
        ("mottagare", "förbundet eller parterna, för sin egen verksamhet", "egen_verksamhet"),
        ("mottagare", "ett visst foretag, som stod till just det foretaget", "ett_foretag"),
        ("handledare_anstalld", "det sociala foretaget", "hos_foretaget"),
    ],
)
def test_an_answer_repeating_a_buttons_words_is_that_button(tree: Tree, question: str, text: str, option: str):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is not None and reading.option.id == option


@pytest.mark.parametrize(
    ("question", "text", "not_recorded"),
    [
        # A few of a label's words are not the label: who pays is not who procures.
        ("utforare", "det är förbundet som betalar", "ingen_part_direkt"),
        # A negation, a hedge or a question leaves the answer to the rest of the reading.
        ("mottagare", "inte förbundet eller parterna för sin egen verksamhet", "egen_verksamhet"),
        ("mottagare", "typ förbundet eller parterna för sin egen verksamhet", "egen_verksamhet"),
        ("mottagare", "är det förbundet eller parterna?", "egen_verksamhet"),
        # Trial 30: a "samverkansavtal" paying the company for "samverkan" is no purchase of places ("avtal").
        (
            "stod_till_foretag",
            "det är ett samverkansavtal, kommunen betalar för samverkan med företaget",
            "kopa_tjanster",
        ),
        # Words two labels share are neither's (review of round 20: both were recorded as the first).
        ("stod_till_foretag", "ge pengar till företaget", "lan"),
        ("medlem_vem", "förbundet betalar avgiften", "en_part"),
    ],
)
def test_a_partial_or_denied_echo_of_a_button_is_not_that_button(
    tree: Tree, question: str, text: str, not_recorded: str
):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is None or reading.option.id != not_recorded


@pytest.mark.parametrize(
    ("text", "option"),
    [
        # Who is meant comes first; what follows "på"/"hos"/"för" is where they are.
        ("verksamhetschefen på kooperativet", "asf_personal"),
        ("ledningen hos kooperativet", "asf_personal"),
        ("de som ska praktisera hos det sociala företaget", "deltagare"),
        # A longer word for the same place says more than the short word inside it.
        ("tjänstepersonerna hos regionen", "parter_och_aktorer"),
        # Needs "from both" parties describe the people, they are not two answers.
        ("långtidsarbetslösa som behöver hjälp från både kommunen och vården", "deltagare"),
    ],
)
def test_the_head_of_a_short_answer_decides_who_it_is_for(tree: Tree, text: str, option: str):
    reading = read_answer(tree.questions["vem"], text)
    assert reading.option is not None and reading.option.id == option


@pytest.mark.parametrize(
    "text",
    [
        "personalen på kommunen och kooperativet",  # two groups joined by "och": ask
        "både deltagarna och deras handledare",  # "både … och" around the option: two things
        "antingen personalen eller företaget",
    ],
)
def test_an_answer_naming_two_who_is_asked_back(tree: Tree, text: str):
    assert read_answer(tree.questions["vem"], text).option is None


def test_an_unclear_answer_is_asked_back_with_the_closest_options_and_none_of_them(tree: Tree):
    state = at_question(("vem", "deltagare"), ("malgrupp", "ja"))
    replies, after = dialogue.answer(state, Message(text="något med sociala företag", intent="inform"))
    assert "insats_typ" not in after.answers
    titles = [b["title"] for b in replies[-1].buttons]
    assert titles[-1] == "Inget av dem"
    none_payload = replies[-1].buttons[-1]["payload"]
    assert none_payload.startswith("/inform") and "choice" not in none_payload
    replies, after = dialogue.answer(after, Message(text="", intent="inform", entities={"question": ["insats_typ"]}))
    assert after.current_question == "insats_typ"
    assert len(replies[-1].buttons) == len(tree.questions["insats_typ"].options)


def test_a_typed_answer_that_is_recorded_is_said_back():
    state = at_question(("vem", "deltagare"), ("malgrupp", "ja"))
    replies, after = dialogue.answer(state, Message(text="praktik på kaféet", intent="inform"))
    assert after.answers["insats_typ"] == "arbetsforberedande"
    assert texts(replies).startswith("Jag noterar: Arbetsträning")


# --- Mode switches -----------------------------------------------------------------


def at_utforare() -> State:
    return at_question(("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande"))


def test_an_answer_the_nlu_took_for_training_is_an_answer():
    state = at_utforare()
    _replies, after = dialogue.start_training(
        state, Message(text="regionen tillsammans med FK", intent="start_training")
    )
    assert after.training is None
    assert after.answers["utforare"] == "flera_parter"  # both parties, recorded as a joint answer


def test_training_mid_assessment_asks_first_and_the_assessment_can_be_resumed():
    state = at_utforare()
    replies, after = dialogue.start_training(state, Message(text="", intent="start_training"))
    assert after.training is None and "Vill du lämna den" in texts(replies)
    replies, after = dialogue.start_training(
        after, Message(text="", intent="start_training", entities={"choice": ["ja"]})
    )
    assert after.training is not None
    replies, after = dialogue.stop_training(after)
    resume = replies[-1].buttons[0]
    assert resume["title"] == "Fortsätt bedömningen" and resume["payload"].startswith("/start_assessment")
    replies, after = dialogue.start(
        after, Message(text="", intent="start_assessment", entities={"choice": ["fortsatt"]})
    )
    assert after.current_question == "utforare"
    assert after.answers == {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "arbetsforberedande"}


def test_a_memo_request_that_reads_as_an_answer_is_an_answer():
    state = at_utforare()
    _, after = dialogue.request_memo(state, Message(text="kommunen", intent="request_memo"))
    assert after.answers.get("utforare") == "kommunen"


# --- Not an initiative ---------------------------------------------------------------


def test_a_question_about_something_else_gets_an_honest_answer_not_a_walk():
    replies, state = dialogue.describe(
        State(), Message(text="Får vi lämna ut deltagarnas diagnoser till kooperativet?", intent="describe_initiative")
    )
    assert "dataskyddsombudet" in texts(replies)
    assert state.current_question is None and state.pending is None


def test_parties_named_as_alternatives_are_not_a_joint_answer(tree: Tree):
    reading = read_answer(tree.questions["utforare"], "det blir AF eller kommunen, vi vet inte vilken")
    assert reading.option is None or reading.option.id != "flera_parter"


@pytest.mark.parametrize(
    "text",
    [
        "FK, fast det är kommunen som betalar det mesta",
        "regionen medan AF står för pengarna",
        "kommunen, däremot betalar FK",
    ],
)
def test_parties_set_against_each_other_are_not_a_joint_answer(tree: Tree, text: str):
    """ "fast", "medan" and "däremot" set one party against another, as "men" does: asked, never "Flera parter"."""
    reading = read_answer(tree.questions["utforare"], text)
    assert reading.option is None and len(reading.candidates) >= 2


@pytest.mark.parametrize("text", ["AF och kommunen, med en fast summa var", "både FK och regionen, de har fasta tider"])
def test_fast_as_an_adjective_keeps_a_joint_answer(tree: Tree, text: str):
    option = read_answer(tree.questions["utforare"], text).option
    assert option is not None and option.id == "flera_parter"


def test_money_to_a_company_beside_the_own_activity_is_asked(tree: Tree):
    """Development set 9: an answer naming the parties' own activity and money "till företaget" was recorded as
    the own activity. Both are offered; an ordinary purchase invoiced by the company is still the own activity."""
    question = tree.questions["mottagare"]
    both = read_answer(question, "kommunen och förbundet själva, men en del pengar går till kooperativet")
    assert both.option is None and {o.id for o in both.candidates} >= {"egen_verksamhet", "ett_foretag"}
    bought = read_answer(question, "vår egen verksamhet, vi köper maten av kaféet och betalar till företaget")
    assert bought.option is not None and bought.option.id == "egen_verksamhet"
    denied = read_answer(question, "förbundets egen verksamhet, inget till företaget")
    assert denied.option is not None and denied.option.id == "egen_verksamhet"


@pytest.mark.parametrize("intent_step", ["stop_training", "show_result", "greet"])
def test_an_answer_the_nlu_took_for_another_intent_is_an_answer(intent_step: str):
    from actions import actions

    steps = {
        "stop_training": actions.ActionStopTraining.step,
        "show_result": actions.ActionShowResult.step,
        "greet": actions.ActionGreet.step,
    }
    state = at_question(("vem", "deltagare"))
    replies, after = steps[intent_step](
        state, Message(text="ja, de behöver stöd från flera myndigheter", intent=intent_step)
    )
    assert after.answers.get("malgrupp") == "ja"
    assert texts(replies).startswith("Jag noterar: Ja.")


def test_a_must_not_part_beside_a_lawful_initiative_is_named_not_dropped():
    text = (
        "Kommunen köper arbetsträningsplatser på ett kafé och förbundet betalar via kommunen. "
        "Dessutom vill kaféet att förbundet betalar datorer till företaget."
    )
    replies, state = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    summary = texts(replies)
    assert "Den delen ingår inte i raderna ovan" in summary and "datorer" in summary
    assert state.pending and state.pending.get("utforare") == "kommunen"


def test_an_answer_that_depends_on_a_question_not_read_yet_is_never_a_raw_placeholder():
    text = "Pengarna ska gå via parten, och det gäller arbetsträning för deltagare"
    replies, _ = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert "{svar:" not in texts(replies)


@pytest.mark.parametrize(
    ("question", "text", "not_option"),
    [("vem", "vet inte än", "annan"), ("stod_till_foretag", "vi vill ge företaget utrustning", "pengar")],
)
def test_answers_people_gave_in_trials_are_not_recorded_as_something_else(
    tree: Tree, question: str, text: str, not_option: str
):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is None or reading.option.id != not_option


def test_goodbye_or_thanks_taken_for_an_answer_is_an_answer():
    from actions import actions

    state = at_utforare()
    for step in (actions.ActionGoodbye.step, actions.ActionThanks.step):
        replies, after = step(state, Message(text="både FK och kommunen", intent="goodbye"))
        assert after.answers.get("utforare") == "flera_parter", texts(replies)


def test_a_budget_question_the_nlu_took_for_why_gets_its_answer():
    from actions import actions

    state = at_utforare()
    replies, after = actions.ActionWhy.step(state, Message(text="Hur stor del av budgeten får gå till det här?"))
    assert "styrelse" in texts(replies) and after.current_question == "utforare"


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # Two options in different words: the longer phrase must not silently win.
        ("malgrupp", "en del behöver samordnat stöd, andra klarar sig själva"),
        ("pengavag", "hälften direkt till firman och hälften via regionen"),
        ("vem", "deltagarna och personalen på kaféet"),
    ],
)
def test_an_answer_naming_two_options_in_different_words_is_asked_about(tree: Tree, question: str, text: str):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is None, reading
    assert len(reading.candidates) >= 2


def test_an_answer_about_two_things_where_one_is_an_option_is_asked_about(tree: Tree):
    reading = read_answer(tree.questions["mottagare"], "både till vår egen verksamhet och till kooperativet")
    assert reading.option is None
    assert reading.candidates


def test_without_denies_what_follows_but_not_after_a_negation():
    without = {t.word: t.negated for t in swedish.tokens("personer utan behov av samordnat stöd")}
    assert without["behov"] and not without["personer"]
    rather = {t.word: t.negated for t in swedish.tokens("inte förbundet utan kommunen betalar")}
    assert rather["forbundet"] and not rather["kommunen"]


def test_a_target_group_written_with_without_is_not_read_as_in_the_target_group(tree: Tree):
    reading = read_description(tree, "Arbetsträning på ett ASF för unga utan behov av samordnade insatser, via soc.")
    assert reading.facts.get("malgrupp") is None or reading.facts["malgrupp"].option != "ja"


def test_lending_premises_or_equipment_is_support_in_kind_not_a_loan(tree: Tree):
    reading = read_description(tree, "Förbundet vill låna ut sin gamla lokal gratis till kooperativet.")
    assert reading.facts.get("stod_till_foretag") is None or reading.facts["stod_till_foretag"].option == "in_natura"
    answer = read_answer(tree.questions["stod_till_foretag"], "vi lånar ut en lokal till dem")
    assert answer.option is None or answer.option.id == "in_natura"


def test_the_managers_salary_is_not_read_as_an_initiative_for_participants(tree: Tree):
    reading = read_description(
        tree, "Får förbundet stå för en del av VD:ns lön på det sociala företaget så att fler deltagare får plats?"
    )
    assert "vem" not in reading.facts or reading.facts["vem"].option != "deltagare"


TWO_PARTS = (
    "Två delar: en processledare på förbundet som sprider kunskap om ASF till parterna, "
    "och dessutom ett bidrag på 40 000 kr till varje socialt företag i kommunen."
)


def test_a_result_says_which_part_of_the_description_it_did_not_assess(tree: Tree):
    from dataclasses import replace

    state = replace(
        at_question(("vem", "parter_och_aktorer"), ("strukturell_typ", "samordnare")), description=TWO_PARTS
    )
    replies, after = click(state, "mottagare", "egen_verksamhet")
    shown = texts(replies)
    assert "ingår inte i bedömningen nedan" in shown and "bidrag på 40 000 kr" in shown
    assert shown.index("ingår inte i bedömningen") < shown.index("Förbundet kan finansiera")  # said before the result
    assert after.last_result is not None
    markdown = memo.markdown(after.last_result, dt.date(2026, 11, 30))
    assert "ingår inte i bedömningen" in markdown and "bidrag på 40 000 kr" in markdown


def test_a_result_beside_a_part_left_out_holds_only_without_that_part(tree: Tree):
    # Trial 18 (t18-10): a coordinator who "also helps new companies with business plans" got an
    # unconditional "kan finansiera", also in the memo, with the business plans only as a side note.
    state = replace(
        at_question(("vem", "parter_och_aktorer"), ("strukturell_typ", "samordnare")), description=TWO_PARTS
    )
    replies, after = click(state, "mottagare", "egen_verksamhet")
    result = after.last_result
    assert result is not None and result["verdict"] == "conditional"
    # The verdict says the result does not cover the whole description (trial 36).
    assert messages.text("describe.verdict_without_the_part") in texts(replies)
    condition = result["conditions"][-1]
    assert "gäller insatsen utan" in condition["text"] and "bidrag på 40 000 kr" in condition["text"]
    assert condition["reading"] is True
    grant_option = tree.questions["stod_till_foretag"].option("pengar")
    assert grant_option is not None
    grant = tree.outcomes[grant_option.next]
    assert {cite["key"] for cite in condition["cites"]} == {cite.key for cite in grant.cites}
    assert {cite["key"] for cite in condition["cites"]} <= {cite["key"] for cite in result["cites"]}
    shown_conditions = next(s for s in result["sections"] if s["key"] == "conditions")["items"]
    assert shown_conditions[-1]["text"] == condition["text"]
    markdown = memo.markdown(result, dt.date(2026, 11, 30))
    assert "på villkor" in markdown and "gäller insatsen utan" in markdown
    again, _ = dialogue.show_result(after)  # "visa resultatet igen" says the same
    sentence = messages.text("describe.verdict_without_the_part")
    assert sentence in texts(again) and "gäller insatsen utan" in texts(again)


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen köper 20 000 extra platstimmar på kooperativet åt deltagarna.",
        "Kommunen betalar 50 000 extra per år för att kooperativet ska ta emot fler deltagare.",
        "Förbundet betalar 40 000 extra per år för en handledare till.",
    ],
)
def test_extra_money_for_more_of_what_is_bought_is_no_grant(tree: Tree, text: str):
    # Review: "000 extra" and "extra per år" as cues read these as money to the company.
    assert "stod_till_foretag" not in read_description(tree, text).must_nots


def test_a_part_paid_straight_to_the_company_beside_a_knowledge_initiative_is_still_named(tree: Tree):
    # Review: limiting the parts left out to questions that say what is done dropped this one.
    text = (
        "En inspirationsdag för parternas handläggare. Förbundet betalar också arbetsträning för deltagare"
        " direkt till kooperativet, utan att kommunen upphandlar."
    )
    state = replace(at_question(("vem", "parter_och_aktorer"), ("strukturell_typ", "evenemang")), description=text)
    _, after = click(state, "mottagare", "egen_verksamhet")
    assert after.last_result is not None and after.last_result["verdict"] == "conditional"
    assert "not_assessed" in after.last_result


def test_a_result_without_a_part_says_so_in_its_verdict_everywhere(tree: Tree):
    # Trial 36: a purchase of places with a grant to the company beside it got "Förbundet kan finansiera insatsen
    # på villkor." as its verdict, and the tester read it as an approval of the grant too.
    text = (
        "Kommunen köper platser på Returbutiken åt personer med försörjningsstöd, förbundet betalar via kommunen."
        " Vi vill också ge butiken ett bidrag på 60 000 kr så att de kan anställa en handledare till."
    )
    talk = summary_confirmed(text)
    clicked_to_the_result(talk, ("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande"))
    result = talk.slots["last_result"]
    assert result is not None and "not_assessed" in result
    sentence = messages.text("describe.verdict_without_the_part")
    assert result["verdict"] == "conditional" and result["verdict_sentence"] == sentence
    assert result["sections"][0]["heading"] == sentence  # the web card's headline
    assert f"\n## Bedömning\n\n{sentence}\n" in memo.markdown(result, dt.date(2026, 12, 3))
    # ... while a result with nothing left out keeps the plain verdict
    plain = summary_confirmed(text.split(" Vi vill också")[0])
    clicked_to_the_result(plain, ("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande"))
    assert plain.slots["last_result"]["verdict_sentence"] == "Förbundet kan finansiera insatsen på villkor."


def test_a_deeper_question_named_in_the_description_is_no_part_left_out(tree: Tree):
    # Trial 19 (t19-14): "förbundet självt upphandlar …", after the user changed the party to AF, was named
    # as a part that sounds like "Samordningsförbundet självt" (as member), with a button for membership.
    text = "Vi tänkte att förbundet självt köper arbetsträning på kooperativet åt deltagarna, avtal direkt med dem."
    answers = (("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande"))
    state = replace(at_question(*answers, ("utforare", "arbetsformedlingen")), description=text)
    replies, after = click(state, "pengavag", "via_part")
    assert after.last_result is not None and "not_assessed" not in after.last_result
    assert "låter som" not in texts(replies)


def test_a_result_without_such_a_part_says_nothing_more(tree: Tree):
    text = "En processledare på förbundet som sprider kunskap om ASF till parterna."
    state = replace(at_question(("vem", "parter_och_aktorer"), ("strukturell_typ", "samordnare")), description=text)
    replies, after = click(state, "mottagare", "egen_verksamhet")
    assert "ingår inte i bedömningen" not in texts(replies)
    assert "not_assessed" not in (after.last_result or {})


def test_being_far_from_the_labour_market_is_not_read_as_finsams_target_group(tree: Tree):
    # The guidance says the target group often stands far from the labour market, not that everyone
    # who does belongs to it (coordinated support from several parties decides): so it is asked.
    reading = read_description(
        tree, "Arbetsträning på ett socialt företag för personer som står långt från arbetsmarknaden"
    )
    assert "malgrupp" not in reading.facts
    assert read_answer(tree.questions["malgrupp"], "de står långt ifrån arbetsmarknaden").option is None
    # Some far from it, others close: two groups, asked rather than recorded as "Nej".
    assert (
        read_answer(tree.questions["malgrupp"], "en del står långt från arbetsmarknaden, andra står nära").option
        is None
    )


def test_a_yes_with_an_explanation_is_a_yes_even_when_the_nlu_heard_a_request_for_a_person():
    state = at_question(("vem", "deltagare"))
    assert state.current_question == "malgrupp"
    text = "ja, de träffar både handläggare på AF och sin kontakt på psykiatrin"
    step = dialogue.unless_an_answer(lambda s, m: dialogue.handoff(s))
    replies, after = step(state, Message(text=text, intent="human_handoff"))
    assert after.answers.get("malgrupp") == "ja"
    assert "kansli" not in texts(replies)  # not handed over


def test_a_request_for_a_person_during_a_question_still_reaches_a_person():
    state = at_question(("vem", "deltagare"))
    step = dialogue.unless_an_answer(lambda s, m: dialogue.handoff(s))
    replies, after = step(state, Message(text="kan jag få prata med en människa i stället", intent="human_handoff"))
    assert "malgrupp" not in after.answers
    assert texts(replies) == texts(dialogue.handoff(state)[0])


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("ja, de behöver stöd från både kommunen och vården", "ja"),
        ("nej, bara lite hjälp från AF", "nej"),
        ("nej, vet inte riktigt", None),  # the explanation names another option: asked
    ],
)
def test_an_answer_opening_with_yes_or_no_is_that_answer(tree: Tree, text: str, option: str | None):
    reading = read_answer(tree.questions["malgrupp"], text)
    assert (reading.option.id if reading.option else None) == option


@pytest.mark.parametrize(
    "text", ["nej, inte alla, några har bara varit arbetslösa länge", "ja, de flesta", "ja, en del av dem"]
)
def test_a_yes_or_no_that_holds_only_in_part_is_asked_with_every_answer(tree: Tree, text: str):
    reading = read_answer(tree.questions["malgrupp"], text)
    assert reading.option is None
    assert {o.id for o in reading.candidates} == {"ja", "vet_inte", "nej"}


def test_a_yes_that_the_nlu_took_for_a_concept_question_is_a_yes():
    state = at_question(("vem", "deltagare"))
    step = dialogue.unless_an_answer(dialogue.concept)
    message = Message(text="ja, det var därför jag nämnde målgruppen", intent="explain_concept")
    message = replace(message, entities={"concept": ["malgrupp"]})
    _replies, after = step(state, message)
    assert after.answers.get("malgrupp") == "ja"


def test_beside_a_fact_that_already_means_bör_inte_no_other_part_is_set_aside(tree: Tree):
    text = "Vi vill ge ett bidrag på 80 000 kr till ett socialt företag, och pengarna går direkt till företaget"
    reading = read_description(tree, text)
    assert reading.facts["stod_till_foretag"].option == "pengar"
    assert reading.set_aside == {}  # "direkt" is the same grant, not a part left out of the assessment


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Regionen köper deras tjänster åt patienter, men pengarna går direkt från förbundet till företaget",
            "direkt från förbundet",
        ),
        (
            "Regionen har upphandlat rehab på ett socialt företag. Företaget skickar fakturan direkt till förbundet.",
            "fakturan direkt till förbundet",
        ),
    ],
)
def test_money_past_the_party_that_procures_is_read_beside_that_party(tree: Tree, text: str, words: str):
    # The party buying is the lawful route's first half; money straight to the company is the
    # second half going wrong, and the outcome about it needs both (trial 8, t8-24).
    facts = read_description(tree, text).facts
    assert facts["utforare"].option == "regionen"
    assert facts["pengavag"].option == "direkt"
    assert words in facts["pengavag"].evidence


def test_the_target_group_written_out_is_kept_whatever_the_learned_reader_thinks(tree: Tree):
    text = (
        "Regionen har upphandlat arbetslivsinriktad rehab på ett socialt företag för deltagare i förbundets"
        " målgrupp. För att det ska gå smidigare skickar företaget fakturan direkt till förbundet."
    )
    assert read_description(tree, text).facts["malgrupp"].option == "ja"


@pytest.mark.parametrize(
    "text", ["en anställning, vi betalar en del av lönen till företaget", "datorer till företaget"]
)
def test_money_or_goods_for_the_company_typed_as_what_participants_get_is_recorded(tree: Tree, text: str):
    # Trial 8 (t8-27, t8-38): these ended in "Något annat" and "the guidance does not cover it". The
    # option is new, so the learned reader has no examples of it and must not veto it.
    option = read_answer(tree.questions["insats_typ"], text).option
    assert option is not None and option.id == "till_foretaget"


def test_computers_for_the_company_the_participants_work_at_are_read_as_goods_for_that_company(tree: Tree):
    text = "FK undrar om förbundet kan köpa in datorer till ett ASF så att deltagarna har något att jobba på"
    facts = read_description(tree, text).facts
    assert facts["insats_typ"].option == "till_foretaget"
    assert facts["foretaget_far"].option == "in_natura"
    assert "datorer till ett ASF" in facts["foretaget_far"].evidence


def test_a_two_way_question_is_settled_by_the_route_the_other_facts_need(tree: Tree):
    # Staff and participants are both named, but a bonus for staff has a route only through
    # "Anställda på företaget": that side is the answer, quoted.
    reading = read_description(tree, "En bonus till personalen på bageriet (ASF) när de tar emot många deltagare")
    assert reading.facts["vem"].option == "asf_personal"
    assert "vem" not in reading.conflicts


def test_an_och_that_joins_a_new_verb_does_not_name_two_sides_together(tree: Tree):
    # "som handleder och stöttar deltagarna" says what the staff do; the bonus is for the staff.
    reading = read_description(tree, "En bonus till personalen på bageriet (ASF) som handleder och stöttar deltagarna")
    assert reading.facts["vem"].option == "asf_personal"


def test_two_sides_named_together_stay_a_question_whatever_the_route(tree: Tree):
    text = "förbundet köper en film om sociala företag som ska visas för politiker och för deltagare"
    reading = read_description(tree, text)
    assert "vem" not in reading.facts
    assert {f.option for f in reading.conflicts["vem"]} == {"deltagare", "parter_och_aktorer"}


def test_a_question_still_ahead_on_the_route_is_never_set_aside_as_another_part(tree: Tree):
    # Trial 8 (t8-37): how the money goes is a question of this very assessment; it was named as a
    # part "not included in this assessment" because the handledare's employer was still open.
    text = (
        "Kommunen vill att förbundet betalar ut 5000 kr per deltagare och månad direkt till de ASF som tar emot"
        " våra deltagare, som en ersättning för handledningen. Kommunen har inte upphandlat något utan vi kallar"
        " det en handledarersättning."
    )
    reading = read_description(tree, text)
    assert reading.facts["insats_typ"].option == "handledare"
    assert "pengavag" not in reading.set_aside


@pytest.mark.parametrize(
    ("text", "question", "option"),
    [
        (
            "Kan förbundet ge ett bidrag på 200 000 kr till ägaren av ett socialt företag?",
            "stod_till_foretag",
            "pengar",
        ),
        ("Kommunen gör en reserverad upphandling av arbetsträningsplatser på sociala företag", "utforare", "kommunen"),
        (
            "Vår arbetsterapeut ska vara handledare på ett ASF och stötta patienterna. Regionen är arbetsgivare.",
            "handledare_anstalld",
            "hos_part",
        ),
        (
            "Arbetsmarknadsenheten vill anställa en jobbcoach för deltagarna på de sociala företagen",
            "handledare_anstalld",
            "hos_part",
        ),
    ],
)
def test_facts_written_in_trial_8_are_read_and_not_asked_again(tree: Tree, text: str, question: str, option: str):
    # The words alone: the learned reader may still ask when it speaks clearly against a short text.
    assert read_description(tree, text, models=learned.WORDS_ONLY).facts[question].option == option


def test_a_party_employing_someone_who_is_not_a_handledare_is_not_read_as_one(tree: Tree):
    text = "Regionen ska anställa en processledare som sprider kunskap om sociala företag till vårdcentralerna"
    facts = read_description(tree, text, models=learned.WORDS_ONLY).facts
    assert "handledare_anstalld" not in facts and facts.get("insats_typ") is None


@pytest.mark.parametrize("step", [dialogue.answer, dialogue.describe, dialogue.fallback])
def test_a_side_question_while_a_question_is_open_is_answered_not_recorded(step):
    # Trial 8 (t8-9): an insurance question typed at the first question was recorded as "Deltagare".
    _, state = dialogue.start(State())
    text = "glöm det. är deltagarna försäkrade när de är ute på företaget? vem har arbetsgivaransvaret?"
    replies, after = step(state, Message(text=text, intent="inform"))
    assert after.answers == {} and after.current_question == "vem"
    assert "försäkringar" in texts(replies)
    assert "Vem är insatsen till för" in replies[-1].text


def test_an_answer_phrased_as_a_question_is_still_the_answer():
    state = at_question(("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande"))
    _, after = dialogue.answer(state, Message(text="kommunen upphandlar, är det ett problem?", intent="inform"))
    assert after.answers.get("utforare") == "kommunen"


def test_two_initiatives_in_one_description_are_named_and_taken_one_at_a_time():
    # Trial 8 (t8-12): a policy and a study visit in one message got no word about the second.
    text = (
        "Vi vill att förbundet är med och tar fram en policy för kommunens upphandling, och samtidigt"
        " bjuder vi in till ett studiebesök på ett socialt företag"
    )
    replies, _ = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    note = next(r.text or "" for r in replies if "mer än en sak" in (r.text or ""))
    assert "policy" in note and "studiebesök" in note and "en insats i taget" in note


def test_one_initiative_gets_no_note_about_several():
    text = "Kommunen köper arbetsträningsplatser på ett kafé åt deltagare, och pengarna går via kommunen"
    replies, _ = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert "mer än en sak" not in texts(replies)


def test_a_part_left_out_is_named_once_even_when_it_sounds_like_two_answers():
    text = (
        "Två delar: arbetsträning på ASF via kommunen för deltagare med samordningsbehov, pengarna går via"
        " kommunen; och ett startbidrag till företaget så att de kan köpa nya maskiner."
    )
    replies, _ = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert texts(replies).count("Den delen ingår inte") == 1


def test_a_doubt_about_the_target_group_is_read_as_not_known_yet(tree: Tree):
    text = "Deltagarna ska arbetsträna på ett kafé som regionen upphandlar, men vi vet inte om de är i målgruppen."
    fact = read_description(tree, text).facts["malgrupp"]
    assert fact.option == "vet_inte" and "målgruppen" in fact.evidence


def test_not_in_the_target_group_is_read_beside_a_party_that_buys(tree: Tree):
    # A party buying places says nothing about the target group: no reason to hold the "Nej" back.
    text = (
        "Arbetsträning på ett socialt företag för personer som inte behöver samordnat stöd. Kommunen köper platserna."
    )
    assert read_description(tree, text).facts["malgrupp"].option == "nej"


@pytest.mark.parametrize(
    "text",
    [
        "Praktik på ett kafé för personer som byter yrke. De har inget behov av rehabilitering.",
        "Vi vill att AF köper platser på ett ASF åt studenter under sommaren, inga rehabiliteringsbehov alls.",
        "Arbetsträning hos kooperativet, fast för folk som inte behöver rehabilitering utan bara erfarenhet.",
        "Regionen vill köpa feriejobb på ett ASF åt ungdomar utan särskilda behov, de har inga särskilda behov alls.",
    ],
)
def test_no_need_of_rehabilitation_is_outside_the_target_group(tree: Tree, text: str):
    # Development set 5: three groups "utan behov av rehabilitering" got a lawful summary.
    assert read_description(tree, text).facts["malgrupp"].option == "nej"


def test_not_yet_mapped_whether_they_need_rehabilitation_is_a_doubt(tree: Tree):
    text = "Kommunen köper platser på Återbruket. Vi har inte kartlagt om personerna behöver samordnad rehabilitering."
    assert read_description(tree, text).facts["malgrupp"].option == "vet_inte"


def test_a_doubt_reaches_over_a_few_more_words(tree: Tree):
    text = "Vi vet inte riktigt om de här personerna är i Finsams målgrupp, men AF köper praktik åt dem på ett ASF."
    assert read_description(tree, text).facts["malgrupp"].option == "vet_inte"


def test_a_later_negation_does_not_undo_who_the_initiative_is_for(tree: Tree):
    # Development set 5: "de kan inte ta emot deltagarna" removed the participants named first.
    text = (
        "Sex deltagare ska arbetsträna på Snickeriet i Ån AB. Förbundet ska också ge företaget 80 000 kronor"
        " till lönerna. Företaget säger att de annars inte kan ta emot deltagarna."
    )
    reading = read_description(tree, text, learned.WORDS_ONLY)
    # Both are named, so the question is asked with both: the participants are no longer dropped.
    assert {fact.option for fact in reading.conflicts["vem"]} == {"deltagare", "foretaget"}


def test_a_negation_first_still_denies_what_it_names(tree: Tree):
    text = "Insatsen är inte för deltagarna utan för personalen på det sociala företaget som handleder deltagarna."
    assert read_description(tree, text, learned.WORDS_ONLY).facts["vem"].option == "asf_personal"


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("de är anställda med lönebidrag och behöver stöttning i jobbet", "sjalva_deltagare"),
        ("lönebidrag till personalen", "ersattning"),
    ],
)
def test_staff_employed_with_wage_subsidy_are_themselves_participants(tree: Tree, text: str, option: str):
    reading = read_answer(tree.questions["asf_personal_stod"], text)
    assert reading.option is not None and reading.option.id == option


@pytest.mark.parametrize(
    "text",
    [
        "Kan förbundet bjuda skolelever på en temadag om sociala företag?",
        "Idrottsföreningen i byn vill ha bidrag till nya tröjor.",
    ],
)
def test_pupils_and_sports_clubs_are_someone_else(tree: Tree, text: str):
    assert read_description(tree, text, learned.WORDS_ONLY).facts["vem"].option == "annan"


def test_a_membership_fee_paid_for_a_company_is_the_companys_membership(tree: Tree):
    text = "Kan förbundet betala medlemsavgiften i branschföreningen för det sociala företaget Vävstugan?"
    assert read_description(tree, text, learned.WORDS_ONLY).facts["medlem_vem"].option == "foretaget"


@pytest.mark.parametrize(
    ("question", "text", "never"),
    [
        # Development set 6: each was recorded, silently, as the option it names the opposite of.
        ("pengavag", "regionen rekvirerar pengarna och betalar fakturan till företaget", "direkt"),
        ("stod_till_foretag", "köpa bokföringstjänster åt företaget", "kopa_tjanster"),
        ("handledare_anstalld", "ett konsultföretag", "hos_foretaget"),
        # Review of session 11: words that were added too wide.
        ("pengavag", "företaget rekvirerar pengarna från förbundet", "via_part"),
        ("medlem_vem", "vi tar kostnaden", "en_part"),
        ("utforare", "regionen ska själv upphandla", "forbundet"),
        ("strukturell_typ", "en reklamfilm om sociala företag i allmänhet", "radgivning_ett_foretag"),
        # Who pays is not who is responsible: every financed initiative is paid by the förbund.
        ("utforare", "det är förbundet som betalar", "forbundet"),
        ("utforare", "förbundet står för kostnaden", "forbundet"),
    ],
)
def test_a_typed_answer_is_not_recorded_as_what_it_only_seems_to_name(tree: Tree, question: str, text: str, never: str):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is None or reading.option.id != never


@pytest.mark.parametrize(
    ("question", "text", "option"),
    [
        # Development set 6: asked back although the answer says it plainly.
        ("medlem_vem", "kommunen blir medlem och förbundet tar kostnaden", "en_part"),
        ("medlem_vem", "företaget själv, förbundet betalar deras medlemsavgift", "foretaget"),
        ("vem", "ordföranden och VD:n i det sociala företaget", "asf_personal"),
    ],
)
def test_who_becomes_member_and_who_is_meant_are_read_from_the_subject(
    tree: Tree, question: str, text: str, option: str
):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is not None and reading.option.id == option


def test_a_negated_answer_is_never_recorded_as_yes_by_the_model(tree: Tree):
    # Trial 15 (t15-15): "det finns inga deltagare, …" at the target-group question was noted as "Ja".
    reading = read_answer(tree.questions["malgrupp"], "det finns inga deltagare, hon jobbar mot alla parterna")
    assert reading.option is None or reading.option.id != "ja"


def test_an_inflated_price_beside_places_a_party_buys_is_set_aside_as_a_grant(tree: Tree):
    # Trial 15 (t15-18): places bought "till överpris" so the company could buy premises got a lawful result.
    text = "Regionen köper platser på Kaffekvarnen åt deltagare till överpris, så att företaget får råd med en ny ugn."
    reading = read_description(tree, text)
    assert reading.set_aside["stod_till_foretag"].option == "pengar"


def test_an_advertising_film_for_one_company_is_never_a_film_about_the_possibilities(tree: Tree):
    # Trial 15 (t15-22): "en reklamfilm åt ett socialt företag så att fler kunder hittar dit" was read, and
    # answered, as a film showing what social enterprises can mean, and got "kan finansieras".
    text = "Vi vill bekosta en reklamfilm åt det sociala företaget Cykelverkstan så att de får fler kunder."
    reading = read_description(tree, text)
    assert "strukturell_typ" not in reading.facts and "mottagare" not in reading.facts
    typed = read_answer(tree.questions["strukturell_typ"], "en reklamfilm åt företaget")
    assert typed.option is None or typed.option.id != "mojligheter"


@pytest.mark.parametrize(
    "text",
    [
        "Förbundet vill starta en samverkansgrupp i egen regi för handläggarna.",
        "Regionen ger företaget 500 kr per plats och dag för arbetsträning åt deltagarna.",
    ],
)
def test_a_plain_purchase_or_own_group_is_no_must_avoid_part(tree: Tree, text: str):
    assert not must_not_proposed(tree, text)
    assert not read_description(tree, text, learned.WORDS_ONLY).set_aside


def test_the_foerbund_procuring_itself_is_read_as_the_foerbund(tree: Tree):
    # Trial 15 (t15-12): "förbundet tänker själv upphandla …" was asked again as "Vilken part …?".
    text = "Förbundet vill själv upphandla platser på Snickeriet åt deltagare i arbetsträning."
    assert read_description(tree, text, learned.WORDS_ONLY).facts["utforare"].option == "forbundet"


def test_part_of_the_wage_of_the_companys_own_supervisor_is_read_as_pay_for_its_staff(tree: Tree):
    # Trial 15 (t15-20): part of the wage of a supervisor the company employs got "kan finansieras på villkor"
    # as a handledare, the wage never named.
    text = "Vi vill betala en del av lönen för en arbetsledare anställd på Returen, och kommunen förmedlar pengarna."
    reading = read_description(tree, text, learned.WORDS_ONLY)
    assert reading.must_nots["asf_personal_stod"].option == "ersattning"
    assert read_answer(tree.questions["pengavag"], "kommunen förmedlar pengarna").option.id == "via_part"  # type: ignore[union-attr]


def test_a_party_that_pays_is_the_route_via_the_party(tree: Tree):
    option = read_answer(tree.questions["pengavag"], "kommunen betalar").option
    assert option is not None and option.id == "via_part"


def test_the_foerbund_named_as_buyer_is_never_read_as_the_party_that_wants_it(tree: Tree):
    # Development set 6: in "regionen vill att förbundet köper platserna" the region was read as the buyer
    # ("regionen ~ köpa" reached over "att förbundet"), and the route settled the förbund away.
    text = (
        "Deltagare ska arbetsträna på Returen. Regionen vill att förbundet köper platserna, pengarna går via regionen."
    )
    reading = read_description(tree, text, learned.WORDS_ONLY)
    assert "utforare" not in reading.facts
    assert reading.must_nots["utforare"].option == "forbundet"


def test_a_gap_still_bridges_the_infinitive_att(tree: Tree):
    text = "Regionen kommer att köpa arbetsträningsplatser åt deltagarna hos Returen."
    assert read_description(tree, text, learned.WORDS_ONLY).facts["utforare"].option == "regionen"


def test_a_supporting_membership_offered_to_the_foerbund_is_the_foerbunds_own(tree: Tree):
    text = "En intresseförening för sociala företag erbjuder förbundet stödmedlemskap för 2 000 kr om året."
    facts = read_description(tree, text, learned.WORDS_ONLY).facts
    assert facts["medlem_vem"].option == "forbundet"


def test_where_the_handledare_is_employed_is_never_guessed(tree: Tree):
    # Trial 9: "Hos en av parterna" was proposed on words that do not say it.
    text = "Kommunen vill att vi finansierar en handledare för deltagare på ett ASF, pengarna går via kommunen."
    assert "handledare_anstalld" not in read_description(tree, text).facts


def test_money_direct_to_the_party_typed_is_via_the_party(tree: Tree):
    # Trial 9 (t9-30): "direkt till regionen" was recorded as money straight to the company.
    option = read_answer(tree.questions["pengavag"], "direkt till regionen").option
    assert option is not None and option.id == "via_part"


@pytest.mark.parametrize(
    ("text", "question", "option"),
    [
        (
            "Kommunen köper arbetsträning på ett ASF åt deltagare via kommunen, och företaget vill att vi betalar"
            " löner för två av deras arbetsledare.",
            "asf_personal_stod",
            "ersattning",
        ),
        (
            "En kurs om sociala företag för handläggare hos FK och AF, och en parallell kurs i marknadsföring för"
            " de sociala företagens handledare så att de kan sälja fler tjänster.",
            "asf_personal_stod",
            "kompetensutveckling",
        ),
    ],
)
def test_a_must_avoid_part_beside_an_allowed_one_is_never_silently_dropped(
    tree: Tree, text: str, question: str, option: str
):
    # Trial 9 (t9-33, t9-40): the must-avoid half got no note and the result said "kan finansieras".
    assert read_description(tree, text).must_nots[question].option == option


@pytest.mark.parametrize(
    ("text", "question", "option"),
    [
        # Development set 7: money to the owners was read as nothing but "Deltagare".
        (
            "Får förbundet skicka 20 000 kr till ägaren av Snickeriet som tack för platserna?",
            "stod_till_foretag",
            "pengar",
        ),
        # ... and an advertising film showing one café was read as the förbund's own film.
        (
            "Vi vill spela in en reklamfilm där Kafé Solrosen visar upp sin lunchmeny.",
            "stod_till_foretag",
            "tjanst_at_foretaget",
        ),
        ("Förbundet vill ta fram en reklamfilm om Kafé Solrosen och deras lunchmeny.", "mottagare", "ett_foretag"),
    ],
)
def test_money_to_the_owners_and_an_advertising_film_are_named_as_must_nots(
    tree: Tree, text: str, question: str, option: str
):
    reading = read_description(tree, text)
    assert reading.must_nots[question].option == option
    assert reading.facts.get("mottagare") is None or reading.facts["mottagare"].option != "egen_verksamhet"


@pytest.mark.parametrize(
    "text",
    [
        # Review of session 14: each of these got a must-not from a cue or the café made a company.
        "Förbundet vill ta fram en reklamfilm om samordningsförbundet och vad vi gör.",
        "Vi vill skicka en inbjudan till ägarna av ASF i länet om en utbildningsdag.",
        "Vi vill trycka annonser och broschyrer för vår inspirationsdag om sociala företag.",
        "Kommunen köper arbetsträning för deltagare på Kafé Linden. Förbundet betalar kommunen som betalar kaféet.",
        "Vi köper lunch från kaféet och betalar lite över priset eftersom de lagar specialkost.",
    ],
)
def test_lawful_texts_near_the_new_cues_get_no_must_not(tree: Tree, text: str):
    reading = read_description(tree, text)
    assert not reading.set_aside
    assert all(not fact.option.startswith(("direkt", "ett_foretag")) for fact in reading.facts.values())
    assert "stod_till_foretag" not in reading.must_nots


def test_a_typed_answer_with_no_goal_of_work_for_now_is_no_answer_outside_the_target_group(tree: Tree):
    reading = read_answer(tree.questions["malgrupp"], "de har inget mål om jobb just nu men behöver samordnat stöd")
    assert reading.option is None or reading.option.id != "nej"


def test_a_grant_requested_after_the_scene_is_assessed_even_when_it_is_to_pass_a_party(tree: Tree):
    # Trial 18 (t18-19): the rent for the company, "via kommunen, så det blir rätt", was set aside and the
    # places the municipality already buys were summarised and given "kan finansiera på villkor".
    text = (
        "Regionen köper redan platser på Växthuset ASF åt våra deltagare. Företaget går back, så förbundet vill"
        " betala deras lokalhyra i år – via regionen, så att det blir formellt rätt."
    )
    reading = read_description(tree, text, learned.WORDS_ONLY)
    assert reading.facts["insats_typ"].option == "till_foretaget"
    assert "pengavag" not in reading.facts and not reading.set_aside


def test_a_request_to_pay_for_the_scene_itself_keeps_the_scene(tree: Tree):
    # Second review of session 14: "finansiera det via kommunen med ett engångsbelopp" turned the work training
    # the municipality buys into money to the company.
    text = (
        "Regionen köper arbetsträning på ett socialt företag åt deltagare. Förbundet vill finansiera det via"
        " regionen med ett engångsbelopp på 60 000 kr."
    )
    facts = read_description(tree, text).facts
    assert facts["insats_typ"].option == "arbetsforberedande" and facts["utforare"].option == "regionen"


def test_a_request_for_the_company_after_the_scene_is_read_on_its_own_route(tree: Tree):
    # Second review of session 14: the scene rule dropped who it is for and with it the coffee machine.
    text = "Fyra av våra deltagare praktiserar på Kafé Björken. Kan förbundet betala en ny diskmaskin till kaféet?"
    for models in (learned.WORDS_ONLY, None):  # the words read it for participants, the learned reader for the company
        facts = read_description(tree, text, models).facts
        assert any(fact.option == "in_natura" for fact in facts.values()), facts


def test_paying_above_the_price_to_support_the_company_is_a_grant(tree: Tree):
    # Trial 18 (t18-3): "20 % över deras pris, för att stötta dem" beside an ordinary purchase was not named.
    text = "Vi beställer julbordet från ett ASF-kafé och betalar en tusenlapp över deras pris som stöttning."
    assert read_description(tree, text).must_nots["stod_till_foretag"].option == "pengar"


def test_a_handledare_a_party_employs_is_read_as_employed_there(tree: Tree):
    # Trial 18 (t18-17): "en handledare som AF anställer" was asked again ("Var är handledaren anställd?").
    text = "Förbundet ska betala en handledare som kommunen har anställt och som stöttar deltagare på ett ASF."
    assert read_description(tree, text).facts["handledare_anstalld"].option == "hos_part"


def test_people_with_no_goal_of_work_are_outside_the_target_group(tree: Tree):
    # Development set 7: "patienter … som inte har något mål om arbete alls" got work training for participants.
    text = (
        "Kommunen vill köpa platser på ett ASF för brukare som inte har något mål om arbete alls, bara dagverksamhet."
    )
    assert read_description(tree, text).facts["malgrupp"].option == "nej"


def test_a_cafe_is_a_company_in_the_words_for_one():
    # Most social enterprises in the texts are cafés: "ge kaféet" is "ge företaget".
    assert swedish.find("ge företaget", swedish.tokens("Kan vi ge kaféet ett bidrag?"))
    assert swedish.find("företaget", swedish.tokens("arbetsträning på ASF-caféet"))


def test_an_initiative_beside_a_question_about_another_topic_is_answered_and_read():
    # Trial 9 (t9-4): the personal-data question was answered and the study visit lost.
    text = (
        "Kan vi betala ett studiebesök för handläggare från AF och kommunen till ett socialt företag i Göteborg?"
        " Tåg och hotell. Och en fråga till: får vi lägga in deltagarnas personnummer i chatten här?"
    )
    replies, after = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert "personuppgifter" in (replies[0].text or "")
    assert after.pending and after.pending.get("strukturell_typ") == "evenemang"
    assert all("personnummer" not in words for words in (after.evidence or {}).values())


def test_a_cost_named_in_a_description_is_part_of_the_initiative_not_a_question_about_it():
    # Trial 10 (t10-17): "fika" in a statement got the answer about the förbund's own purchases.
    text = (
        "Försäkringskassan här. Vi vill ha ett nätverk för handläggare från alla fyra parter om sociala"
        " företag i Skaraborg. Förbundet står för lokal och fika. Ok?"
    )
    replies, after = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert "inköp" not in texts(replies)
    assert after.pending and after.pending.get("vem") == "parter_och_aktorer"
    # ... while the same words asked as a question are still that topic
    question = "Kan förbundet köpa catering från ett socialt företag till vår egen konferens?"
    replies, after = dialogue.describe(State(), Message(text=question, intent="describe_initiative"))
    assert "inköp" in texts(replies) and not after.pending


@pytest.mark.parametrize(
    "text",
    [
        "Och om förbundet betalar dubbelt så mycket som fikat kostar, för att kaféet ska få lite extra?",
        "Får vi betala mer än cateringen kostar när vi beställer från ASF-kaféet till vår konferens, så att de får"
        " ett extra tillskott?",
    ],
)
@pytest.mark.parametrize(
    "action", [ActionDescribeInitiative, ActionFallback, ActionStartAssessment, ActionChangeAnswer]
)
def test_a_grant_hidden_in_an_ordinary_purchase_is_assessed_not_only_answered_as_a_purchase(text: str, action: type):
    # Trial 17 (t17-22): paying more than lunch costs "för att stötta caféet", asked as a question after the
    # answer about the förbund's own purchases, got that answer again and no word about a grant.
    talk = Conversation()
    sent = talk.send(action(), text)
    assert "inköp" in said(sent)  # the question about the purchase is still answered ...
    lead = messages.text("describe.must_not_beside_topic", evidence="@@").split("@@")[0]
    assert lead in said(sent)  # ... and the extra payment is named and assessed
    assert talk.slots["pending_answers"] or talk.slots["current_question"]


def test_an_initiative_heard_as_a_wish_for_a_person_is_assessed():
    # Trial 18 (t18-4): "Hej, jag är ny på kansliet … Kan förbundet bli medlem i Skoopi?" was heard as a
    # request to talk to the kansli and got only its contact details.
    talk = Conversation()
    talk.send(ActionHandoff(), "Hej, jag jobbar på kansliet. Får förbundet gå med i en intresseförening för ASF?")
    pending = talk.slots["pending_answers"] or {}
    assert "medlem" in pending.values() or "medlem_vem" in pending  # a summary of the membership
    # ... while a message that asks for a person is a handoff, whatever else it names
    other = Conversation()
    sent = other.send(ActionHandoff(), "Kan jag prata med någon om att förbundet går med i en intresseförening?")
    assert not other.slots["pending_answers"] and "kansli" in said(sent)


def test_two_questions_about_other_topics_are_both_answered_and_start_no_assessment():
    # Trial 36 (t36-4): the answer about personal data came, then the insurance question was summarised as work
    # training at a social enterprise and never answered.
    text = (
        "En sak till: måste praktikanterna som arbetstränar hos ett socialt företag vara försäkrade på något sätt?"
        " Och kan jag skriva deras personnummer i den här chatten?"
    )
    replies, after = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    said = texts(replies)
    assert "försäkringar" in said and "personuppgifter" in said
    assert said.index("försäkringar") < said.index("personuppgifter")  # in the order asked
    assert not after.pending and after.current_question is None
    # ... and an initiative beside both is still read, without either question
    text = (
        "Regionen vill köpa arbetsträningsplatser på Kafé Linden åt sina patienter, med förbundets pengar via"
        " regionen. Är de försäkrade där? Får vi mejla företaget deras diagnoser?"
    )
    replies, after = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert "försäkringar" in texts(replies) and "personuppgifter" in texts(replies)
    assert after.pending and after.pending.get("utforare") == "regionen"
    assert all("försäkrade" not in words and "diagnos" not in words for words in (after.evidence or {}).values())


@pytest.mark.parametrize("action", [ActionDescribeInitiative, ActionAnswer, ActionFallback])
def test_at_the_line_choice_a_question_aside_is_answered_and_a_wish_to_leave_asks_first(action: type):
    # Trial 36 (t36-4): after "Nej", "avbryt. vad gäller för försäkring …?" and "jag vill inte bedöma nån insats
    # nu" got "Jag kunde inte läsa ut något nytt …" again and again.
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "Regionen vill köpa praktikplatser hos Snickeriet Kvisten åt sina patienter")
    talk.send(ActionAnswer(), "nej", intent="deny")
    lines = talk.slots["pending_answers"]
    sent = talk.send(action(), "men gäller någon försäkring för patienterna när de är där?")
    assert "försäkringar" in said(sent) and "Vilken rad" in said(sent)
    assert talk.slots["pending_answers"] == lines  # still choosing the wrong line
    for leaving in ("Avbryt! Är de försäkrade när de praktiserar?", "nä, jag ska inte bedöma något just nu"):
        sent = talk.send(action(), leaving)
        assert "Vill du avbryta bedömningen?" in said(sent)
        assert ("försäkringar" in said(sent)) == ("försäkrade" in leaving)
        assert talk.slots["pending_answers"] == lines  # nothing is thrown away before the user says so
    # ... and "Nej, fortsätt bedömningen" goes back to the lines
    sent = talk.send(ActionStartAssessment(), "/start_assessment", intent="start_assessment", choice="fortsatt")
    assert "Vilken rad" in said(sent) and talk.slots["pending_answers"] == lines
    # ... while a correction that names a line is still a correction
    sent = talk.send(action(), "det är inte regionen utan kommunen som köper platserna")
    assert "Vill du avbryta" not in said(sent)
    assert (talk.slots["pending_answers"] or {}).get("utforare") == "kommunen"


@pytest.mark.parametrize(("action", "intent"), [("ActionWhy", "ask_why"), ("ActionDescribeInitiative", "inform")])
def test_a_why_about_one_numbered_point_gets_that_point_and_where_it_stands(action: str, intent: str):
    # Trial 36 (t36-7): "varför villkor 4? vad menas med påslag?" got the whole chain, question by question,
    # and not the condition asked about, the only one the chain does not show.
    from actions import actions

    text = "AF köper arbetsträning hos Cykelköket åt långtidsarbetslösa som behöver samordnat stöd, betalt via AF."
    talk = summary_confirmed(text)
    result = talk.slots["last_result"]
    assert result and len(result["conditions"]) >= 2 and len(result["reasons"]) >= 2
    step = getattr(actions, action)()
    for asked, kind, number in (
        ("men varför villkor 2, vad betyder det?", "conditions", 2),
        ("Varför det andra skälet?", "reasons", 2),
        ("varför skäl nr 1", "reasons", 1),
    ):
        sent = talk.send(step, asked, intent=intent)
        point = result[kind][number - 1]
        assert point["text"] in said(sent)
        assert all(cite["text"] in said(sent) for cite in point["cites"])
        assert (sections.READING_NOTE in said(sent)) == bool(point.get("reading"))
        others = [p["text"] for p in result["conditions"] + result["reasons"] if p is not point]
        assert not any(other in said(sent) for other in others)  # that point only, not the chain
        assert "Svar:" not in said(sent)
    sent = talk.send(step, "varför villkor 12?", intent=intent)
    assert f"{len(result['conditions'])} villkor" in said(sent)
    # "andra villkor" are other conditions, not the second (review of session 27)
    sent = talk.send(step, "varför finns det andra villkor för sociala företag?", intent=intent)
    assert "Villkor 2 i bedömningen" not in said(sent)
    # ... and an objection that denies an answer reopens it, a number beside it or not
    sent = talk.send(step, "varför villkor 1? det är ju inte AF utan kommunen som köper", intent=intent)
    assert "Villkor 1 i bedömningen" not in said(sent) and talk.slots["current_question"] == "utforare"


@pytest.mark.parametrize(("action", "intent"), [("ActionWhy", "ask_why"), ("ActionDescribeInitiative", "inform")])
def test_a_why_about_a_number_alone_gets_the_points_of_that_number(action: str, intent: str):
    # Trial 39: "varför punkt 3?" (no "villkor" or "skäl") got the whole chain, question by question.
    from actions import actions

    text = "Regionen köper arbetsträning hos Tryckeriet åt sjukskrivna som behöver samordnat stöd, betalt via regionen."
    talk = summary_confirmed(text)
    result = talk.slots["last_result"]
    conditions, reasons = result["conditions"], result["reasons"]
    assert len(conditions) >= 2 and len(reasons) >= 2 and len(conditions) != len(reasons)
    step = getattr(actions, action)()
    # A number both lists have: the condition and the reason of that number, nothing else.
    sent = talk.send(step, "varför punkt 2?", intent=intent)
    assert conditions[1]["text"] in said(sent) and reasons[1]["text"] in said(sent)
    assert "Villkor 2 i bedömningen" in said(sent) and "Skäl 2 i bedömningen" in said(sent)
    others = [p["text"] for p in conditions + reasons if p not in (conditions[1], reasons[1])]
    assert not any(other in said(sent) for other in others) and "Svar:" not in said(sent)
    # The list named elsewhere in the message: that list's point only (review of session 29).
    sent = talk.send(step, "varför då, villkoret i punkt 2?", intent=intent)
    assert "Villkor 2 i bedömningen" in said(sent) and "Skäl 2 i bedömningen" not in said(sent)
    # ... and the guidance named elsewhere in the message does not hide the point (second review of session 29)
    sent = talk.send(step, "varför punkt 2 i bedömningen, jag hittar det inte i vägledningen", intent=intent)
    assert "Villkor 2 i bedömningen" in said(sent)
    # A point of the guidance, as the result cites it, is no point of the result.
    sent = talk.send(step, "varför står det punkt 1 i vägledningen under det man ska undvika?", intent=intent)
    assert "i bedömningen:" not in said(sent)
    # A number only the longer list has: that point alone.
    longer, kind = (conditions, "Villkor") if len(conditions) > len(reasons) else (reasons, "Skäl")
    number = len(longer)
    sent = talk.send(
        step, f"varför den {['', 'första', 'andra', 'tredje', 'fjärde', 'femte'][number]} punkten?", intent=intent
    )
    assert f"{kind} {number} i bedömningen" in said(sent) and longer[-1]["text"] in said(sent)
    assert not any(p["text"] in said(sent) for p in conditions + reasons if p is not longer[-1])


@pytest.mark.parametrize("intent", ["inform", "describe_initiative"])
def test_asking_if_a_grant_becomes_ok_through_a_party_is_about_this_result(intent: str):
    # Trial 36: "blir det inte ok om bidraget också går via kommunen?" after "bör inte" for a grant was read as a new
    # initiative of several parties.
    talk = summary_confirmed("Förbundet vill ge Syateljén Nålen ett bidrag på 100 000 kr till nya symaskiner.")
    clicked_to_the_result(talk, ("vem", "foretaget"), ("stod_till_foretag", "pengar"))
    result = talk.slots["last_result"]
    assert result is not None and result["verdict"] == "not_financeable"
    sent = talk.send(ActionDescribeInitiative(), "men blir det inte ok om pengarna går via kommunen då?", intent=intent)
    assert "Det ändrar inte bedömningen" in said(sent)
    assert talk.slots["last_result"]["answers"] == result["answers"] and not talk.slots["pending_answers"]


def test_an_initiative_asked_with_a_topic_word_after_another_topic_is_still_read():
    # Review of session 27: the second question, an initiative with "utan upphandling" in it, was taken for the
    # procurement topic and the initiative was lost.
    text = (
        "Får vi skriva deltagarnas namn här? Och kan kommunen köpa platser på Kafé Linden utan upphandling, med"
        " förbundets pengar via kommunen?"
    )
    replies, after = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert "personuppgifter" in texts(replies) and "upphandling" not in texts(replies).split("Så här")[0]
    assert after.pending and after.pending.get("utforare") == "kommunen"
    # ... and two topics in one sentence are both answered
    one = "Måste deltagarna vara försäkrade och får vi skriva in deras personnummer här?"
    replies, after = dialogue.describe(State(), Message(text=one, intent="describe_initiative"))
    assert "försäkringar" in texts(replies) and "personuppgifter" in texts(replies) and not after.pending


@pytest.mark.parametrize(
    "correction",
    [
        "AF vill inte bedöma deltagarna själva, därför köper de kartläggning av företaget",
        "regionen ska inte bedöma deltagarnas arbetsförmåga, det gör snickeriet",
        "Från början, alltså i fjol, var det kommunen som köpte",
    ],
)
def test_a_correction_at_the_line_choice_is_no_wish_to_leave(correction: str):
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "Regionen vill köpa praktikplatser hos Snickeriet Kvisten åt sina patienter")
    talk.send(ActionAnswer(), "nej", intent="deny")
    sent = talk.send(ActionAnswer(), correction)
    assert "Vill du avbryta" not in said(sent)


def test_a_correction_beside_a_question_aside_at_the_line_choice_is_made():
    # Review of session 27: the procurement answer came and the party stayed the region.
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "Regionen vill köpa praktikplatser hos Snickeriet Kvisten åt sina patienter")
    talk.send(ActionAnswer(), "nej", intent="deny")
    sent = talk.send(ActionAnswer(), "det är kommunen som direktupphandlar platserna, måste de annonsera?")
    assert "upphandl" in said(sent).lower()
    assert (talk.slots["pending_answers"] or {}).get("utforare") == "kommunen"


@pytest.mark.parametrize(
    "extra",
    [
        "I avtalet lägger vi också ett driftstillägg på 60 000 kr som kooperativet får använda fritt.",
        "Ovanpå det får kooperativet 60 000 kr att använda hur de vill, för att kunna växa.",
    ],
)
def test_money_the_company_may_spend_freely_beside_a_purchase_is_set_aside_and_can_be_asked_about(extra: str):
    # Trial 37 (t37-6): "ett utvecklingstillägg på 100 000 kr som företaget får använda fritt" in the same agreement
    # as places a party buys was not read at all; the result and the memo said "på villkor" for the whole.
    text = f"Kommunen köper fem arbetsträningsplatser på Kooperativet Humlan, förbundet betalar via kommunen. {extra}"
    tree = dialogue.tree()
    assert read_description(tree, text).set_aside.get("stod_till_foretag") is not None
    for thing in ("ett extratillägg", "ett tillägg"):  # a compound, and the same word (found live)
        talk = summary_confirmed(
            "Kommunen köper fem arbetsträningsplatser på Kooperativet Humlan, förbundet betalar via kommunen. Ovanpå"
            f" det får kooperativet {thing} på 60 000 kr att använda hur de vill."
        )
        clicked_to_the_result(talk, ("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande"))
        result = talk.slots["last_result"]
        assert result is not None and result["verdict_sentence"] == messages.text("describe.verdict_without_the_part")
        sent = talk.send(ActionDescribeInitiative(), "så tillägget är ok då, eftersom det står i kommunens avtal?")
        assert talk.slots["last_result"]["verdict"] == "not_financeable", said(sent)  # that part, assessed
    # ... while words every part may name do not name that part again
    part = "I samma avtal får kooperativet ett tillägg på 60 000 kr att använda fritt."
    assert dialogue._names_the_thing_again("så tilläggen är ok?", part)
    assert not dialogue._names_the_thing_again("blir det ok om kooperativet står i avtalet med kommunen då?", part)
    # ... while an addendum for more places is no money to the company
    addendum = "Kommunen köper platser på Humlan, och vi gör ett tillägg till avtalet om två platser till."
    assert "stod_till_foretag" not in read_description(tree, addendum).set_aside


def test_an_initiative_and_two_other_questions_in_one_message_are_all_taken_up():
    # Trial 37 (t37-1, t37-11): only the budget question was answered; the initiative and "vem har tagit fram
    # vägledningen?" were lost.
    text = (
        "Får kommunen köpa praktikplatser på Bageriet Limpan med förbundets pengar? Hur stor andel av budgeten kan"
        " gå till sådant? Och vem tog fram vägledningen?"
    )
    replies, after = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert "styrelse" in texts(replies) and "Nationella rådet" in texts(replies)
    assert after.pending and after.pending.get("utforare") == "kommunen"


@pytest.mark.parametrize("action", ["ActionAnswer", "ActionBack", "ActionFallback"])
def test_at_the_line_choice_right_after_all_confirms_and_a_wish_to_leave_in_passing_asks_first(action: str):
    # Trial 37: "förlåt, jag ångrar mig, det stämmer ju ändå" went back to the first question and lost the summary;
    # "äsch, avbryt, jag tar det en annan gång" became the line "Vem: Någon annan"; "nej! jag vill sluta" a "Nej".
    from actions import actions

    for typed, leaves in (
        ("oj, jag ångrar mig. Det stämmer ju ändå", False),
        ("äsch, avbryt, jag gör det i morgon", True),
        ("nej! jag vill sluta", True),
    ):
        talk = Conversation()
        talk.send(
            ActionDescribeInitiative(), "Regionen vill köpa praktikplatser hos Snickeriet Kvisten åt sina patienter"
        )
        lines = talk.slots["pending_answers"]
        talk.send(ActionAnswer(), "nej", intent="deny")
        sent = talk.send(getattr(actions, action)(), typed)
        if leaves:
            assert "Vill du avbryta bedömningen?" in said(sent) and talk.slots["pending_answers"] == lines
        else:
            assert "Bra, då går vi vidare." in said(sent) and talk.slots["answers"] == lines


def test_a_what_if_after_a_result_with_a_question_about_another_topic_gets_both():
    # Trial 37 (t37-2): "om det i stället är regionen som köper platser …? och får jag skriva in deltagarnas diagnoser
    # här …?" tried the new answers and never answered the question about personal data.
    talk = summary_confirmed("Förbundet vill ge Verkstan Kugghjulet 200 000 kr per år till arbetsledarens lön.")
    clicked_to_the_result(talk, ("vem", "foretaget"), ("stod_till_foretag", "pengar"))
    assert talk.slots["last_result"] is not None
    sent = talk.send(
        ActionAnswer(),
        "och om kommunen i stället köper platser hos verkstan och vi betalar via kommunen? får vi skicka deltagarnas"
        " personnummer till verkstan?",
    )
    assert "personuppgifter" in said(sent)
    assert talk.slots["current_question"] is not None or talk.slots["last_result"]["answers"].get("utforare")


def test_a_question_about_another_topic_alone_is_not_read_as_an_initiative():
    text = "Är deltagarna försäkrade när de gör arbetsträning på ett socialt företag?"
    replies, after = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert "försäkringar" in texts(replies) and not after.pending


def test_participants_in_the_scene_are_not_whom_a_request_for_the_company_is_for(tree: Tree):
    # Development set 7: "Våra deltagare jobbar på … Kan vi betala annonser … för kaféet?" was summarised as
    # an initiative for the participants; the request names no one it is for, so that is asked.
    scene = "Tre av våra deltagare praktiserar på Tryckeriet Arken."
    assert read_description(tree, f"{scene} Kan förbundet bekosta en ny skylt till tryckeriet?").facts == {}
    # ... but a request that points back at them, or says what they get, is about them
    for request in ("Kan förbundet betala deras handledare?", "Kan förbundet betala för arbetsträningen?"):
        assert read_description(tree, f"{scene} {request}").facts["vem"].option == "deltagare"
    # ... and a first sentence that is itself the request is no scene
    text = "Vi vill ordna en temadag för handläggare hos parterna. Vi betalar lokalen och fikat."
    assert read_description(tree, text).facts["vem"].option == "parter_och_aktorer"


def test_participants_in_the_reason_for_a_request_for_the_company_are_not_whom_it_is_for(tree: Tree):
    # Development set 7 (md7096): money to a company's owners "som tack för att de tagit emot våra deltagare"
    # was summarised as an initiative for the participants; the request is the part to avoid, on its own route.
    for text, part in (
        (
            "Vill förbundet ge en engångssumma till ägarna av Snickeriet som tack för att de tog emot deltagare?",
            "pengar",
        ),
        ("Kan förbundet betala en ny diskmaskin till kaféet eftersom flera av våra deltagare jobbar där?", "in_natura"),
    ):
        facts = read_description(tree, text).facts
        assert (facts["vem"].option, facts["stod_till_foretag"].option) == ("foretaget", part)
    # ... but a reason that says what the participants get, or a request for them, is about them
    text = "Vi vill ge pengar till kooperativet så att våra deltagare får en handledare där."
    assert read_description(tree, text).facts["insats_typ"].option == "handledare"
    text = "Förbundet vill betala arbetskläder så att deltagarna kan arbetsträna på kaféet."
    assert read_description(tree, text).facts["vem"].option == "deltagare"
    # ... and a part to avoid in another sentence is no request with that reason (review of session 20)
    text = "Kan förbundet betala lunchen så att deltagarna orkar hela dagen? Kaféet vill också ha ett driftsbidrag."
    reading = read_description(tree, text)
    assert reading.facts["vem"].option == "deltagare" and "stod_till_foretag" in reading.set_aside


def test_participants_studied_by_an_evaluation_are_what_it_studies_not_whom_it_is_for(tree: Tree):
    # Development set 6 (md6046): an evaluation of how participants fared was summarised as an initiative for the
    # participants. Participants named as what a study is about are not whom it is for (trial 61, t61-4; the gold of
    # md6046 and md14057 says the parties'): the study, a knowledge initiative, implies that, said as assumed.
    text = "Förbundet vill beställa en kartläggning av hur deltagarna på kooperativen i länet har det."
    reading = read_description(tree, text)
    assert reading.facts["strukturell_typ"].option == "annan_kunskap"
    assert reading.facts["vem"].option == "parter_och_aktorer" and "vem" in reading.implied
    # ... while another knowledge initiative about how participants fare asks (second review of session 20)
    for text in (
        "Vi vill ordna en konferens om hur deltagarna har det på de sociala företagen.",
        "Vi vill ta fram en policy för hur deltagarna ska tas emot på sociala företag.",
    ):
        assert "vem" in read_description(tree, text).conflicts
    # ... while an inspiration day for them is theirs (review of session 20), as participants with work training are
    text = "Vi vill ordna en inspirationsdag om sociala företag för deltagarna."
    assert read_description(tree, text).facts["vem"].option == "deltagare"
    assert read_description(tree, "Deltagarna ska arbetsträna på kooperativet.").facts["vem"].option == "deltagare"


PLACES_AT_GNISTAN = "Kommunen köper arbetsträningsplatser på Kooperativet Gnistan och förbundet betalar via kommunen."


@pytest.mark.parametrize(
    "extra",
    [
        "Dessutom vill vi lägga på 15 % extra på priset så att kooperativet går runt.",
        "Vi betalar ett påslag så att kooperativet klarar sin ekonomi.",
        # Second review of session 20: support written with other reasons.
        "Vi lägger på 10 % extra per plats för att kooperativet ska överleva.",
        "Gnistan får ett påslag på 15 % för att de ska klara sig.",
        "Vi betalar 25 procent mer än marknadspriset eftersom kooperativet har det tufft.",
        # Fourth review of session 20: written otherwise, and a sum paid whatever is delivered.
        "Förbundet betalar lite extra för varje plats så att företaget klarar sig.",
        "Kooperativet får 15 % extra per plats så att det kan behålla sina anställda och överleva.",
        "Kommunen betalar också kooperativet 200 000 kr per år oavsett hur många deltagare som kommer.",
        # Trial 30: a surcharge so that the company can hire someone.
        "Vi betalar 20 % extra per plats så att kooperativet kan anställa en till.",
    ],
)
def test_a_surcharge_on_places_a_party_buys_is_named_as_money_to_the_company(tree: Tree, extra: str):
    # Trial 26 (t26-19): "lägga på 10 % extra på ersättningen så att caféet klarar sin ekonomi" beside places a
    # party buys was left out of the summary, and the result said "kan finansiera på villkor".
    text = f"{PLACES_AT_GNISTAN} {extra}"
    reading = read_description(tree, text)
    assert reading.facts["utforare"].option == "kommunen"
    assert reading.set_aside["stod_till_foretag"].option == "pengar"


def test_a_surcharge_in_the_sentence_about_the_participants_is_still_named(tree: Tree):
    # Trial 30: "regionen köper arbetsträning för deltagare … men betalar 20 % extra så att företaget kan anställa en
    # till" was summarised without the surcharge (the participants in the same sentence hid it) and got "kan
    # finansieras på villkor".
    text = "regionen köper arbetsträning för deltagare på ett ASF men betalar 20 % extra så att företaget kan anställa"
    reading = read_description(tree, text)
    assert reading.facts["utforare"].option == "regionen"
    assert reading.set_aside["stod_till_foretag"].option == "pengar"


@pytest.mark.parametrize(
    "extra",
    [
        # Review of session 20: lawful details that the first surcharge cues set aside as money to the company.
        "Kommunen får ett påslag på 5 % för administrationen.",
        "Vi lägger på 10 % extra för resor och material.",
        "Budgeten är 10 procent mer än förra året.",
        "Det finns en buffert på 10 procent extra ovanpå för oförutsedda kostnader.",
        "Kommunen betalar ett påslag på priset för administrationen.",
        "Deltagarna får extra handledning så att de klarar sig på jobbet.",
        # Third review of session 20: "extra" as an adjective, and "oavsett" about something else.
        "Förbundet finansierar också en extra handledare som ska stötta kooperativet så att det klarar sig.",
        "Handledaren finns på plats oavsett hur många deltagare som kommer.",
        "Kommunen betalar 10 procent extra för handledning så att deltagarna får mer stöd.",
        # Second review of round 20: hiring named in another clause is no reason for the surcharge.
        "Vi betalar 5 % extra per plats för resor, och företaget vill anställa en till.",
    ],
)
def test_a_surcharge_for_costs_or_a_party_is_no_money_to_the_company(tree: Tree, extra: str):
    text = f"{PLACES_AT_GNISTAN} {extra}"
    reading = read_description(tree, text)
    assert "stod_till_foretag" not in reading.set_aside and "stod_till_foretag" not in reading.must_nots


@pytest.mark.parametrize(
    "text", ["kooperativet har skickat in ansökan själva", "ingen är utsedd, det var kaféet som sökte pengarna"]
)
def test_a_company_applying_itself_is_never_recorded_as_the_förbund_itself_or_no_party_yet(tree: Tree, text: str):
    # Trial 26 (t26-15): "ingen är utsedd, det är företaget som sökt" was recorded as no party yet ("kan finansiera
    # på villkor"); "… ansökan själva" read "själva" as the förbund itself. Both are asked, offering no party.
    reading = read_answer(tree.questions["utforare"], text)
    assert reading.option is None
    assert "ingen_part_direkt" in {option.id for option in reading.candidates}
    ourselves = read_answer(tree.questions["utforare"], "vi själva").option
    assert ourselves is not None and ourselves.id == "forbundet"


def test_people_in_the_target_group_are_participants_without_being_called_so(tree: Tree):
    # Trial 26 (t26-9): "en utbildning om sociala företag … för personer i vår målgrupp" was summarised with the
    # target group and the course, and then "Vem är insatsen till för?" was asked after the user's yes.
    text = "Regionen vill ordna en kurs om sociala företag för personer i vår målgrupp. Vi betalar via regionen."
    reading = read_description(tree, text)
    assert reading.facts["vem"].option == "deltagare" and "vem" in reading.implied
    # ... but not when the text names someone else it is for
    text = "Vi vill ordna en kurs om sociala företag för handläggare som möter personer i vår målgrupp."
    assert read_description(tree, text).facts["vem"].option == "parter_och_aktorer"
    for text in (
        "Vi vill ordna en kurs om sociala företag för rektorer som möter unga i vår målgrupp.",
        "Vi vill ordna en kurs om sociala företag för dem som möter unga i vår målgrupp.",
    ):
        assert "vem" not in read_description(tree, text).facts


def test_the_förbunds_own_membership_says_whom_it_is_for(tree: Tree):
    # Trial 26 (t26-5): "förbundet … bli medlem i en regional intresseorganisation" was summarised as the membership
    # and the förbund itself, and after the user's yes "Vem är insatsen till för?" was asked.
    text = "Kan förbundet gå med i ett nätverk för sociala företag? Medlemsavgiften är 3000 kr om året."
    reading = read_description(tree, text)
    assert reading.facts["medlem_vem"].option == "forbundet"
    assert reading.facts["vem"].option == "parter_och_aktorer" and "vem" in reading.implied
    # Trial 28 (t28-5): the organisation named "för ASF" in the words of the membership named no company it is for
    text = "Vi vill att förbundet går med som medlem i Nordnätet, branschorganisationen för ASF."
    reading = read_description(tree, text)
    assert reading.facts["medlem_vem"].option == "forbundet"
    assert reading.facts["vem"].option == "parter_och_aktorer" and "vem" in reading.implied
    # ... but a membership in the company itself is on the company's route
    reading = read_description(tree, "Förbundet vill bli medlem i kooperativet Solrosen.")
    assert reading.facts["vem"].option == "foretaget" and "vem" not in reading.implied


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hos oss på arbetsförmedlingen, som jag skrev", "hos_part"),
        ("hos oss på kommunen", "hos_part"),
        ("hos oss på förbundet", "hos_forbundet"),
        ("hos oss", None),  # the user may work at a party as well as at the förbund: asked
        ("hos oss, men hon jobbar på kaféet", None),  # employed by "us", working at the company (third review)
    ],
)
def test_our_place_is_no_employer_until_it_is_named(tree: Tree, text: str, expected: str | None):
    # Trial 29 (t29-4): "hos oss på arbetsförmedlingen" was recorded as "Hos samordningsförbundet", and the verdict
    # became "bör inte" for the guidance's own example of a handledare employed by a party.
    reading = read_answer(tree.questions["handledare_anstalld"], text)
    assert (reading.option.id if reading.option is not None else None) == expected


def test_a_preposition_in_a_phrase_is_no_end_of_a_longer_word(tree: Tree):
    # Trial 29 (t29-11): "Utbildningen genomförs av Arbetsförmedlingens egen personal" matched "utbildning för ~
    # personalen" through the "för" in "genomförs", and a course for participants got a condition about courses for
    # the social enterprise's staff.
    text = "Regionen ordnar en kurs om sociala företag för deltagarna. Kursen genomförs av regionens egen personal."
    reading = read_description(tree, text)
    assert "asf_personal_stod" not in reading.must_nots and "asf_personal_stod" not in reading.set_aside
    # ... while the phrase itself still reads
    reading = read_description(tree, "Förbundet vill betala en utbildning för personalen på kaféet.")
    assert reading.facts["asf_personal_stod"].option == "kompetensutveckling"


def test_a_partys_membership_is_never_proposed_where_no_party_is_named(tree: Tree):
    # Trial 28 (t28-17): "Förbundet betalar medlemsavgiften för Återbruket i Coompanion" was summarised as "En av
    # parterna, men förbundet skulle betala avgiften": the company is the member; who is, is asked.
    reading = read_description(tree, "Förbundet står för medlemsavgiften för Vävstugan i Coompanion.")
    assert reading.facts.get("medlem_vem", None) is None or reading.facts["medlem_vem"].option != "en_part"
    reading = read_description(tree, "Förbundet står för medlemsavgiften för regionen i Coompanion.")
    assert reading.facts["medlem_vem"].option == "en_part"


@pytest.mark.parametrize(
    "text", ["alla sociala företag i länet får platsen gratis", "samtliga ASF i kommunen får en gratis monter"]
)
def test_every_company_is_never_recorded_as_a_certain_company(tree: Tree, text: str):
    # Trial 26 (t26-16): an answer naming all the county's social enterprises was recorded as "Ett visst företag".
    reading = read_answer(tree.questions["mottagare"], text)
    assert reading.option is None
    assert {option.id for option in reading.candidates} == {"egen_verksamhet", "ett_foretag"}


def test_a_loans_sum_and_what_it_buys_are_the_loan_but_a_gift_beside_it_is_not(tree: Tree):
    # Trial 26 (t26-18): "förbundet lånar ut 100 000 kr räntefritt till ett ASF som behöver köpa en ny tvättmaskin"
    # was asked between a grant, a loan and a thing.
    text = "Kan förbundet låna ut 80 000 kr till ett socialt företag som ska köpa en ny symaskin? De betalar tillbaka."
    assert read_description(tree, text).facts["stod_till_foretag"].option == "lan"
    for text, besides in (
        ("Förbundet lånar ut 50 000 kr till kooperativet och ger dem dessutom ett bidrag på 20 000 kr.", "pengar"),
        # Second review of session 20: money or a thing named otherwise beside the loan is another part.
        (
            "Förbundet lånar ut 40 000 kr räntefritt till kooperativet och betalar ett driftsbidrag på 10 000 kr.",
            "pengar",
        ),
        ("Kan förbundet låna ut 30 000 kr till kaféet, och resten täcker vi med ett kontantbidrag?", "pengar"),
        ("Förbundet lånar ut 100 000 kr till kaféet och köper dessutom in datorer till dem.", "in_natura"),
        ("Förbundet vill låna ut pengar till företaget och dessutom betala pengar till deras löner.", "pengar"),
    ):
        reading = read_description(tree, text)
        assert "stod_till_foretag" not in reading.facts
        assert {"lan", besides} <= {fact.option for fact in reading.conflicts["stod_till_foretag"]}
    # ... and premises lent are a thing, not a loan of money
    lent = read_description(tree, "Förbundet lånar ut sin lokal till kooperativet.").facts["stod_till_foretag"]
    assert lent.option == "in_natura"


def test_managers_at_the_parties_are_the_parties_staff_and_at_the_companies_the_companies(tree: Tree):
    # Trial 9 (t9-2): "chefer pa af, fk, kommunen o regionen" was asked again.
    text = "vi vill ordna en inspirationsdag om sociala foretag for chefer pa af, fk, kommunen o regionen"
    assert read_description(tree, text).facts["vem"].option == "parter_och_aktorer"
    other = read_description(tree, "en kurs i ledarskap för chefer på de sociala företagen").facts
    assert other["vem"].option == "asf_personal"


@pytest.mark.parametrize(
    "text",
    ["förbundet ska inte bli medlem, vi skulle betala företagets avgift till skoopi", "nej, FÖRETAGET är medlem"],
)
def test_the_company_as_the_member_is_an_answer(tree: Tree, text: str):
    # Trial 9 (t9-36): with only the förbund and a party to choose, the user was stuck three turns.
    option = read_answer(tree.questions["medlem_vem"], text).option
    assert option is not None and option.id == "foretaget"


def test_a_wage_cost_for_a_handledare_typed_is_not_money_to_the_company(tree: Tree):
    # Review: "lönekostnaden för en handledare" went straight to "money to the company" and so to a
    # "bör inte", while the guidance's own example is a handledare a party employs.
    option = read_answer(tree.questions["insats_typ"], "lönekostnaden för en handledare").option
    assert option is None or option.id == "handledare"


def test_bland_annat_is_no_doubt(tree: Tree):
    # Review: the keyword of "Något annat" acted as a doubt and wiped out the facts after it.
    facts = read_description(
        tree, "Förbundet ger bland annat datorer till företaget där deltagarna arbetstränar."
    ).facts
    assert facts.get("foretaget_far") is not None and facts["foretaget_far"].option == "in_natura"


def test_part_of_the_wages_for_participants_the_company_employs_is_read_and_never_dropped(tree: Tree):
    alone = read_description(tree, "Förbundet vill betala del av lönen för deltagare som ett ASF anställer.").facts
    assert alone["foretaget_far"].option == "pengar"
    # Beside places a party buys: asked, naming both, never left out of the assessment unmentioned.
    text = (
        "Kommunen köper arbetsträningsplatser på ett ASF för deltagare i målgruppen, och förbundet betalar del"
        " av lönen för deltagare som företaget anställer."
    )
    reading = read_description(tree, text)
    assert {f.option for f in reading.conflicts["insats_typ"]} == {"arbetsforberedande", "till_foretaget"}


def test_wages_for_participants_who_are_to_be_employed_are_money_to_the_company_for_participants(tree: Tree):
    # Trial 23: "lönen för deltagare som ska anställas" (a passive, no "lönekostnad") was not read as a wage,
    # and the participants "anställas på kaféet" made who it is for a question between them and the staff.
    reading = read_description(tree, "Lönen för deltagare som ska anställas på Bryggeriet, kan förbundet ta den?")
    assert reading.facts["foretaget_far"].option == "pengar"
    assert reading.facts["vem"].option == "deltagare" and "vem" not in reading.conflicts
    # The company's own staff stay the staff.
    staff = read_description(tree, "Lönen för personalen som anställs på Bryggeriet, kan förbundet ta den?")
    assert staff.facts["vem"].option == "asf_personal"


def test_a_course_in_starting_a_business_is_no_start_grant_unless_money_is_named(tree: Tree):
    # Trial 23 (t23-6): a course the kommun buys was proposed as "Pengar för att starta ett eget företag", and
    # the party and the money's way, beside that must-not, were left out of the summary and asked again.
    text = "Soc vill upphandla en starta eget-utbildning för deltagarna, och förbundet betalar via kommunen."
    reading = read_description(tree, text)
    assert "insats_typ" not in reading.facts and "insats_typ" not in reading.must_nots
    assert reading.facts["utforare"].option == "kommunen" and reading.facts["pengavag"].option == "via_part"
    # "stöd" that is no money, and a course "där" they learn it (second review of session 19).
    for course in (
        "Kommunen köper en kurs i att starta eget för deltagare som har stöd från FK.",
        "AF köper en utbildning där deltagarna lär sig starta eget.",
    ):
        assert "insats_typ" not in read_description(tree, course).must_nots, course
    # Typed, it is asked: neither money to start a business nor, without saying so, a course about ASF.
    typed = read_answer(tree.questions["insats_typ"], "en kurs om hur man startar eget")
    assert typed.option is None and "startbidrag" in {o.id for o in typed.candidates}
    # Money in the sentence is still money to start a business, and a course named as a time is no subject
    # (review of session 19).
    for still_money in (
        "Deltagarna som vill starta eget får en kurs och 15 000 kr var av förbundet.",
        "Efter kursen ska deltagarna kunna starta eget, och förbundet ger dem 8 000 kr var.",
        "Vi vill att förbundet efter utbildningen finansierar starta eget för några deltagare.",
        "Bageriet gick i konkurs och nu vill två deltagare starta eget.",
        "Efter kursen får de ekonomiskt stöd för att starta eget.",
        "Utbildningen där deltagare som vill starta eget får ett stöd från förbundet.",  # third review
    ):
        assert read_description(tree, still_money).must_nots["insats_typ"].option == "startbidrag", still_money


def test_part_of_the_companys_rent_beside_places_a_party_buys_is_named_and_each_quote_shown_once(tree: Tree):
    # Trial 24 (t24-19): "en del av företagets hyra" was not read, so a part to avoid vanished from the summary
    # and the result said "kan finansiera på villkor"; the joint parties' line showed one quote twice.
    text = (
        "Regionen och kommunen vill gemensamt driva ett projekt där tio personer med lång sjukskrivning får"
        " arbetsträning hos ett socialt företag. Regionen upphandlar platserna, och förbundet betalar också"
        " halva kooperativets hyra."
        " Pengarna går via regionen."
    )
    reading = read_description(tree, text)
    assert reading.must_nots["stod_till_foretag"].option == "in_natura"
    assert "stod_till_foretag" in reading.set_aside
    evidence = reading.facts["utforare"].evidence
    assert evidence.count("vill gemensamt driva") == 1
    assert read_description(tree, "Förbundet ska betala en del av företagets hyra.").facts["vem"].option == "foretaget"
    # Other ways of paying it (second review of session 19), and a price covering the seller's rent is none.
    for rent in (
        "Förbundet täcker kooperativets hyra under ett år.",
        "Företagets hyra på 8 000 kr betalas av förbundet.",
    ):
        assert read_description(tree, rent).must_nots["stod_till_foretag"].option == "in_natura", rent
    price = "AF köper arbetsträning på Returbutiken till ett pris som täcker företagets del av hyran för platserna."
    assert not read_description(tree, price).must_nots
    # Rent paid to the company for premises is no rent of the company's (third review of session 19).
    paid_to = read_description(tree, "Kommunen betalar föreningen hyra för lokalen där deltagarnas kurs hålls.")
    assert "foretaget_far" not in paid_to.facts


def test_a_course_for_a_partys_professionals_is_for_the_parties_not_a_handledare_for_participants(tree: Tree):
    # Trial 24 (t24-20): "regionens arbetsterapeuter får gå en utbildning om hur man handleder …" was summarised
    # as participants getting a handledare.
    text = "Kommunen vill att förbundet bekostar en kurs för kommunens socialsekreterare om hur man handleder på ASF."
    reading = read_description(tree, text)
    assert reading.facts["vem"].option == "parter_och_aktorer" and "insats_typ" not in reading.facts
    assert (
        read_description(tree, "Psykiatrins kuratorer ska gå en utbildning om sociala företag.").facts["vem"].option
        == "parter_och_aktorer"
    )
    # A party's professional who supports participants is still a handledare for them.
    support = read_description(tree, "Kommunens arbetsspecialister ska handleda deltagarna på kaféet.").facts
    assert support["vem"].option == "deltagare" and support["insats_typ"].option == "handledare"


def test_paying_the_companys_wages_typed_is_money_to_the_company(tree: Tree):
    # Trial 24 (t24-11): "betala deras löner" got "Menar du …?" between a grant, a loan and things.
    question = tree.questions["stod_till_foretag"]
    assert read_answer(question, "vi betalar deras löner ett halvår").option.id == "pengar"  # type: ignore[union-attr]
    # Wages named beside something else are not money from the förbund (second review of session 19).
    assert read_answer(question, "vi lånar ut en lokal, lönen betalar de själva").option.id == "in_natura"  # type: ignore[union-attr]
    # A payroll service bought for the company is a service, not money.
    assert read_answer(question, "lönehantering hos en redovisningsbyrå").option.id == "tjanst_at_foretaget"  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["det sociala företaget", "Kooperativet som håller i kursen", "ASF:et Linet"])
def test_who_gets_the_money_answered_only_with_a_company_asks_whether_it_is_support_or_a_purchase(
    tree: Tree, text: str
):
    # A company named as the payee may be supported or only sell to the förbund's own activity: both are offered.
    reading = read_answer(tree.questions["mottagare"], text)
    assert reading.option is None
    assert {o.id for o in reading.candidates} == {"ett_foretag", "egen_verksamhet"}


@pytest.mark.parametrize("text", ["anställda", "de anställda", "personalen"])
def test_who_it_is_for_answered_with_staff_of_no_one_asks_whose(tree: Tree, text: str):
    # "anställda" was recorded as the company's staff, a route towards a must-not, though a party's staff fit too.
    reading = read_answer(tree.questions["vem"], text)
    assert reading.option is None
    assert {"asf_personal", "parter_och_aktorer"} <= {o.id for o in reading.candidates}
    assert read_answer(tree.questions["vem"], "de anställda på kaféet").option.id == "asf_personal"  # type: ignore[union-attr]


def test_who_gets_the_money_answered_with_support_to_a_company_is_that(tree: Tree):
    for text in (
        "företaget får ett pris",
        "kooperativet får pengarna",
        "ett visst företag, som tack",
        "ett driftsbidrag till kooperativet",  # fourth review of session 19: support inside a compound
        "kooperativet ska få dem",
        "kooperativet tar emot dem",
    ):
        assert read_answer(tree.questions["mottagare"], text).option.id == "ett_foretag", text  # type: ignore[union-attr]


def test_the_forbund_starting_and_owning_a_company_is_read_as_that_not_as_for_participants(tree: Tree):
    # Trial 10 (t10-19): only "Deltagare" was read, and the result said "kan finansieras på villkor".
    text = (
        "Hej! Vårt förbund, Finsam Uppsala län, vill starta ett eget socialt företag, en cykelverkstad, som"
        " förbundet äger tillsammans med kommunen. Deltagare ska få jobba där. Går det?"
    )
    facts = read_description(tree, text).facts
    assert facts["vem"].option == "foretaget"
    assert facts["stod_till_foretag"].option == "starta_utveckla"


@pytest.mark.parametrize(
    ("question", "text", "option"),
    [
        # Trial 10 (t10-32, t10-41): "pris" as in price was read as a prize, and a purchase at market
        # price as support to that company ("bör inte finansieras").
        ("mottagare", "lokal och lunch, lunchen köps från catering-ASF:et till vanligt pris", "egen_verksamhet"),
        ("mottagare", "ett pris till årets sociala företag", "ett_foretag"),
        ("stod_till_foretag", "inget, vi köper bara maten till vanligt pris", "annat"),
        ("stod_till_foretag", "ett pris på 10 000 kr", "pengar"),
    ],
)
def test_a_price_is_not_a_prize(tree: Tree, question: str, text: str, option: str):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is not None and reading.option.id == option


def test_a_question_whether_buying_the_food_from_an_asf_changes_anything_is_about_own_purchases():
    # Trial 10 (t10-41): it was read as a new answer "a company" and the result turned to "bör inte".
    topic = other_questions.recognise("ändrar det något att maten köps från ett ASF?")
    assert topic is not None and "vilket företag" in topic.answer


def test_a_course_in_another_subject_is_not_recorded_as_education_about_social_enterprises(tree: Tree):
    # Trial 10 (t10-6): "kursen i affärsutveckling och marknadsföring" was noted as "Utbildning om sociala
    # företag", which the guidance allows.
    reading = read_answer(tree.questions["insats_typ"], "kursen i affärsutveckling och marknadsföring")
    assert reading.option is None or reading.option.id != "utbildning_om_asf"
    about = read_answer(tree.questions["insats_typ"], "en kurs om sociala företag").option
    assert about is not None and about.id == "utbildning_om_asf"


def test_local_business_owners_as_an_audience_are_never_recorded_as_the_company(tree: Tree):
    # Trial 10 (t10-21): a breakfast seminar "för lokala företagare" went to the company branch.
    for text in ("lokala företagare", "lokala företagare i kommunen, vi bjuder på frukost"):
        option = read_answer(tree.questions["vem"], text).option
        assert option is None or option.id == "parter_och_aktorer"


def test_a_coach_employed_by_the_forbund_is_read_as_that_and_never_as_the_companys_staff(tree: Tree):
    # Trial 10 (t10-34): the employer was missed, and the correction "coachen är anställd hos förbundet"
    # became "Vem: Anställda eller ledning på ett arbetsintegrerande socialt företag".
    text = "Förbundet vill anställa en egen jobbcoach som ska finnas på sociala företag och stötta deltagarna där."
    assert read_description(tree, text).facts["handledare_anstalld"].option == "hos_forbundet"
    _, state = dialogue.describe(State(), Message(text="En jobbcoach på sociala företag för deltagarna"))
    _, state = dialogue.answer(state, Message(text="", intent="deny"))
    _, state = dialogue.answer(state, Message(text="coachen är anställd hos förbundet", intent="inform"))
    assert state.pending is not None
    assert state.pending["vem"] == "deltagare"
    assert state.pending.get("handledare_anstalld") == "hos_forbundet"


@pytest.mark.parametrize("step", [dialogue.fallback, dialogue.answer])
def test_a_missing_line_written_at_the_summary_is_added_whatever_the_nlu_made_of_it(step):
    # Trial 10 (t10-34): "nej, du missade att …" got "Det förstod jag inte riktigt".
    _, state = dialogue.describe(State(), Message(text="En jobbcoach på sociala företag för deltagarna"))
    message = Message(text="nej, du missade att coachen anställs av förbundet", intent="deny")
    if step is dialogue.fallback:
        message = replace(message, intent="nlu_fallback")
    _, state = step(state, message)
    assert state.pending is not None and state.pending.get("handledare_anstalld") == "hos_forbundet"
    assert state.pending["insats_typ"] == "handledare"


def test_a_part_the_user_answered_otherwise_is_not_named_as_left_out():
    # Trial 10 (t10-35): after "ok då kör vi via kommunen istället" the result still said the payment
    # straight to the company was a part to assess on its own.
    text = (
        "Kommunen upphandlar arbetsträning på ASF-bageriet i Piteå för deltagare i förbundets målgrupp,"
        " men bageriet vill ha betalt direkt från förbundet."
    )
    _, state = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    _, state = dialogue.answer(state, Message(text="", intent="affirm"))
    replies, state = dialogue.answer(state, Message(text="ok då kör vi via kommunen istället", intent="inform"))
    assert state.answers["pengavag"] == "via_part"
    assert state.last_result is not None and "not_assessed" not in state.last_result
    assert "ingår inte" not in texts(replies)


def test_a_second_thing_done_stays_a_part_when_the_user_answers_the_first():
    # Trial 21 (t21-18): a course plus a start grant per participant; "kursen" at "Vad ska deltagarna få?"
    # gave "kan finansiera på villkor" without a word about the grant.
    _, state = dialogue.describe(State(), Message(text=_COURSE_AND_GRANT, intent="describe_initiative"))
    _, state = dialogue.answer(state, Message(text="", intent="affirm"))
    for question, choice in (("malgrupp", "ja"), ("insats_typ", "utbildning_om_asf")):
        if state.current_question == question:
            replies, state = click(state, question, choice)
    assert state.answers["insats_typ"] == "utbildning_om_asf"
    assert state.last_result is not None and "not_assessed" in state.last_result
    assert "ingår inte" in texts(replies) and "startpeng" in texts(replies)


_COURSE_AND_GRANT = (
    "Kommunen köper en kurs om sociala företag åt deltagare i förbundets målgrupp, pengarna går via kommunen."
    " I kursen får också alla som vill starta eget en startpeng på 3 000 kr."
)


@pytest.mark.parametrize("intent", ["inform", "describe_initiative", "nlu_fallback"])
def test_a_correction_naming_what_participants_get_is_taken_and_the_grant_stays_a_part(intent: str):
    # Trial 21 (t21-3, t21-18): "du har missat vad deltagarna får: en kurs … och startpeng" after "Nej"
    # gave the same summary back, or "Jag kunde inte läsa ut något nytt", again and again; and "sociala
    # företag" in it made the line about who it is for "Ett företag".
    _, state = dialogue.describe(State(), Message(text=_COURSE_AND_GRANT, intent="describe_initiative"))
    lines = dict(state.pending or {})
    _, state = dialogue.answer(state, Message(text="", intent="deny"))
    correction = Message(text="du har missat vad de får: en kurs och startpengen", intent=intent)
    if intent == "describe_initiative":
        replies, state = dialogue.describe(state, correction)
    elif intent == "nlu_fallback":
        replies, state = dialogue.fallback(state, correction)
    else:
        replies, state = dialogue.answer(state, correction)
    assert messages.text("describe.nothing_added") not in texts(replies)
    if state.pending is not None:  # the summary again, with what the correction adds
        assert state.pending["insats_typ"] == "utbildning_om_asf" and state.pending.items() >= lines.items()
        replies, state = dialogue.answer(state, Message(text="", intent="affirm"))
    else:  # the lines stand, and what is missing is asked next
        assert messages.text("describe.asked_later", question="vad deltagarna ska få") in texts(replies)
        assert state.answers == lines
    if state.current_question == "insats_typ":
        replies, state = click(state, "insats_typ", "utbildning_om_asf")
    assert state.last_result is not None and "startpeng" in texts(replies) and "ingår inte" in texts(replies)


def test_what_is_missing_is_asked_next_only_for_what_is_done():
    lines = {"vem": "deltagare", "malgrupp": "ja", "utforare": "kommunen", "pengavag": "via_part"}
    assert dialogue._asked_later(lines, "en kurs om sociala företag och en startpeng") == "insats_typ"
    # Review: "nej vet inte" names the answers about the target group; the rejected lines were taken.
    assert dialogue._asked_later({"vem": "deltagare", "insats_typ": "arbetsforberedande"}, "nej vet inte") is None
    assert dialogue._asked_later(lines, "nej det stämmer inte riktigt") is None


@pytest.mark.parametrize(
    "text",
    [
        # Review: lawful start-up costs, and a company that has already started, are no part to avoid.
        "Förbundet finansierar uppstartskostnaderna för en ny arbetsträningsgrupp som kommunen driver.",
        "Regionen och kommunen startade det sociala företaget Kvarnen, där kommunen nu köper arbetsträning åt "
        "deltagare.",
    ],
)
def test_starting_words_about_something_lawful_or_done_are_no_part_to_avoid(tree: Tree, text: str):
    reading = read_description(tree, text)
    assert "stod_till_foretag" not in {**reading.facts, **reading.set_aside}


def test_a_phrase_the_user_settled_otherwise_is_no_part_of_the_result():
    # Review: one sentence about a course "om hur man kan starta eget", settled as the course, named the
    # start grant as a part left out; and "vi stryker startpengen" removes it.
    text = "Kommunen köper en kurs för sjukskrivna deltagare om hur man kan starta eget, betalningen går via kommunen."
    _, state = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    _, state = dialogue.answer(state, Message(text="", intent="affirm"))
    replies: list[Reply] = []
    clicks = (
        ("malgrupp", "ja"),
        ("insats_typ", "utbildning_om_asf"),
        ("utforare", "kommunen"),
        ("pengavag", "via_part"),
    )
    for question, choice in clicks:
        if state.current_question == question:
            replies, state = click(state, question, choice)
    assert state.last_result is not None and "ingår inte" not in texts(replies)


@pytest.mark.parametrize("models", [learned.WORDS_ONLY, None])
def test_places_a_party_buys_are_not_read_as_support_to_the_company(tree: Tree, models: learned.Models | None):
    # The misreading #14 began with: a party buying places, read as "Vem: Ett företag".
    text = (
        "Kommunen köper platser av ett ASF åt personer som behöver stöd från flera parter, pengarna går via kommunen."
    )
    facts = read_description(tree, text, models).facts
    assert facts.get("vem") is None or facts["vem"].option == "deltagare"
    assert "stod_till_foretag" not in facts


def test_support_to_the_company_through_places_a_party_buys_is_read_as_that(tree: Tree):
    text = "Vi vill stötta det lokala sociala företaget genom att kommunen köper arbetsträningsplatser där."
    facts = read_description(tree, text, learned.WORDS_ONLY).facts
    assert facts["stod_till_foretag"].option == "kopa_tjanster"


@pytest.mark.parametrize(
    ("text", "option"),
    [
        # Trial 11 (t11-19, t11-30, t11-38): ordinary purchases for the förbund's own event were
        # recorded as support to a company and got "bör inte finansieras".
        ("tryckeriet är ett ASF, vi köper trycket till vanligt pris", "egen_verksamhet"),
        ("arvodet till föreläsaren, fast det faktureras av hans ASF", "egen_verksamhet"),
        ("företagen får inget, vi betalar bara trycket", "egen_verksamhet"),
        ("ett pris till årets sociala företag", "ett_foretag"),
    ],
)
def test_an_ordinary_purchase_for_the_own_initiative_is_own_costs(tree: Tree, text: str, option: str):
    reading = read_answer(tree.questions["mottagare"], text)
    assert reading.option is not None and reading.option.id == option


def test_a_work_specialist_employed_by_the_region_is_a_handledare_employed_by_a_party(tree: Tree):
    # Trial 11 (t11-9): only "Deltagare" was read, and the correction "anställd av regionen" made it
    # about the company's staff.
    text = "Regionen vill ha en arbetsspecialist anställd av regionen som stöttar patienter på två sociala företag."
    facts = read_description(tree, text).facts
    assert facts["insats_typ"].option == "handledare"
    assert facts["handledare_anstalld"].option == "hos_part"
    assert facts["vem"].option == "deltagare"


def test_the_forbund_and_a_party_starting_a_company_or_a_spin_off_is_read_as_starting_a_company(tree: Tree):
    # Trial 11 (t11-16, t11-36): no summary; a hurried user could end on the participants' route.
    spin_off = (
        "Kommunens arbetsmarknadskafé ska knoppas av till ett socialt företag. Kan förbundet finansiera uppstarten?"
    )
    facts = read_description(tree, spin_off, learned.WORDS_ONLY).facts
    assert facts["vem"].option == "foretaget"
    assert facts["stod_till_foretag"].option == "starta_utveckla"
    together = (
        "Förbundet och kommunen vill starta ett eget socialt företag, en second hand-butik, där deltagare får jobb."
    )
    reading = read_description(tree, together)
    assert "vem" not in reading.facts or reading.facts["vem"].option == "foretaget"
    assert "vem" in reading.facts or "foretaget" in {side.option for side in reading.conflicts["vem"]}


def test_a_handledare_and_work_training_named_together_are_one_initiative(tree: Tree):
    # Trial 12 (t12-5): an arbetsspecialist supporting participants in work training got "Du beskriver
    # mer än en sak"; a policy and a study visit still do.
    one = (
        Fact("insats_typ", "handledare", "en arbetsspecialist"),
        Fact("insats_typ", "arbetsforberedande", "arbetsträning"),
    )
    two = (Fact("strukturell_typ", "policy", "en policy"), Fact("strukturell_typ", "evenemang", "ett studiebesök"))
    assert recap.several_text(tree, Reading({}, together={"insats_typ": one})) is None
    text = recap.several_text(tree, Reading({}, together={"strukturell_typ": two}))
    assert text is not None and "studiebesök" in text
    # Trial 38 (t38-5): a coordinator who also holds an inspiration day is one initiative too.
    coordinator = read_description(
        tree, "Förbundet anställer en samordnare som sprider kunskap om ASF hos parterna och håller en inspirationsdag."
    )
    assert {f.option for f in coordinator.together["strukturell_typ"]} == {"samordnare", "evenemang"}
    assert recap.several_text(tree, coordinator) is None


@pytest.mark.parametrize("intent", ["describe_initiative", "inform", "deny"])
def test_a_typed_nej_with_a_correction_at_the_summary_changes_it_and_keeps_only_lines_that_fit(intent: str):
    # Trial 12 (t12-7): the same summary came back unchanged; by the button, "Deltagare" stood beside a
    # line about what the förbund would do for the company.
    text = (
        "Vi i Borås vill knoppa av vårt städ- och fastighetsprojekt till en ekonomisk förening, ett socialt"
        " företag. Förbundet och AF skulle sitta i styrelsen. Kan förbundet finansiera uppstarten?"
    )
    _, state = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert state.pending == {"vem": "foretaget", "stod_till_foretag": "starta_utveckla"}
    words = (
        "Nej, förbundet ska inte äga något, deltagarna bildar föreningen. Vi vill bara betala en konsult"
        " som hjälper dem med affärsplan och bildandet"
    )
    correction = Message(text=words, intent=intent)
    step = dialogue.describe if intent == "describe_initiative" else dialogue.answer
    _, state = step(state, correction)
    assert state.pending is not None and state.pending.get("vem") == "deltagare"
    assert "stod_till_foretag" not in state.pending


def test_share_capital_for_a_company_is_never_read_as_for_participants(tree: Tree):
    # Trial 12 (t12-45): "ett aktieägartillskott … där många av våra deltagare arbetstränar" became
    # deltagare and arbetsträning, and "kan finansieras på villkor".
    text = (
        "Förbundet och kommunen vill göra ett aktieägartillskott på 300 000 kr till Luleå Återbruk AB, ett"
        " socialt företag där många av våra deltagare arbetstränar."
    )
    reading = read_description(tree, text)
    assert "vem" not in reading.facts
    assert "foretaget" in {side.option for side in reading.conflicts["vem"]}


@pytest.mark.parametrize(
    ("question", "text", "wrong"),
    [
        # Trial 12: a company's name recorded as "Hos en av parterna" (t12-33), and a stall at a market
        # recorded as "En part köper platser" (t12-24).
        ("handledare_anstalld", "hen är anställd på Kvarterskoket", "hos_part"),
        ("stod_till_foretag", "vi betalar monterplatsen", "kopa_tjanster"),
    ],
)
def test_a_name_or_a_compound_is_never_recorded_as_an_answer_it_only_resembles(
    tree: Tree, question: str, text: str, wrong: str
):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is None or reading.option.id != wrong
    assert read_answer(tree.questions["insats_typ"], "platserna").option.id == "arbetsforberedande"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("question", "text", "option"),
    [
        ("vem", "Solbacken Aktiebolag, de vill ha hjälp", "foretaget"),  # a legal form names the company
        ("vem", "Gröna Verkstan AB behöver stöd", "foretaget"),
        ("utforare", "ingen alls, förbundet betalar dem direkt", "ingen_part_direkt"),
    ],
)
def test_typed_answers_that_name_the_company_by_its_form_or_no_party(tree: Tree, question: str, text: str, option: str):
    # Dev set 5: "… AB, de behöver stöd" was recorded as participants, "ingen, förbundet betalar …"
    # as the förbund carrying it out itself. Recorded, or offered first under "Menar du …?"; never another.
    reading = read_answer(tree.questions[question], text)
    offered = [reading.option] if reading.option is not None else list(reading.candidates)
    assert offered and offered[0].id == option


def test_money_to_the_company_where_participants_train_is_not_read_as_work_training(tree: Tree):
    # Dev set 5: "pengar till företaget där deltagarna arbetstränar" proposed work training (a lawful route).
    facts = read_description(tree, "vi vill ge pengar till kooperativet där våra deltagare arbetstränar").facts
    assert facts.get("insats_typ") is None or facts["insats_typ"].option == "till_foretaget"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Hur stor andel av förbundets budget betalar regionen?", "forbundets_pengar"),  # trial 13, t13-6
        ("Hur många procent betalar kommunerna?", "forbundets_pengar"),
        ("Hur stor del av budgeten får vi lägga på sociala företag?", "budget"),
    ],
)
def test_a_partys_share_is_told_apart_from_the_budget_for_this_area(text: str, topic: str):
    found = other_questions.recognise(text)
    assert found is not None and found.id == topic


def test_a_companys_own_budget_is_not_the_budget_question():
    # Dev set 5: a consultant helping one company "utveckla sin budget" was answered as the förbund's budget.
    text = "Kan förbundet betala en rådgivare som hjälper Kafé Tärnan att göra sin budget och en affärsplan?"
    assert other_questions.recognise(text, general=False) is None


def test_free_stands_for_companies_at_a_public_fair_are_support_to_those_companies(tree: Tree):
    # Trial 13 (t13-22): a sales fair where ten social enterprises got free stands was approved as an
    # inspiration day paid from the förbund's own costs.
    text = "Vi vill ordna en julmarknad för allmänheten där sex sociala företag får gratis montrar att sälja från."
    facts = read_description(tree, text).facts
    assert facts["mottagare"].option == "ett_foretag"


def test_a_legal_form_is_not_membership(tree: Tree):
    # Trial 13 (t13-3) and trial 12 (t12-35): "ekonomisk förening" sent the case to "Vem skulle bli medlem?".
    text = "de ska betala lönen till Snickeriet, en ekonomisk förening"
    reading = read_answer(tree.questions["stod_till_foretag"], text)
    offered = [reading.option] if reading.option is not None else list(reading.candidates)
    assert "medlem" not in [option.id for option in offered]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "Regionen köper arbetsträning hos kooperativet Linet för deltagare, och förbundet ska dessutom stå för"
            " hyreskostnaden för kooperativets nya lokal.",
            "in_natura",
        ),
        ("AF köper platser på Kafé Pärlan och vi vill även betala en affärscoach så att kaféet blir lönsamt", None),
        (
            "Kommunen köper platser för deltagare hos Trädgården AB, och vi vill betala en affärscoach åt dem",
            "tjanst_at_foretaget",
        ),
    ],
)
def test_a_must_not_part_beside_places_a_party_buys_is_named(tree: Tree, text: str, part: str | None):
    # Trial 14 (t14-3, t14-4): the rent of the association's shop and a business coach for the bakery were
    # dropped without a word, and the memo quoted them under "kan finansieras på villkor".
    reading = read_description(tree, text)
    assert "stod_till_foretag" in reading.set_aside
    if part is not None:
        assert reading.set_aside["stod_till_foretag"].option == part


def test_who_employs_a_coordinator_is_no_part_of_its_own(tree: Tree):
    # Trial 14 (t14-23): "en samordnare anställd av förbundet" was flagged as "Hos samordningsförbundet",
    # the handledare answer that leads to "bör inte", beside the lawful coordinator.
    text = "En samordnare anställd av förbundet ska sprida kunskap om sociala företag till parternas chefer."
    assert "handledare_anstalld" not in read_description(tree, text).set_aside


@pytest.mark.parametrize(
    "text",
    ["en ny hemsida och annonser åt Återvinnarna", "de behöver ekonomisk rådgivning", "marknadsföring, typ reklam"],
)
def test_a_service_paid_for_the_company_is_its_own_answer(tree: Tree, text: str):
    # Trials 13 and 14 (t13-40, t14-14, t14-21): a website, adverts or advice for one company fell into
    # "Något annat" and got "Vägledningen täcker inte insatsen". Tree 2.4.0 has an answer for it.
    reading = read_answer(tree.questions["stod_till_foretag"], text)
    offered = [reading.option] if reading.option is not None else list(reading.candidates)
    assert offered and offered[0].id == "tjanst_at_foretaget"
    assert engine_outcome(tree, {"vem": "foretaget", "stod_till_foretag": offered[0].id}) == "not_financeable"


def engine_outcome(tree: Tree, answers: dict[str, str]) -> str:
    from asf.guidance.engine import walk

    outcome = walk(tree, answers).outcome
    assert outcome is not None
    return outcome.verdict


def test_a_minority_share_beside_places_a_party_buys_is_named(tree: Tree):
    # Trial 14 (t14-27): a share in the company beside a party's purchase was dropped without a word.
    text = "Kommunen köper platser för deltagare på Snickeriet, och förbundet vill köpa en minoritetsandel i bolaget."
    assert read_description(tree, text).set_aside["stod_till_foretag"].option == "starta_utveckla"


def test_paying_stands_for_companies_is_never_the_forbunds_own_costs(tree: Tree):
    # Trial 14 (t14-32): "förbundet betalar montrarna åt de fem företagen" was recorded as own costs.
    reading = read_answer(tree.questions["mottagare"], "vi betalar montrarna åt de fyra företagen")
    assert reading.option is None or reading.option.id != "egen_verksamhet"
    assert "egen_verksamhet" not in [option.id for option in reading.candidates][:1]


def test_what_the_company_gets_for_the_participants_is_read_on_the_participants_route(tree: Tree):
    # The participants' route asks "Vad skulle företaget få av förbundet?": the rent the text names
    # answers it there (it was only named as a part set aside, and then asked again).
    text = "Deltagarna på Snickeriet behöver mer plats. Kan förbundet stå för hyreskostnaden för företagets nya lokal?"
    reading = read_description(tree, text)
    assert {q: f.option for q, f in reading.facts.items()} == {
        "vem": "deltagare",
        "insats_typ": "till_foretaget",
        "foretaget_far": "in_natura",
    }
    assert "hyreskostnaden" in reading.facts["foretaget_far"].evidence


@pytest.mark.parametrize(
    "text",
    [
        # Review of session 12: no company is named, so these may be the participants' own costs.
        "Deltagarna behöver en egen lokal för sina träffar. Kan förbundet betala deras lokalhyra under ett år?",
        "Deltagarna ska få stöd av en coach. Förbundet ger ett bidrag till coachens lön.",
    ],
)
def test_a_cost_with_no_company_named_is_not_read_as_what_the_company_gets(tree: Tree, text: str):
    assert "foretaget_far" not in read_description(tree, text).facts


def test_a_thing_for_the_company_beside_places_a_party_buys_stays_a_part_of_its_own(tree: Tree):
    text = (
        "Deltagarna som arbetstränar på Snickeriet Kvisten behöver ny utrustning. Arbetsförmedlingen köper "
        "platserna. Kan förbundet köpa utrustning som snickeriet sedan får behålla?"
    )
    reading = read_description(tree, text)
    assert "foretaget_far" not in reading.facts
    assert reading.set_aside["stod_till_foretag"].option == "in_natura"


@pytest.mark.parametrize(
    ("text", "started_by_the_förbund"),
    [
        ("Kooperativet Grönt & Gott har startat ett nytt café i kommunen. Hur kan vi stötta dem?", False),
        ("Förbundet vill vara med och starta ett nytt socialt företag i kommunen.", True),
    ],
)
def test_a_company_that_has_started_is_not_the_förbund_starting_one(
    tree: Tree, text: str, started_by_the_förbund: bool
):
    options = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert (options.get("stod_till_foretag") == "starta_utveckla") == started_by_the_förbund


def test_a_computer_of_their_own_for_the_participants_is_not_read_as_a_thing_for_the_company(tree: Tree):
    # One word ("dator") names no grant to the company: the participants' own computers are not what
    # "Vad skulle företaget få av förbundet?" asks about.
    reading = read_description(
        tree, "Deltagarna ska få varsin dator när de börjar på kooperativet, kan förbundet betala?"
    )
    assert "foretaget_far" not in reading.facts
    assert "till_foretaget" not in {fact.option for fact in reading.facts.values()}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Praktik på Återbruket för unga, men det är inte bestämt vilken part som ska ansvara.", "ingen_an"),
        (
            "Arbetsträning på Kafé Solrosen för personer med försörjningsstöd. Ingen part har ännu tagit ansvar.",
            "ingen_an",
        ),
        ("Förbundet skriver själv avtal med Tryckeriet om arbetsträning för deltagarna.", "forbundet"),
        ("Det är förbundet som ska skriva avtalen med företagen om praktikplatserna.", "forbundet"),
    ],
)
def test_who_is_responsible_is_read_when_no_party_is_yet_or_the_förbund_contracts_itself(
    tree: Tree, text: str, who: str
):
    # The tree's words; the learned reader may still leave a must-not answer to be asked.
    reading = read_description(tree, text, learned.WORDS_ONLY)
    assert reading.facts["utforare"].option == who


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("insats_typ", "körkortsutbildning"),  # an education, but not about social enterprises
        ("insats_typ", "en truckutbildning"),
        ("stod_till_foretag", "stöd"),  # support of what kind is not said
    ],
)
def test_a_typed_answer_is_not_recorded_as_what_only_part_of_a_word_names(tree: Tree, question: str, text: str):
    wrong = {"insats_typ": "utbildning_om_asf", "stod_till_foretag": "pengar"}[question]
    reading = read_answer(tree.questions[question], text, models=learned.WORDS_ONLY)
    assert reading.option is None or reading.option.id != wrong


@pytest.mark.parametrize("text", ["förbundet", "vi upphandlar själva", "förbundet betalar och skriver avtalet själv"])
def test_the_förbund_running_or_buying_the_initiative_itself_is_still_recorded(tree: Tree, text: str):
    reading = read_answer(tree.questions["utforare"], text)
    assert reading.option is not None and reading.option.id == "forbundet"


@pytest.mark.parametrize(
    ("text", "assessed"),
    [
        # Trial 16 (t16-5, t16-16): the scene first, then what the förbund is asked to pay for.
        (
            "Sex deltagare från AF har arbetsträning på Bryggeriet Humle. Bryggeriet behöver en ny "
            "tappningsmaskin. Förslaget är att förbundet köper in maskinen åt bryggeriet.",
            {"vem": "deltagare", "insats_typ": "till_foretaget", "foretaget_far": "in_natura"},
        ),
        (
            "Kommunens deltagare arbetstränar på Cykelköket. Kan förbundet betala marknadsföring åt Cykelköket?",
            {"vem": "deltagare", "insats_typ": "till_foretaget", "foretaget_far": "tjanst"},
        ),
    ],
)
def test_what_the_förbund_is_asked_to_pay_for_is_assessed_not_the_scene_before_it(
    tree: Tree, text: str, assessed: dict[str, str]
):
    reading = read_description(tree, text)
    assert {q: f.option for q, f in reading.facts.items()} == assessed
    assert reading.set_aside == {}


def test_a_part_beside_places_a_party_buys_is_still_set_aside_not_assessed_instead(tree: Tree):
    # A lawful-route signal (the municipality buys the places) keeps the places as the initiative.
    text = (
        "Kommunen köper arbetsträningsplatser på Kafé Ros åt deltagarna. Förbundet vill köpa in utrustning åt kaféet."
    )
    reading = read_description(tree, text)
    assert reading.facts["insats_typ"].option == "arbetsforberedande"
    assert reading.set_aside["stod_till_foretag"].option == "in_natura"


def test_a_part_the_förbund_would_also_pay_for_stays_beside_the_initiative(tree: Tree):
    # "också": a second part beside the first, not the request the scene leads up to (development set 7).
    text = (
        "En konferens om ASF som är öppen för allmänheten. Förbundet betalar lokalen och vill också ge "
        "ett bidrag till varje företag som ställer ut."
    )
    reading = read_description(tree, text)
    assert reading.facts["strukturell_typ"].option == "evenemang"
    assert reading.set_aside["stod_till_foretag"].option == "pengar"


def test_a_long_phrase_of_the_tree_is_not_vetoed_by_the_learned_reader(tree: Tree):
    # Trial 16 (t16-3): both facts were written out, and both were asked again.
    text = (
        "Ett kooperativ har hört av sig. Ingen av parterna har ännu åtagit sig att ansvara för något, "
        "men kooperativet föreslår att förbundet finansierar platser för åtta deltagare nästa år."
    )
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts.get("utforare") == "ingen_an"
    assert facts.get("insats_typ") == "arbetsforberedande"


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # Trial 16 (t16-10): "Bakgrund" is no company being founded ("grunda").
        ("Bakgrund: fyra deltagare arbetstränar på ett tryckeri som är ett ASF.", None),
        # Trial 16 (t16-14): a thank-you in money to each company visited is a grant.
        (
            "Förbundet ordnar ett studiebesök för parternas chefer på två sociala företag och vill ge "
            "ett ekonomiskt tack på 5 000 kronor till vart och ett av företagen.",
            "pengar",
        ),
    ],
)
def test_a_grant_is_read_from_what_the_text_says_not_from_part_of_a_word(tree: Tree, text: str, part: str | None):
    reading = read_description(tree, text)
    named = {**reading.facts, **reading.set_aside}.get("stod_till_foretag")
    assert (named.option if named else None) == part


@pytest.mark.parametrize("text", ["ASF:et, mot faktura för materialet de gör åt oss"])
def test_a_purchase_for_the_förbunds_own_work_is_its_own_work_not_support_to_the_seller(tree: Tree, text: str):
    # Trial 16 (t16-28): teaching material the förbund buys from an ASF for its own seminars was recorded
    # as "Ett visst företag, som stöd" and ended in "bör inte finansieras".
    reading = read_answer(tree.questions["mottagare"], text)
    assert reading.option is not None and reading.option.id == "egen_verksamhet"


@pytest.mark.parametrize(
    ("text", "who", "quote"),
    [
        # Work training or a handledare for participants: who it is for is not asked again, and the summary
        # quotes the words about what they get.
        (
            "Regionen vill köpa arbetsträning på Snickarglädjen och förbundet betalar via regionen.",
            "deltagare",
            "arbetsträning",
        ),
        ("En handledare från kommunen ska stötta dem som praktiserar på tvätteriet.", "deltagare", "handledare"),
        # A course about social enterprises may be for the förbund's own staff: asked, not implied.
        ("Vi vill ordna en utbildning om sociala företag som förbundet betalar.", None, None),
        # A party and a payment route alone say nothing about who it is for (a coordinator has them too).
        ("Regionen ansvarar för samordnaren och förbundet betalar via regionen.", None, None),
        # Who it is for, denied: never implied back.
        (
            "Insatsen är inte för deltagare. Kommunen vill köpa handledning av kaféet och förbundet betalar via "
            "kommunen.",
            None,
            None,
        ),
    ],
)
def test_who_it_is_for_is_implied_only_by_what_participants_get(
    tree: Tree, text: str, who: str | None, quote: str | None
):
    # The words alone, as the learned reader may name who it is for on its own.
    reading = read_description(tree, text, learned.WORDS_ONLY)
    found = reading.facts.get("vem")
    assert (found.option if found else None) == who
    if found is not None and quote is not None:
        assert quote in found.evidence.lower()
        assert reading.implied == {"vem"} and reading.stated == len(reading.facts) - 1


def test_a_question_about_a_word_is_no_description_because_of_an_implied_fact(tree: Tree):
    # "Vad räknas som arbetsträning?" names one thing; who it is for is only implied from it.
    reading = read_description(tree, "Vad räknas som arbetsträning?", learned.WORDS_ONLY)
    assert reading.stated < other_questions.FACTS_OF_A_DESCRIPTION


@pytest.mark.parametrize(
    ("text", "who", "route"),
    [
        # What comes after "i stället för" is what is not done; the party named in an earlier clause of the
        # same sentence stays the one responsible.
        (
            "Regionen ansvarar för arbetsträningen, men förbundet vill betala fakturorna direkt i stället för "
            "att gå via regionen.",
            "regionen",
            "direkt",
        ),
        # A later "inte" in the same sentence takes the party back: asked, not kept.
        ("Tanken var att kommunen skulle köpa platserna, men kommunen ska inte köpa dem utan regionen.", None, None),
    ],
)
def test_paying_directly_instead_of_via_the_party_is_read_beside_the_party(
    tree: Tree, text: str, who: str | None, route: str | None
):
    facts = {q: f.option for q, f in read_description(tree, text, learned.WORDS_ONLY).facts.items()}
    assert facts.get("utforare") == who
    assert facts.get("pengavag") == route


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen köper arbetsträning på kaféet för personer utan direkt kontakt med arbetsmarknaden.",
        "AF köper arbetsträning på tvätteriet, tvätteriet fakturerar AF och AF skickar fakturan direkt till oss.",
    ],
)
def test_direct_words_that_are_not_paying_the_company_directly(tree: Tree, text: str):
    facts = {q: f.option for q, f in read_description(tree, text, learned.WORDS_ONLY).facts.items()}
    assert facts.get("pengavag") != "direkt"


def test_a_party_that_buys_no_places_is_not_the_one_that_procures(tree: Tree):
    # Trial 17 (t17-9): "AF köper inga platser" was quoted as evidence that AF procures the initiative.
    text = "Förbundet vill ge 300 000 kr till AF, som skickar summan vidare. AF köper inga platser."
    facts = {q: f.option for q, f in read_description(tree, text, learned.WORDS_ONLY).facts.items()}
    assert facts.get("utforare") != "arbetsformedlingen"


def test_a_grant_inside_a_contract_for_places_is_named_as_a_part_of_its_own(tree: Tree):
    # Trial 17 (t17-4): 150 000 kr to the company in the same contract as the places vanished from the summary.
    text = (
        "Kommunen har upphandlat arbetstraningsplatser pa ett kafe for deltagare och forbundet finansierar via "
        "kommunen. I avtalet ingar aven 150 000 kr till foretaget for nya maskiner."
    )
    reading = read_description(tree, text)
    assert reading.facts["utforare"].option == "kommunen"
    assert reading.set_aside["stod_till_foretag"].option == "pengar"


@pytest.mark.parametrize(
    "text",
    [
        "Vi betalar dubbelt så mycket som lunchen kostar, för att stötta caféet lite extra.",
        "Förbundet köper lunch från ASF-caféet men betalar mer än vad lunchen kostar för att stötta dem.",
    ],
)
def test_paying_more_than_it_costs_is_a_grant_not_an_ordinary_purchase(tree: Tree, text: str):
    # Trial 17 (t17-22): paying double for lunch "för att stötta caféet" got the answer about the förbund's
    # ordinary purchases, with no word about a grant. (Asked as a question, "… ?", it still does: a
    # question naming a purchase gets that answer first.)
    reading = read_description(tree, text)
    assert reading.facts["stod_till_foretag"].option == "pengar"
    counted = other_questions.asked_beside_a_description(text, lambda t: read_description(tree, t).stated)
    assert counted is None


def test_the_answer_towards_an_outcome_is_the_one_answer_whose_route_ends_there(tree: Tree):
    # Advice to one company ends in "stöd till ett visst företag"; for participants that is what the company gets.
    outcome = "stod_till_ett_foretag"
    assert answer_towards(tree, {"vem": "deltagare", "malgrupp": "ja"}, "insats_typ", outcome) == "till_foretaget"
    assert (
        answer_towards(tree, {"vem": "deltagare", "insats_typ": "till_foretaget"}, "foretaget_far", outcome) == "tjanst"
    )
    assert answer_towards(tree, {}, "vem", outcome) is None  # several who-answers lead there
    work_training = {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "arbetsforberedande"}
    assert answer_towards(tree, work_training, "utforare", outcome) is None  # none does
    # Review of session 17: a company's staff who are "själva deltagare" reach it only a long way round.
    assert answer_towards(tree, {"vem": "asf_personal"}, "asf_personal_stod", outcome) is None


@pytest.mark.parametrize(
    ("answer", "echoed"),
    [
        ("konsulten, som jag skrev", True),  # inflected
        ("reklamfilmen", True),  # a compound's first part ("reklamfilmsinspelning")
        ("det sociala företaget", False),  # who takes part: every route names them
        ("arbetsträningen hos dem", False),  # a word for an answer to the question asked (review of session 17)
        ("de är på Kvarnen", False),  # the company's name (review of session 17)
        ("arbetsgivaren", False),  # one stem, another word
        ("inte konsulten", False),
    ],
)
def test_a_typed_answer_echoes_a_part_by_its_own_words(tree: Tree, answer: str, echoed: bool):
    part = "en konsult som sköter reklamfilmsinspelning och arbetsmiljöfrågor åt Kvarnen, där de arbetstränar"
    assert echoes(answer, part, tree.questions["insats_typ"]) is echoed


def test_the_words_for_an_answer_to_the_question_asked_are_no_echo(tree: Tree):
    part = "…en rådgivare som ger råd till ett enda socialt företag som vi köper platser…"
    assert not echoes("köpa platserna", part, tree.questions["insats_typ"])  # "platser": work training
    assert echoes("köpa platserna", part, tree.questions["pengavag"])


def test_money_the_company_gets_for_its_own_purchases_is_money_not_things(tree: Tree):
    # Trial 21 (t21-7): "företaget får 150 000 kronor för att köpa nya maskiner" was set aside as support in
    # things, whose result said it is no cash grant and that the guidance does not name it.
    text = (
        "Regionen köper arbetsträning på Snickeriet och förbundet betalar via regionen. "
        "I avtalet står också att företaget får 80 000 kr till en ny skåpbil."
    )
    reading = read_description(tree, text)
    assert reading.facts["insats_typ"].option == "arbetsforberedande"
    assert {q: f.option for q, f in reading.set_aside.items()} == {"stod_till_foretag": "pengar"}


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen köper arbetsträningsplatser på kaféet för deltagarna, och företaget får 2 000 kronor per plats.",
        # Review of session 17: a price for what a party buys, read as a grant by broader cues.
        "Kommunen köper arbetsträningsplatser på Kvarnen för deltagarna. Företaget får 3 000 kronor för att ta emot "
        "varje deltagare.",
        "Arbetsförmedlingen köper arbetsträning på Returbutiken och företaget får 500 kr till handledningen per dag.",
        "Kommunen upphandlar arbetsträning och förbundet betalar via kommunen; företaget får 250 000 kronor till "
        "platserna under året.",
    ],
)
def test_the_price_a_party_pays_is_no_grant(tree: Tree, text: str):
    reading = read_description(tree, text)
    assert not reading.must_nots and not reading.set_aside


def test_a_route_the_money_does_not_take_denies_no_party_named_as_responsible(tree: Tree):
    # Development set 7: "Soc står för arbetsträningen …, inte via kommunen utan direkt till butiken" lost the
    # party, and "Vilken part ansvarar …?" was asked although the text said it.
    text = (
        "Socialtjänsten ansvarar för arbetsträningen på Bryggeriet, men förbundet betalar företaget direkt, "
        "inte via kommunen."
    )
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts["utforare"] == "kommunen" and facts["pengavag"] == "direkt"
    # With no other word for the party, "inte via kommunen" still says nothing for the municipality.
    denied = read_description(tree, "Arbetsträning på Bryggeriet, förbundet betalar direkt, inte via kommunen.")
    assert "utforare" not in denied.facts


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen köper arbetsträning på Kvarnen åt deltagarna. För oss är startbidrag inte aktuellt.",
        "Kommunen köper arbetsträning på Kvarnen åt deltagarna. Här är driftsbidrag inte aktuellt.",
    ],
)
def test_a_denial_after_is_in_an_inverted_clause_still_denies(tree: Tree, text: str):
    # Review of session 17: "För oss är startbidrag inte aktuellt" was read as a start grant.
    reading = read_description(tree, text)
    assert reading.facts["insats_typ"].option == "arbetsforberedande"
    assert not reading.must_nots


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("i vårt fall är Arbetsförmedlingen inte inblandad utan Försäkringskassan", "forsakringskassan"),
        ("nu är regionen inte längre med, det blir kommunen", "kommunen"),
        ("nej, det är regionen inte kommunen", "regionen"),
    ],
)
def test_a_typed_party_contrasted_with_another_is_the_one_not_denied(tree: Tree, text: str, party: str):
    reading = read_answer(tree.questions["utforare"], text, models=learned.WORDS_ONLY)
    assert reading.option is not None and reading.option.id == party


def test_a_start_or_operating_support_typed_at_who_gets_the_money_is_asked_about(tree: Tree):
    # Trial 22 (t22-12): "… att förbundet varje år ska ge startstöd till nya sociala företag?" at "Vem får
    # förbundets pengar?" was recorded as the förbund's own activity ("förbundet"), and the result approved it.
    reading = read_answer(tree.questions["mottagare"], "förbundet, och vi ger kooperativen ett etableringsstöd")
    assert reading.option is None
    assert "ett_foretag" in {option.id for option in reading.candidates}


def test_two_answers_to_a_question_after_the_next_one_are_named_as_a_doubt(tree: Tree):
    # Trial 22 (t22-1): places and a handledare, both named, were dropped because "Vad ska deltagarna få?" comes
    # after the target-group question; it was then asked as if the text had said nothing about it.
    text = (
        "AME vill upphandla arbetsträningsplatser på ett lokalt ASF för deltagare, och förbundet betalar via "
        "kommunen. Kommunen anställer en handledare till dem."
    )
    reading = read_description(tree, text)
    assert "insats_typ" not in reading.facts
    assert {fact.option for fact in reading.conflicts["insats_typ"]} == {"arbetsforberedande", "handledare"}


def test_two_answers_read_from_the_same_words_are_not_two_initiatives(tree: Tree):
    # Trial 22 (t22-7): "en utbildning i affärsutveckling och marknadsföring för dom som jobbar på ett ASF" got
    # "Du beskriver mer än en sak", quoting the same words twice.
    text = (
        "kommunen vill att förbundet bekostar en kurs i affärsutveckling och marknadsföring för de anställda på ett ASF"
    )
    reading = read_description(tree, text)
    assert reading.facts["vem"].option == "asf_personal"
    assert recap.several_text(tree, reading) is None
    # Review of session 17: two initiatives beside a summary of a third still get the note.
    text = (
        "Kommunen köper arbetsträningsplatser för deltagare på Kvarnen och förbundet betalar via kommunen. "
        "Vi vill också ordna ett studiebesök och ta fram en policy om ASF för parterna."
    )
    several = recap.several_text(tree, read_description(tree, text))
    assert several is not None and "studiebesök" in several and "policy" in several
    # Third review: two things in one short clause, on the summary's own route, still get it, and no second
    # doubt line about the same question.
    reading = read_description(tree, "Deltagarna ska få arbetsträning och en utbildning om ASF.")
    assert recap.several_text(tree, reading) is not None
    text = "Kommunen köper arbetsträning och en kurs om sociala företag för deltagare på Kvarnen, via kommunen."
    reading = read_description(tree, text)
    assert "insats_typ" in reading.conflicts and recap.several_text(tree, reading) is not None
    doubt = messages.text("describe.conflict", question="vad deltagarna ska få", quotes="«Q»").split("«Q»")[0]
    assert doubt not in (recap.summary_reply(tree, reading).text or "")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Hej! Förbundschef här. Vi vill ordna ett seminarium om ASF för parterna.", False),
        ("Jag är nyanställd handläggare. Regionen vill köpa arbetsträning på ett ASF.", False),
        ("Kommunen här, vi köper platser på kaféet.", True),  # names who buys, not a role
        # Review of session 17: "anställd på" says who it is for, no role.
        ("Jag är anställd på ett ASF, vi vill att förbundet betalar en kurs för oss anställda.", True),
        ("Jag är handläggare på AF och vi vill köpa platser.", True),  # a statement of its own
        ("Hur sparas det jag skriver här?", True),
        # Trial 59 (t59-3): an introduction ending in "och har en fråga" was quoted as who the initiative is for.
        ("Jag är avdelningschef på kommunens arbetsmarknadsenhet och har en fråga som kom upp på ett möte.", False),
    ],
)
def test_the_writers_opening_introduction_is_no_evidence(text: str, kept: bool):
    # Trial 22 (t22-3, t22-7): "Jag är ny processledare" and "FK handläggare här" were quoted as evidence of
    # who the initiative is for.
    blanked = without_introduction(text)
    assert len(blanked) == len(text)  # offsets kept, so quotes still point at the user's words
    assert (blanked == text) is kept


def test_a_long_introduction_naming_the_writers_office_is_no_evidence_either(tree: Tree):
    # Trials 56 and 57 (t56-1, t57-1): "Jag är samordnare på kansliet hos Samordningsförbundet …" was longer than the
    # introductions read so far, and made the summary unsure whether the initiative was a coordinator.
    text = (
        "Hej! Jag är samordnare på kansliet hos Samordningsförbundet Norra Hälsingland. Vi vill bjuda in parternas "
        "chefer och handläggare till en temadag om arbetsintegrerande sociala företag."
    )
    reading = read_description(tree, text)
    assert reading.facts["strukturell_typ"].option == "evenemang"
    assert "strukturell_typ" not in reading.conflicts


def test_an_opening_that_says_what_the_writers_unit_does_is_read(tree: Tree):
    # Review of session 38: the longer introductions read since then blanked "… som köper arbetsträning …".
    text = (
        "Jag är chef för arbetsmarknadsenheten som köper arbetsträning av kooperativet. Får förbundet betala via oss?"
    )
    assert read_description(tree, text).facts["insats_typ"].option == "arbetsforberedande"


def test_an_introduction_is_not_quoted_in_the_summary(tree: Tree):
    reading = read_description(tree, "Hej, processledare här. Vi vill ta fram en policy om ASF med parterna.")
    assert all("processledare" not in fact.evidence for fact in reading.facts.values())
    assert all("processledare" not in fact.evidence for side in reading.conflicts.values() for fact in side)


def test_a_start_support_named_as_a_topic_is_no_support_given(tree: Tree):
    # Review of session 17: the bare word made a lawful answer at "Vem får förbundets pengar?" a question.
    text = "förbundet betalar själv lokalen och föreläsaren, temat är vilka startstöd som finns för nya ASF"
    reading = read_answer(tree.questions["mottagare"], text)
    assert reading.option is not None and reading.option.id == "egen_verksamhet"


def test_staff_named_as_those_who_work_at_the_company_and_their_course(tree: Tree):
    # "de som jobbar på det sociala företaget" is its staff (development sets and trial 22), read as such when
    # typed too; the participants are "deltagarna som …".
    typed = read_answer(tree.questions["vem"], "de som jobbar på det sociala företaget").option
    assert typed is not None and typed.id == "asf_personal"
    text = "Vi vill ordna en kurs i stresshantering för dom som jobbar på ett ASF i kommunen."
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts == {"vem": "asf_personal", "asf_personal_stod": "kompetensutveckling"}


def test_a_grant_the_nlu_did_not_understand_is_still_assessed_when_it_names_a_doubt():
    """Trial 23 (t23-2): one fact and two answers to another question got "Det förstod jag inte" three times."""
    talk = Conversation()
    text = "Kan samordningsförbundet ge ett bidrag på 80 000 kr till Second Hand Vågen AB för deras nya lokal?"
    sent = talk.send(ActionFallback(), text, intent="nlu_fallback")
    assert "Så här uppfattar jag insatsen" in said(sent)
    assert "förstod" not in said(sent)


def test_a_note_naming_two_things_to_do_is_assessed_not_explained():
    """Trial 51: a note listing a coordinator, a network and a study visit, heard by the NLU as a question about
    the concept, got the definition of an ASF and no summary."""
    talk = Conversation()
    text = (
        "Förb. anst. en ASF-samordnare på halvtid för parternas personal i länet + studieresa till två sociala företag"
    )
    sent = talk.send(ActionExplainConcept(), text, intent="explain_concept", concept="asf")
    assert "Tillväxtverket" not in said(sent)
    assert "Så här uppfattar jag insatsen" in said(sent) or talk.slots["current_question"] == "strukturell_typ"


def test_an_overprice_to_support_a_company_is_no_ordinary_purchase():
    """Trial 23 (t23-17): "dubbelt pris … för att stötta kaféet" got only the answer on the förbund's own purchases."""
    talk = Conversation()
    sent = talk.send(
        ActionDescribeInitiative(), "Får vi betala dubbelt pris för fikat från Bageriet Degen för att stötta dem?"
    )
    assert "inte bör finansiera" in said(sent)


@pytest.mark.parametrize("text", ["nja, vissa av dem", "nja", "vissa gör det"])
def test_a_hedged_yes_the_nlu_heard_as_yes_is_asked_about(tree: Tree, text: str):
    """Trial 23 (t23-16): "nja, vissa" at the target-group question was recorded as a plain "Ja"."""
    reading = read_answer(tree.questions["malgrupp"], text, yes_no="ja")
    assert reading.option is None and "ja" in [o.id for o in reading.candidates]


def test_a_what_if_the_nlu_took_for_a_memo_request_is_assessed_not_written_up():
    """Trial 23 (t23-19): a what-if without å/ä/ö after a result produced the memo of the old result."""
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "Förbundet vill ge 20 000 kr i bidrag till Bageriet Degen AB.")
    talk.send(ActionAnswer(), "", intent="affirm")
    sent = talk.send(
        ActionRequestMemo(),
        "om det bara blir ett diplom och en film om bageriet som visas pa ett seminarium for parterna?",
        intent="request_memo",
    )
    # Assessed: read as a description (before session 40) or, now, tried beside the result as other what-ifs are.
    assert "Här är beslutsunderlaget" not in said(sent)
    assert "Så här uppfattar jag insatsen" in said(sent) or "Jag provar med de nya svaren" in said(sent)


@pytest.mark.parametrize(
    "text",
    [
        "Vi vill ordna en utbildning för de som jobbar på AF om sociala företag.",  # a party's staff, about ASF
        "Förbundet vill bjuda in de som är anställda på socialtjänsten till en inspirationsdag om ASF.",
    ],
)
def test_the_staff_of_a_party_are_not_the_staff_of_a_company(tree: Tree, text: str):
    reading = read_description(tree, text)
    assert "asf_personal_stod" not in reading.must_nots
    assert "vem" not in reading.facts or reading.facts["vem"].option != "asf_personal"


def test_a_fair_price_to_help_participants_is_no_grant(tree: Tree):
    text = "Vi köper arbetsträning av Kafé Linden till ett rimligt pris för att hjälpa deltagarna tillbaka till arbete."
    assert "stod_till_foretag" not in read_description(tree, text).must_nots


@pytest.mark.parametrize(
    "text",
    ["Skillnaden mellan lån och bidrag till ett socialt företag?", "Nej, lån och bidrag till företaget"],
)
def test_a_question_naming_two_answers_but_asking_for_no_payment_is_not_assessed(text: str):
    talk = Conversation()
    sent = talk.send(ActionFallback(), text, intent="nlu_fallback")
    assert "Så här uppfattar jag insatsen" not in said(sent)


def test_a_request_naming_money_from_the_förbund_without_a_verb_is_assessed():
    talk = Conversation()
    sent = talk.send(ActionFallback(), "Kafé Linden behöver en ny kaffemaskin, bidrag eller lån från förbundet?")
    assert "Så här uppfattar jag insatsen" in said(sent)


@pytest.mark.parametrize(
    "text",
    [
        "Förbundet vill bekosta en kurs för de som jobbar på arbetsintegrerande sociala företag.",
        "Vi tänker betala ett högre pris för att stötta det sociala företaget när vi köper platser.",
    ],
)
def test_a_course_for_company_staff_and_an_overprice_are_parts_to_avoid(tree: Tree, text: str):
    assert read_description(tree, text).must_nots


@pytest.mark.parametrize(
    "text",
    [
        "förbundet ger kaféet 30 000 kr till en ny diskmaskin",
        "Vi vill ge Returbutiken Fyndet 40 000 kronor till nya hyllor i butiken.",
    ],
)
def test_a_summary_holds_no_line_that_fits_neither_answer_to_a_question_it_asks(tree: Tree, text: str):
    # Trial 29: money for equipment, asked as "money or things?", was summarised beside "Vad deltagarna ska få"
    # under "Ett företag": a line on a route that neither answer leads to.
    reading = read_description(tree, text)
    for question_id, sides in reading.conflicts.items():
        answers = {q: fact.option for q, fact in reading.facts.items()}
        assert any(one_route_holds(tree, {**answers, question_id: side.option}) for side in sides), (text, answers)


def test_lending_a_thing_is_no_loan_of_money_to_the_company(tree: Tree):
    """Development set 5, mt084: "låna ut vår logga" was recorded as "Låna ut pengar till företaget"."""
    question = tree.questions["stod_till_foretag"]
    for thing in ("låna ut vår släpvagn till dem", "vi lånar ut vårt konferensrum"):
        reading = read_answer(question, thing)
        assert reading.option is None and reading.candidates  # asked, never recorded as a loan
    for money in ("låna ut 80 000 till dem", "vi lånar dem pengar till en ugn", "ett räntefritt lån"):
        recorded = read_answer(question, money).option
        assert recorded is not None and recorded.id == "lan"
    lent = read_description(tree, "Förbundet vill låna ut sin släpvagn till Kafé Humlan över sommaren.")
    assert lent.facts.get("stod_till_foretag") is None
    loan = read_description(tree, "Förbundet vill låna ut 80 000 kr till Kafé Humlan över sommaren.")
    assert loan.facts["stod_till_foretag"].option == "lan"


def test_money_through_something_that_is_no_party_is_asked(tree: Tree):
    """Development half, t271: "via projektet" was recorded as "Via den part som ansvarar"."""
    question = tree.questions["pengavag"]
    for elsewhere in ("via vår förening", "genom projektet"):
        reading = read_answer(question, elsewhere)
        assert reading.option is None and reading.candidates
    for party in ("via soc", "genom dem", "via Försäkringskassans kontor", "via den part som köper"):
        recorded = read_answer(question, party).option
        assert recorded is not None and recorded.id == "via_part"


@pytest.mark.parametrize(
    "text",
    [
        "Regionen köper fyra praktikplatser hos Bageriet Degen men betalar för åtta oavsett beläggning, så att bageriet"
        " klarar sig. Förbundet betalar via regionen.",
        "AF betalar Bageriet Degen för fler platser än som används, som en garanti så att de går runt. Förbundet"
        " finansierar via AF.",
    ],
)
def test_places_paid_for_but_left_empty_are_named_as_money_to_the_company(tree: Tree, text: str):
    """Trial 31, t31-21: paying for empty places "as a guarantee" was assessed as a lawful purchase."""
    reading = read_description(tree, text)
    assert reading.must_nots["stod_till_foretag"].option == "pengar"
    named = {**reading.facts, **reading.set_aside, **reading.conflicts}
    assert "stod_till_foretag" in named  # in the summary, set aside beside it or asked: never left unsaid


def test_business_development_for_the_staff_is_proposed_even_when_a_party_procures_it(tree: Tree):
    """Trial 31, t31-8: a course in business development for the staff of social enterprises, procured by the
    region, got three notes (several things, unsure what the staff get, a part set aside) instead of one line."""
    text = (
        "Kommunen vill upphandla en kurs i ekonomistyrning och affärsutveckling för de anställda arbetsledarna på två"
        " sociala företag, och förbundet betalar via kommunen."
    )
    reading = read_description(tree, text)
    assert reading.facts["vem"].option == "asf_personal"
    assert reading.facts["asf_personal_stod"].option == "kompetensutveckling"
    assert not reading.conflicts and not reading.set_aside
    # Without the staff named in words, a course is no must-not: it is asked.
    course = read_description(
        tree, "Kommunen vill upphandla en kurs i ekonomistyrning, och förbundet betalar via kommunen."
    )
    assert "asf_personal_stod" not in course.facts


LONG_COURSE = (
    "Inför nästa år vill vi lyfta följande. Regionen avser att upphandla en halvdags utbildning om arbetsintegrerande"
    " sociala företag – hur de fungerar, hur man kan få jobb där och hur man blir delägare – riktad till deltagare i"
    " Finsams målgrupp. Samordningsförbundet föreslås stå för kostnaden."
)


def test_what_a_course_about_social_enterprises_covers_is_no_part_to_avoid(tree: Tree):
    """Trial 31, t31-9: "hur man blir delägare", as the course's content, was set aside as starting or owning a
    company, and the party that procures it was dropped from the summary."""
    reading = read_description(tree, LONG_COURSE)
    assert reading.facts["insats_typ"].option == "utbildning_om_asf"
    assert reading.facts["utforare"].option == "regionen"
    assert "stod_till_foretag" not in reading.must_nots
    owning = read_description(
        tree, "En kurs om sociala företag för deltagare, och förbundet vill bli delägare i Kvarnen."
    )
    assert owning.must_nots["stod_till_foretag"].option == "starta_utveckla"  # the förbund acts: still named


def test_a_handledare_the_party_employs_itself_is_read_as_employed_by_a_party(tree: Tree):
    """Trial 31, t31-13: "en handledare som FK själva anställer" was quoted in the summary, then asked again."""
    reading = read_description(tree, "Kommunen vill att förbundet betalar en handledare som kommunen själva anställer.")
    assert reading.facts["handledare_anstalld"].option == "hos_part"


def test_we_starting_a_social_enterprise_with_a_party_is_starting_one_not_a_start_grant(tree: Tree):
    """Trial 32, t32-19: "Kan vi tillsammans med kommunen starta ett eget socialt företag …" was named as a
    participant's start grant, and the answers that followed gave "kan finansieras på villkor"."""
    reading = read_description(
        tree, "Kan vi tillsammans med regionen starta ett eget socialt företag, en tvättstuga, där deltagare kan jobba?"
    )
    assert reading.facts["stod_till_foretag"].option == "starta_utveckla"
    grant = read_description(tree, "Deltagarna vill starta eget, kan vi ge dem startpeng?")
    assert grant.facts["insats_typ"].option == "startbidrag"


def test_paying_for_more_places_than_are_used_is_asked_beside_the_purchase(tree: Tree):
    """Trial 32, t32-20: "… men vi betalar för fler än vi använder" was recorded as the purchase alone."""
    question = tree.questions["stod_till_foretag"]
    reading = read_answer(
        question, "regionen köper platser, men betalar för fler än de behöver så att de har stabil ekonomi"
    )
    assert reading.option is None and {c.id for c in reading.candidates} == {"kopa_tjanster", "pengar"}
    described = read_description(
        tree,
        "AF köper sex platser på Verkstan. Vi använder två, men resten betalas ändå så att Verkstan får stabil"
        " ekonomi.",
    )
    assert described.must_nots["stod_till_foretag"].option == "pengar"


def test_covering_an_associations_administration_is_named_as_money_to_it(tree: Tree):
    """Trial 32, t32-13: an IOP paying the association's administration and rent, via the kommun, read nothing."""
    text = (
        "Regionen vill teckna ett ideburet offentligt partnerskap med foreningen bakom Vavstugan. Forbundet betalar"
        " via regionen. Pengarna ska tacka foreningens administration och lokal."
    )
    reading = read_description(tree, text)
    assert reading.must_nots["stod_till_foretag"].option == "pengar"
    # Beside the party's route it is asked or set aside with its words, never left unsaid.
    assert "stod_till_foretag" in {**reading.conflicts, **reading.set_aside}


def _at_what_is_done_for_the_company(description: str) -> Conversation:
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), description, intent="describe_initiative")
    talk.click("vem", "foretaget")
    assert talk.slots["current_question"] == "stod_till_foretag"
    return talk


_GRANT_STRAIGHT_TO_IT = (
    "Vi vill göra ett samarbetsavtal med Linfabriken, ett socialt företag, där förbundet betalar 250 000 kronor om"
    " året direkt till företaget för att de ska ta emot våra deltagare och utveckla sin verksamhet."
)


def test_choosing_an_answer_the_guidance_does_not_cover_over_a_described_grant_is_asked_first():
    """Trial 32, t32-2 and t32-13: money "direkt till företaget", then "Något annat", got "Vägledningen täcker inte
    insatsen" with nothing said of the grant. The choice is asked once, naming the user's words; kept, it counts."""
    talk = _at_what_is_done_for_the_company(_GRANT_STRAIGHT_TO_IT)
    asked = talk.click("stod_till_foretag", "annat")
    text = said(asked)
    assert "Innan jag noterar ”Något annat”" in text and "250 000 kronor" in text
    assert "stod_till_foretag" not in (talk.slots["answers"] or {}) and not talk.slots["last_result"]
    payloads = [b["payload"] for b in asked[-1]["buttons"]]
    assert payloads[0] == '/inform{"question":"stod_till_foretag","choice":"pengar"}'
    assert '"confirmed":"ja"' in payloads[1]
    # "Ja, något annat" keeps the choice: the result is the one the guidance gives for it.
    talk.send(ActionAnswer(), "/inform", question="stod_till_foretag", choice="annat", confirmed="ja")
    assert talk.slots["last_result"]["verdict"] == "out_of_scope"


def test_the_described_grant_chosen_after_the_question_back_is_not_to_be_financed():
    talk = _at_what_is_done_for_the_company(_GRANT_STRAIGHT_TO_IT)
    talk.click("stod_till_foretag", "annat")
    talk.click("stod_till_foretag", "pengar")
    assert talk.slots["last_result"]["verdict"] == "not_financeable"


def test_a_typed_other_answer_over_a_described_grant_is_asked_once_then_recorded():
    talk = _at_what_is_done_for_the_company(_GRANT_STRAIGHT_TO_IT)
    first = said(talk.send(ActionAnswer(), "något annat"))
    assert "Innan jag noterar" in first and not talk.slots["last_result"]
    talk.send(ActionAnswer(), "något annat")
    assert talk.slots["last_result"]["verdict"] == "out_of_scope"


def test_an_other_answer_is_recorded_at_once_where_the_description_names_nothing_to_avoid():
    talk = _at_what_is_done_for_the_company("Vi funderar på något tillsammans med det sociala företaget Ängen.")
    sent = said(talk.click("stod_till_foretag", "annat"))
    assert "Innan jag noterar" not in sent
    assert talk.slots["last_result"]["verdict"] == "out_of_scope"


def test_a_participants_start_grant_routed_via_a_party_is_asked_as_theirs_not_set_aside_as_a_company_grant(
    tree: Tree,
):
    """Trial 32, t32-8: "ett startbidrag … pengarna går via kommunen" was set aside as "Ge ett bidrag i pengar till
    företaget" beside participants; it is the participants' start grant, named where what they get is asked."""
    text = "Förbundet vill att arbetslösa deltagare som vill bli egenföretagare får ett startbidrag, via regionen."
    reading = read_description(tree, text)
    assert "stod_till_foretag" not in reading.set_aside
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    talk.send(ActionAnswer(), "ja", intent="affirm")
    asked = said(talk.click("malgrupp", "ja"))
    assert talk.slots["current_question"] == "insats_typ"
    assert "Det låter som ”Pengar för att starta ett eget företag”" in asked


def _result_of(answers: dict[str, str]) -> Conversation:
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    for question, choice in answers.items():
        talk.click(question, choice)
    assert talk.slots["last_result"] is not None
    return talk


def test_asking_if_routing_a_grant_via_a_party_makes_it_ok_is_about_the_result_not_a_new_initiative():
    """Trial 32, t32-8: "men pengarna går ju via kommunen, gör inte det det ok?" after "bör inte" for a start grant
    got "Jag tar det som en ny insats" and a summary of only the kommun."""
    talk = _result_of({"vem": "deltagare", "malgrupp": "ja", "insats_typ": "startbidrag"})
    sent = said(talk.send(ActionAnswer(), "men pengarna skickas ju via Arbetsförmedlingen, blir det inte okej då?"))
    assert "Det ändrar inte bedömningen" in sent and "ny insats" not in sent
    assert talk.slots["last_result"]["verdict"] == "not_financeable" and not talk.slots["pending_answers"]


def test_asking_if_paying_for_empty_places_is_ok_assesses_that_part():
    """Trial 32, t32-20: "så det är ok att vi betalar för de 6 platser som står tomma?" after places a party buys
    got "Jag tar det som en ny insats … gäller som förut", which read as a yes."""
    talk = _result_of(VIA_KOMMUNEN)
    sent = said(talk.send(ActionAnswer(), "alltså är det ok att förbundet betalar även för platserna som står tomma?"))
    assert "ny insats" not in sent
    assert talk.slots["last_result"]["verdict"] == "not_financeable"


def test_places_left_empty_but_paid_for_are_money_to_the_company(tree: Tree):
    reading = read_description(tree, "Kommunen betalar tolv platser på Cykelköket, fast fyra av platserna står tomma.")
    assert reading.must_nots["stod_till_foretag"].option == "pengar"


def test_a_knowledge_initiative_named_two_ways_is_asked_about_not_lost(tree: Tree):
    """A policy for how the parties are to work with social enterprises named both a policy and the parties'
    local work: the text read as nothing, and who it was for was asked as if nothing had been said."""
    reading = read_description(tree, "Vi vill skriva riktlinjer för hur parterna ska samarbeta med sociala företag.")
    assert reading.facts["vem"].option == "parter_och_aktorer" and "vem" in reading.implied
    assert {fact.option for fact in reading.conflicts["strukturell_typ"]} == {"policy", "parternas_arbete"}


_HANDLEDARE_AT_THE_PARTY = (
    "Avsikten är att förbundet finansierar en jobbcoach anställd vid regionens rehabenhet, som ska stötta deltagare"
    " i Finsams målgrupp under arbetsträning på det sociala företaget Lövet. Det finansieras genom en överföring till"
    " regionen."
)


def test_money_transferred_to_a_party_is_read_as_going_via_it(tree: Tree):
    """Trial 32, t32-6: "Finansieringen sker genom överföring till kommunen" was asked again."""
    assert read_description(tree, _HANDLEDARE_AT_THE_PARTY).facts["pengavag"].option == "via_part"


def test_a_correction_saying_where_the_handledare_works_adds_that_line_and_keeps_who_it_is_for():
    """Trial 32, t32-6: "handledaren kommer faktiskt att vara anställd av det ena sociala företaget, kommunen betalar
    lönen dit", under a summary unsure what participants get, changed who it is for to the company."""
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), _HANDLEDARE_AT_THE_PARTY, intent="describe_initiative")
    # Since round 35 the summary reads the jobbcoach "anställd vid regionens rehabenhet" as employed by a party.
    assert talk.slots["pending_answers"].get("handledare_anstalld") == "hos_part"
    talk.send(ActionAnswer(), "Nej", intent="deny")
    talk.send(
        ActionAnswer(),
        "fel, handledaren kommer nog att vara anställd hos det sociala företaget, regionen står för lönen",
    )
    pending = talk.slots["pending_answers"]
    assert pending["vem"] == "deltagare"
    assert pending["insats_typ"] == "handledare" and pending["handledare_anstalld"] == "hos_foretaget"


_FIXED_SUM_CALLED_A_PARTNERSHIP = (
    "Kommunen vill sluta ett 'samarbetspartnerskap' med ett socialt företag. Förbundet ska via kommunen betala"
    " 90 000 kr om året till företaget som samarbetsersättning, och företaget tar emot praktikanter när det går."
    " Inga platser köps."
)


def test_a_typed_purchase_over_a_described_fixed_sum_to_the_company_is_asked_first():
    """Trial 33, t33-11: a fixed yearly sum to the company with no places bought, then "kommunen köper ju tillgång
    till praktikplatser" typed, was recorded as a purchase and got "kan finansieras på villkor"."""
    talk = _at_what_is_done_for_the_company(_FIXED_SUM_CALLED_A_PARTNERSHIP)
    first = said(talk.send(ActionAnswer(), "kommunens jurist kallar det ett köp, de köper ju tillgång till platser"))
    assert "Innan jag noterar ”En part köper platser" in first and "90 000 kr" in first
    assert "stod_till_foretag" not in (talk.slots["answers"] or {})
    talk.click("stod_till_foretag", "pengar")
    assert talk.slots["last_result"]["verdict"] == "not_financeable"


def test_a_plain_yes_to_the_question_back_keeps_the_answer():
    talk = _at_what_is_done_for_the_company(_FIXED_SUM_CALLED_A_PARTNERSHIP)
    asked = talk.send(ActionAnswer(), "kommunen köper platser där")
    assert "stod_till_foretag" not in (talk.slots["answers"] or {})
    kept = dialogue.chosen_by_yes("ja", asked[-1]["buttons"])
    assert kept is not None and kept.entity("choice") == "kopa_tjanster" and kept.entity("confirmed")
    talk.send(ActionAnswer(), "/inform", question="stod_till_foretag", choice="kopa_tjanster", confirmed="ja")
    assert talk.slots["answers"]["stod_till_foretag"] == "kopa_tjanster"


def test_a_click_on_the_purchase_is_recorded_without_asking():
    talk = _at_what_is_done_for_the_company(_FIXED_SUM_CALLED_A_PARTNERSHIP)
    talk.click("stod_till_foretag", "kopa_tjanster")
    assert talk.slots["answers"]["stod_till_foretag"] == "kopa_tjanster"


def test_what_has_nothing_to_do_with_it_is_denied(tree: Tree):
    """Trial 33, t33-7: "förbundet har inget med den att göra" was read as the förbund procuring, and the result
    was "Förbundet genomför eller köper insatsen själv: bör inte finansieras"."""
    question = tree.questions["utforare"]
    assert read_answer(question, "regionen köper platserna, förbundet har ingenting med upphandlingen att göra").option
    reading = read_answer(question, "samordningsförbundet har inget med avtalet att göra")
    assert reading.option is None or reading.option.id != "forbundet"
    facts = read_description(
        tree, "Regionen köper platserna på bageriet och förbundet har inget med det att göra."
    ).facts
    assert facts.get("utforare") is None or facts["utforare"].option == "regionen"


def test_a_party_that_is_not_involved_is_denied(tree: Tree):
    """Development set 8: "<part> är inte med" denies that party; the answer "Försäkringskassan är inte med, regionen
    står för det" was recorded as "Flera parter tillsammans"."""
    question = tree.questions["utforare"]
    for answer, party in (
        ("Försäkringskassan är inte med, regionen står för det", "regionen"),
        ("regionen var inte inblandad alls, kommunen köper platserna", "kommunen"),
    ):
        reading = read_answer(question, answer)
        assert reading.option is not None and reading.option.id == party, (answer, reading.option)
    # Not involved is not every "är inte", nor "inte med" in something else (second review of session 30).
    for answer in (
        "kommunen är inte nöjd med priset men köper platserna",
        "kommunen är inte med i styrgruppen men kommunen upphandlar platserna",
        "Kommunen är inte med ännu, men det är kommunen som ska upphandla",
    ):
        reading = read_answer(question, answer)
        assert reading.option is not None and reading.option.id == "kommunen", answer
    text = "Deltagarna är inte med i planeringen, men kommunen köper arbetsträningsplatser åt dem på kaféet."
    assert read_description(tree, text).facts["vem"].option == "deltagare"


def test_premises_the_company_pays_for_itself_are_no_gift(tree: Tree):
    """Trial 33, t33-7: "… och företaget hyr lokalen själv" was set aside as "Ge företaget saker eller lokaler"."""
    text = "Arbetsförmedlingen köper praktikplatser i cykelbutiken, och företaget hyr sina lokaler själv."
    reading = read_description(tree, text)
    assert "stod_till_foretag" not in reading.must_nots and "stod_till_foretag" not in reading.set_aside
    assert read_description(tree, "Förbundet vill betala hyran för kaféets lokal.").must_nots


def test_what_a_party_owns_is_no_gift_to_the_company(tree: Tree):
    """Trial 39, t39-7: "… det är AF som äger datorerna och deltagarna använder dem på företaget" was read as computers
    for the company, and once that went, "äger" as the förbund owning a company."""
    for text in (
        "Räcker det om det är Arbetsförmedlingen som äger datorerna och deltagarna använder dem på kaféet?",
        "Symaskinerna ägs av kommunen, deltagarna syr på dem i verkstaden.",
        # Trial 40 (t40-4): the party that began the clause owns it after "och".
        "Men om regionen köper diskmaskinen själv och äger den, och deltagarna använder den på kaféet?",
    ):
        reading = read_description(tree, text)
        assert "stod_till_foretag" not in reading.must_nots and "stod_till_foretag" not in reading.set_aside, text
        assert read_answer(tree.questions["stod_till_foretag"], text).option is None, text
    # What the förbund gives, or owns, still is.
    for text, option in (
        ("Regionen äger huset men vi betalar hyran åt kooperativet.", "in_natura"),
        ("Förbundet och regionen vill äga kooperativet tillsammans.", "starta_utveckla"),
        ("Förbundet köper in datorer som verkstaden sedan äger.", "in_natura"),
    ):
        assert read_description(tree, text).must_nots["stod_till_foretag"].option == option, text


def test_the_employer_named_after_anställd_av_is_not_a_party_named_later(tree: Tree):
    """Trial 40 (t40-7): "Handledaren är anställd av Returbutiken och AF skickar pengarna vidare" was summarised as
    "Var handledaren är anställd: Hos en av parterna"."""
    for text in (
        "Handledaren är anställd av Returhuset och AF för över pengarna från förbundet.",
        "Handledaren blir anställd av Loppisboden och kommunen skickar pengarna vidare till dem.",
    ):
        facts = read_description(tree, text).facts
        assert facts.get("handledare_anstalld") is None or facts["handledare_anstalld"].option != "hos_part", text
    for text, option in (
        ("Handledaren är anställd av kommunen och arbetar på kaféet.", "hos_part"),
        # Second review of session 29: a party named as a place or after a word or two is still the employer.
        ("Handledaren är anställd av Lunds kommun och arbetar på Returbutiken.", "hos_part"),
        ("Handledaren är anställd på heltid av regionen.", "hos_part"),
        ("Handledaren är anställd av både kommunen och regionen.", "hos_part"),
        ("En handledare som ska vara anställd på företaget och inte hos regionen.", "hos_foretaget"),
    ):
        assert read_description(tree, text).facts["handledare_anstalld"].option == option, text


def test_a_fixed_sum_whatever_happens_is_money_to_the_company(tree: Tree):
    """Trial 33, t33-11: "företaget får samma summa oavsett" and "oavsett om någon praktiserar där" read nothing."""
    for text in (
        "Kooperativet får samma ersättning oavsett hur många som kommer.",
        "Regionen köper inga platser, verkstaden får en fast summa varje månad oavsett om någon arbetstränar där.",
    ):
        assert read_description(tree, text).must_nots["stod_till_foretag"].option == "pengar", text


def test_a_correction_after_a_result_that_says_it_is_a_fixed_sum_is_tried_as_that():
    """Trial 33, t33-11: "rad 2 stämmer nog inte, kommunen köper inga platser, företaget får en fast summa …" after
    "kan finansieras på villkor" was taken as a new initiative, and the result stood."""
    talk = _result_of(VIA_KOMMUNEN)
    assert talk.slots["last_result"]["verdict"] != "not_financeable"
    text = (
        "rad två stämmer nog inte, kommunen bokar inga platser, kaféet får samma belopp varje år oavsett om någon"
        " deltar"
    )
    sent = said(talk.send(ActionAnswer(), text))
    assert "ny insats" not in sent
    # Tried on the grant's route, or asked what the förbund would do for the company: never the purchase kept.
    verdict = (talk.slots["last_result"] or {}).get("verdict")
    assert verdict == "not_financeable" or talk.slots["current_question"] == "stod_till_foretag", sent


def test_a_line_said_to_be_wrong_with_a_fixed_sum_to_the_company_is_tried_on_the_grants_route():
    talk = _result_of(VIA_KOMMUNEN)
    text = (
        "rad 3 stämmer nog inte, regionen köper inga platser, företaget får en fast summa per månad oavsett om någon"
        " praktiserar där"
    )
    sent = said(talk.send(ActionAnswer(), text))
    verdict = (talk.slots["last_result"] or {}).get("verdict")
    assert verdict == "not_financeable" or talk.slots["current_question"] == "stod_till_foretag", sent


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen köper arbetsträningsplatser och betalar samma summa per deltagare oavsett vilken handläggare som"
        " anvisar.",
        "Regionen betalar ett fast belopp per deltagare oavsett om deltagaren deltar heltid eller deltid.",
        "Vi betalar bara för platser som används, platser som står tomma betalar vi inte för.",
    ],
)
def test_a_fixed_price_per_participant_or_places_not_paid_for_are_no_money_to_the_company(tree: Tree, text: str):
    # Review of session 25: the rules for a fixed sum "oavsett" read these lawful purchases as money to the company.
    assert "stod_till_foretag" not in read_description(tree, text).must_nots


@pytest.mark.parametrize(
    "text",
    [
        "Kooperativet får lokalen gratis och betalar själv för el och städning.",
        "Företaget får gratis datorer och står själva för underhållet.",
    ],
)
def test_a_gift_stays_a_gift_when_the_company_pays_for_something_else_itself(tree: Tree, text: str):
    # Review of session 25: "själv" and any paying verb in the clause had dropped the gift.
    assert read_description(tree, text).must_nots["stod_till_foretag"].option == "in_natura"


def _at_who_gets_the_money_for_a_seminar() -> Conversation:
    talk = summary_confirmed(
        "Vi funderar på en studiedag om sociala företag för chefer hos parterna, där några lokala ASF berättar om"
        " sitt arbete."
    )
    assert talk.slots["current_question"] == "mottagare"
    return talk


def test_a_typed_answer_that_itself_states_a_grant_is_asked_about_first():
    """Trial 34, t34-7: "… men de 25 000 kr till varje ASF är för att de ska utveckla sin verksamhet", typed where
    "Vem får förbundets pengar?" was asked, was recorded as the förbund's own costs and got "kan finansieras", with
    "Insatsen är alltså inget kontantbidrag" beside it."""
    talk = _at_who_gets_the_money_for_a_seminar()
    asked = talk.send(
        ActionAnswer(), "hyra och fika är vanliga köp, men 30 000 kr till varje ASF är för att de ska kunna växa"
    )
    text = said(asked)
    assert "Innan jag noterar ”Förbundet eller parterna, för sin egen verksamhet”" in text and "30 000 kr" in text
    assert "(t.ex." not in text  # the labels' examples are left out of the sentence
    assert "mottagare" not in (talk.slots["answers"] or {}) and not talk.slots["last_result"]
    payloads = [b["payload"] for b in asked[-1]["buttons"]]
    assert payloads[0] == '/inform{"question":"mottagare","choice":"ett_foretag"}'
    talk.click("mottagare", "ett_foretag")
    assert talk.slots["last_result"]["verdict"] == "not_financeable"


def test_a_typed_answer_naming_an_operating_grant_is_not_recorded_as_work_training():
    """Trial 34, t34-9: "Det är arbetsträning. Verksamhetsstödet är ersättningen …" was recorded as work training
    and, via Försäkringskassan, got "kan finansieras på villkor" for an operating grant to the company."""
    talk = summary_confirmed("Regionen vill ge personer i vår målgrupp en insats på ett socialt företag.")
    talk.click("vem", "deltagare")
    assert talk.slots["current_question"] == "insats_typ"
    text = said(talk.send(ActionAnswer(), "platserna, och kaféet får ett verksamhetsstöd på 80 000 kr för att ha dem"))
    assert "Innan jag noterar ”Arbetsträning" in text and "verksamhetsstöd" in text
    assert "insats_typ" not in talk.slots["answers"]


def test_a_typed_answer_that_names_no_grant_is_recorded_at_once():
    talk = _at_who_gets_the_money_for_a_seminar()
    talk.send(ActionAnswer(), "lokalhyran och föreläsarens arvode, som vanliga köp")
    assert talk.slots["answers"]["mottagare"] == "egen_verksamhet"


def _at_what_the_knowledge_initiative_does() -> Conversation:
    talk = Conversation()
    talk.send(ActionStartAssessment(), "/start_assessment", intent="start_assessment")
    talk.click("vem", "parter_och_aktorer")
    assert talk.slots["current_question"] == "strukturell_typ"
    return talk


def test_an_answer_naming_asf_is_an_answer_not_a_question_about_the_concept():
    """Trial 34, t34-8: "sprida kunskap, visa vad asf kan betyda for malgruppen", typed at "Vad ska kunskaps- eller
    samverkansinsatsen göra?" and heard by the NLU as a question about the concept, got the definition of an ASF."""
    talk = _at_what_the_knowledge_initiative_does()
    sent = talk.send(
        ActionExplainConcept(),
        "informera om asf och vad de kan betyda for malgruppen",
        intent="explain_concept",
        concept="asf",
    )
    text = said(sent)
    assert "Menar du" in text and "Tillväxtverket" not in text
    titles = [b["title"] for b in sent[-1]["buttons"]]
    assert any(title.startswith("Visa vad sociala företag kan betyda") for title in titles)


def test_a_real_question_about_asf_at_an_open_question_is_still_answered():
    talk = _at_what_the_knowledge_initiative_does()
    text = said(
        talk.send(ActionExplainConcept(), "vad är ett asf egentligen?", intent="explain_concept", concept="asf")
    )
    assert "Tillbaka till frågan" in text and talk.slots["current_question"] == "strukturell_typ"


def test_spreading_knowledge_with_no_one_to_do_it_is_not_recorded_as_a_coordinator(tree: Tree):
    """Trial 34, t34-12: "sprida kunskap om sociala företag", typed for a web page, was recorded as "Finansiera en
    samordnare …", and the result called the web page the guidance's example of a coordinator."""
    question = tree.questions["strukturell_typ"]
    for text in ("sprida kunskap om arbetsintegrerande företag", "informera parterna om ASF på en webbplats"):
        reading = read_answer(question, text)
        assert reading.option is None, text
        assert [c.id for c in reading.candidates] == ["samordnare", "annan_kunskap"], text
    for text in ("en person som sprider kunskap om ASF", "lön till någon som informerar om sociala företag"):
        reading = read_answer(question, text)
        assert reading.option is not None and reading.option.id == "samordnare", text


def test_a_web_page_or_film_that_spreads_knowledge_is_no_coordinator(tree: Tree):
    """Trial 34, t34-12: a web page "som sprider kunskap om sociala företag" was summarised as "Finansiera en
    samordnare …"; spreading knowledge is a coordinator's only when someone is named to do it."""
    for text in (
        "Kommunen vill att förbundet bekostar en hemsida som sprider kunskap om arbetsintegrerande företag.",
        "Vi vill göra en kortfilm som informerar parterna om ASF.",
    ):
        reading = read_description(tree, text)
        assert reading.facts.get("strukturell_typ") is None or reading.facts["strukturell_typ"].option != "samordnare"
    named = read_description(tree, "Förbundet vill anställa någon som sprider kunskap om ASF hos parterna.")
    assert named.facts["strukturell_typ"].option == "samordnare"


def test_a_what_if_about_who_pays_a_salary_does_not_change_where_the_handledare_is_employed():
    """Trial 34, t34-4: "och om förbundet betalar hela handledarens lön året runt …?" after a result changed where
    the handledare is employed to "Hos samordningsförbundet" and gave "Förbundet genomför … själv"."""
    talk = summary_confirmed(
        "Regionen köper handledning av en handledare som är anställd på det sociala företaget och stöttar deltagarna"
        " där. Förbundet betalar via regionen."
    )
    while talk.slots["current_question"]:
        question = talk.slots["current_question"]
        talk.click(question, {"malgrupp": "ja", "vem": "deltagare"}.get(question) or "")
    assert talk.slots["answers"]["handledare_anstalld"] == "hos_foretaget"
    text = said(talk.send(ActionAnswer(), "och om förbundet betalar hela lönen för handledaren, även på sommaren?"))
    assert "Hos samordningsförbundet" not in text
    assert talk.slots["answers"]["handledare_anstalld"] == "hos_foretaget"


def test_a_grant_named_in_an_answer_to_another_question_is_named_beside_the_result():
    """Trial 35, t35-1: "ja. och som sagt, företaget får ett verksamhetsstöd på 50 000 kr utöver platserna" at the
    target-group question was recorded as "Ja", and the result "på villkor" said nothing of the grant. It is
    named beside the result with a button to assess it, and the memo's description shows the answer."""
    talk = summary_confirmed(
        "Regionen vill köpa fyra arbetsträningsplatser på ett kooperativ och förbundet betalar via regionen."
    )
    assert talk.slots["current_question"] == "malgrupp"
    sent = talk.send(ActionAnswer(), "ja, och kooperativet får dessutom ett driftsbidrag på 30 000 kr")
    assert talk.slots["answers"]["malgrupp"] == "ja"
    result = talk.slots["last_result"]
    assert result["verdict"] != "not_financeable"
    assert "driftsbidrag" in said(sent)
    titles = [b["title"] for m in sent for b in m.get("buttons") or []]
    assert any(title.startswith("Bedöm i stället ”kooperativet") for title in titles)
    assert "Skrivet i ett svar: ja, och kooperativet får dessutom ett driftsbidrag" in result["description"]


def test_an_answer_naming_nothing_to_avoid_leaves_the_description_as_it_was():
    talk = Conversation()
    described = "Regionen vill köpa fyra arbetsträningsplatser på ett kooperativ och förbundet betalar via regionen."
    talk.send(ActionDescribeInitiative(), described, intent="describe_initiative")
    talk.send(ActionAnswer(), "ja", intent="affirm")
    talk.send(ActionAnswer(), "ja, alla har kontakt med både vården och Försäkringskassan")
    assert talk.slots["last_result"]["description"] == described


def test_more_description_at_the_first_question_is_added_to_the_first_message():
    """Trial 35, t35-3: a first message that gave no line ("… förbundet betalar 200 000 kr per år …, ingen
    upphandling behövs …"), then more of it typed at "Vem är insatsen till för?", lost the first message: it was
    not read again, and the memo's description began with the second."""
    talk = Conversation()
    first = "vi tänker oss ett samverkansavtal där förbundet står för 150 000 kr om året, utan upphandling"
    talk.send(ActionDescribeInitiative(), first, intent="describe_initiative")
    assert talk.slots["current_question"] == "vem" and not talk.slots["pending_answers"]
    talk.send(ActionAnswer(), "deltagarna ska arbetsträna på kaféet som avtalet gäller")
    assert talk.slots["description"].startswith(first)
    assert talk.slots["description"].endswith("deltagarna ska arbetsträna på kaféet som avtalet gäller")


def test_a_fixed_sum_whatever_the_number_of_participants_is_money_to_the_company(tree: Tree):
    """Trial 35, t35-3: "summan är fortfarande fast 200 000 oavsett hur många deltagare" via kommunen got "kan
    finansieras på villkor"; a price per participant is still a purchase."""
    fixed = read_description(
        tree, "Kommunen betalar 120 000 kr om året till bageriet oavsett hur många deltagare det blir."
    )
    assert fixed.must_nots["stod_till_foretag"].option == "pengar"
    unit = read_description(tree, "Kommunen betalar 4 000 kr per deltagare, oavsett hur många deltagare det blir.")
    assert "stod_till_foretag" not in unit.must_nots


def test_a_share_of_the_price_for_the_company_to_grow_is_money_to_the_company(tree: Tree):
    """Trial 35 (t35-8, t35-9, t35-14): "20 % av priset … för att företaget ska kunna anställa en säljare", "en fast
    månadsersättning … även när de står tomma" and "10 % utvecklingspeng" were recorded beside lawful answers and
    the results were "på villkor"; a share of the price paid in advance is no such thing."""
    for text in (
        "Kommunen köper kursen, och 15 % av priset är vikt för att kooperativet ska kunna anställa en till.",
        "AF köper platserna, och företaget får 8 000 kr i månaden för att hålla dem öppna även när de står tomma.",
        "Regionen köper platser, plus 5 % utvecklingspeng till företaget.",
    ):
        assert read_description(tree, text).must_nots["stod_till_foretag"].option == "pengar", text
    assert not read_description(tree, "Kommunen betalar 20 % av priset i förskott.").must_nots


def test_yes_with_a_seller_named_keeps_who_it_is_for():
    """Trial 35, t35-16: "ja, och processledningen köps av ett socialt företag till vanligt pris" at the summary of a
    policy work made it one for "Ett företag" and removed two right lines."""
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Kommunen och regionen tar fram en gemensam policy för arbetet med sociala företag, förbundet betalar"
        " processledningen.",
        intent="describe_initiative",
    )
    assert talk.slots["pending_answers"]["vem"] == "parter_och_aktorer"
    talk.send(
        ActionAnswer(), "ja, och processledningen hyrs in från ett socialt företag till vanligt pris", intent="affirm"
    )
    assert talk.slots["answers"]["vem"] == "parter_och_aktorer"
    assert talk.slots["last_result"]["verdict"] == "financeable"


@pytest.mark.parametrize(
    "addition",
    [
        "ja, och samordnaren för projektet blir vår förbundschef",
        "Ja och den som leder processen är en av våra processledare",
    ],
)
def test_yes_and_an_addition_never_changes_a_line_just_confirmed(addition: str):
    """Found typing to the running assistant after trial 37: "ja, och processledaren för arbetet blir vår
    förbundschef" at the summary of policy work changed the line to financing a coordinator."""
    talk = Conversation()
    text = "Förbundet vill vara med när regionen och kommunen tar fram ett policybeslut om sociala företag."
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert talk.slots["pending_answers"]["strukturell_typ"] == "policy"
    talk.send(ActionAnswer(), addition, intent="affirm")
    kept = talk.slots["pending_answers"] or talk.slots["answers"]
    assert kept["strukturell_typ"] == "policy"


def test_yes_and_another_thing_done_is_confirmed_and_the_other_thing_named_not_dropped():
    """Trial 38 (t38-1): "ja, och deltagarna får också en handledare från af på plats" after a summary of work
    training got "Jag kunde inte läsa ut något nytt"; then, confirmed, it added a line of another route."""
    talk = Conversation()
    text = "Regionen köper praktikplatser på kooperativet Lyktan och förbundet betalar via regionen."
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    summary = dict(talk.slots["pending_answers"])
    assert summary["insats_typ"] == "arbetsforberedande"
    sent = talk.send(ActionAnswer(), "ja och de ska även ha en handledare från regionen där", intent="affirm")
    assert talk.slots["answers"] == summary, said(sent)
    assert "handledare från regionen där”" in said(sent)
    assert "En handledare som stöttar dem" in said(sent)


def test_yes_and_a_fee_to_the_hosts_of_a_visit_keeps_the_visit():
    """Trial 38 (t38-7): "ja, och varje företag får 5 000 kr i ersättning för att ta emot oss en halv dag" made a study
    visit for the parties' staff one for "Ett företag" and removed the visit's line."""
    talk = Conversation()
    text = "Studiebesök på två sociala företag för socialsekreterare och handläggare från parterna."
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    summary = dict(talk.slots["pending_answers"])
    assert summary["vem"] == "parter_och_aktorer"
    addition = "ja och båda företagen får 3 000 kr var för att visa oss runt en eftermiddag"
    sent = talk.send(ActionAnswer(), addition, intent="affirm")
    assert talk.slots["answers"] == summary, said(sent)
    assert "passar ett annat svar" not in said(sent)


def test_a_share_of_the_price_or_empty_places_with_no_company_reason_is_no_grant(tree: Tree):
    """Review of session 26: a share of the price "så att insatsen kan växa" or "för att kommunen ska kunna anställa
    en handledare", and places that earn nothing when empty, were read as money to the company."""
    for text in (
        "Regionen köper arbetsträningsplatser åt deltagare. Förbundet står för 30 procent av priset via regionen så"
        " att samarbetet kan växa.",
        "Regionen köper platser, förbundet betalar 60 procent av priset via regionen för att regionen ska kunna"
        " anställa en handledare.",
        "Regionen köper platser för 400 kr per dag. När de står tomma får kooperativet ingen ersättning.",
    ):
        assert "stod_till_foretag" not in read_description(tree, text).must_nots, text


def test_a_request_to_explain_at_an_open_question_is_explained_not_recorded():
    """Review of session 26: "jag förstår inte vad målgruppen är" at "Hör deltagarna till Finsams målgrupp?" was
    recorded as "Nej" and gave "bör inte"; and "för att undvika missförstånd" is no correction."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "/start_assessment", intent="start_assessment")
    talk.click("vem", "deltagare")
    talk.send(
        ActionExplainConcept(), "jag förstår inte vad målgruppen är", intent="explain_concept", concept="malgrupp"
    )
    assert "malgrupp" not in talk.slots["answers"] and talk.slots["current_question"] == "malgrupp"
    talk.click("malgrupp", "ja")
    talk.send(
        ActionAnswer(), "Arbetsträning. För att undvika missförstånd: den är till för deltagarna, inte för företaget."
    )
    assert talk.slots["answers"]["insats_typ"] == "arbetsforberedande" and talk.slots["answers"]["vem"] == "deltagare"


def test_yes_but_it_is_the_company_that_gets_it_still_changes_who_it_is_for():
    """Review of session 26: the guard for a company named as the seller kept "Deltagare" after "ja men det är
    företaget som ska få stödet"."""
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "Förbundet vill ge stöd till deltagare som arbetstränar på ett kafé.")
    assert (talk.slots["pending_answers"] or {}).get("vem") == "deltagare"
    talk.send(ActionAnswer(), "ja men det är företaget som ska få stödet", intent="affirm")
    assert (talk.slots["pending_answers"] or {}).get("vem") == "foretaget" or talk.slots["answers"].get(
        "vem"
    ) == "foretaget"


def test_an_organisation_getting_a_sum_is_not_recorded_as_the_förbunds_own_costs(tree: Tree):
    """Trial 36, t36-3: "stiftelsen får 250 000 kr per år …, så ett vanligt köp skulle jag säga" at "Vem får
    förbundets pengar?" was recorded as the förbund's own costs, and the result said so, with no condition."""
    question = tree.questions["mottagare"]
    reading = read_answer(
        question, "föreningen får 180 000 kronor om året för att vara med i nätverket, ett vanligt köp"
    )
    assert reading.option is None and [c.id for c in reading.candidates] == ["egen_verksamhet", "ett_foretag"]
    plain = read_answer(question, "lokalhyra och föreläsare, ett vanligt köp")
    assert plain.option is not None and plain.option.id == "egen_verksamhet"


def test_relatives_of_participants_are_not_the_participants(tree: Tree):
    """Development set 8: a course for "anhöriga till deltagarna" was summarised as one for the participants."""
    for text in (
        "Vi vill bjuda in närstående till deltagarna på kooperativet till en kväll om hur sociala företag fungerar.",
        "En träff om arbetsträning för föräldrar till unga deltagare.",
    ):
        fact = read_description(tree, text).facts.get("vem")
        assert fact is None or fact.option != "deltagare", (text, fact)
    # The participants themselves still are.
    text = "Vi vill att deltagare som står långt från arbetsmarknaden får arbetsträna på kooperativet."
    assert read_description(tree, text).facts["vem"].option == "deltagare"


def test_a_membership_fee_paid_for_companies_is_the_companys_fee(tree: Tree):
    """Development set 8: "betala medlemsavgiften åt de tre sociala företagen i kommunen" was read as a party
    becoming a member (from "kommunen … medlem")."""
    text = "Vi vill betala medlemsavgiften åt två sociala företag i kommunen i en intresseförening; vi går inte med."
    fact = read_description(tree, text).facts.get("medlem_vem")
    assert fact is not None and fact.option == "foretaget", fact


def test_pay_for_a_social_enterprises_manager_is_read_as_that(tree: Tree):
    """Development set 8: the salary of the company's "verksamhetsledare" was read as its staff without what they
    get (and asked)."""
    for text in (
        "Förbundet betalar en tredjedel av lönen för föreståndaren på det sociala kaféet.",
        "Vi vill stå för halva lönen för verksamhetsledaren på kooperativet Spiran.",
    ):
        facts = read_description(tree, text).facts
        assert facts["vem"].option == "asf_personal", (text, facts)
        assert facts["asf_personal_stod"].option == "ersattning", (text, facts)


def test_typed_answers_naming_ame_or_a_service_for_a_party(tree: Tree):
    """Development set 8: "på AME" (the kommun's labour market unit) was asked back."""
    employer = read_answer(tree.questions["handledare_anstalld"], "anställd på AME").option
    assert employer is not None and employer.id == "hos_part"
    # "en tjänst åt kommunen" is the party's own (second review: a keyword "en tjänst åt" read it as a company's).
    receiver = read_answer(tree.questions["mottagare"], "en tjänst åt kommunen").option
    assert receiver is None or receiver.id != "ett_foretag"


def test_an_accounting_firm_paid_for_a_company_is_a_service_for_it(tree: Tree):
    """Development set 8 (md8084): "förbundet betalar en redovisningsbyrå åt <företaget>" read as nothing, so only the
    places the kommun already buys were assessed; now it is a service for the company, set aside beside them."""
    reading = read_description(
        tree, "Får vi betala en bokföringsbyrå åt Snickeriet Spånet, som är ett socialt företag?"
    )
    assert reading.facts["stod_till_foretag"].option == "tjanst_at_foretaget"
    text = (
        "Deltagarna arbetstränar redan på Tvätteriet Vågen och regionen köper platserna. Nu vill vi också att förbundet"
        " betalar en revisionsbyrå åt Vågen."
    )
    assert "stod_till_foretag" in read_description(tree, text).must_nots


def test_a_supervisor_where_participants_work_train_is_a_supervisor(tree: Tree):
    """Trial 41 (t41-2): "en handledare på … för deltagare som arbetstränar där. Handledaren är anställd av
    föreningen" summarised only who it was for: work training and the handledare were read as two answers, and the
    employer "föreningen" was no company."""
    text = (
        "Förbundet vill bekosta en handledare på Kafé Solrosen ekonomisk förening för deltagare som arbetstränar där."
        " Handledaren är anställd hos föreningen."
    )
    facts = read_description(tree, text).facts
    assert facts["insats_typ"].option == "handledare"
    assert facts["handledare_anstalld"].option == "hos_foretaget"
    # Places and a handledare bought together are still two answers, asked; so are places for participants who
    # work-train where a handledare named after them, or in another sentence, works (second review of session 30).
    for text in (
        "Regionen köper arbetsträningsplatser och en handledare på kaféet åt deltagarna.",
        "Regionen vill köpa fler platser för deltagare som arbetstränar på Returhuset, då handledaren där har tid.",
        "Kommunen köper fler platser för deltagare som arbetstränar på kaféet. Handledaren där har plats för tre till.",
    ):
        fact = read_description(tree, text).facts.get("insats_typ")
        assert fact is None or fact.option != "handledare", text


def test_what_was_done_before_is_background_to_what_is_asked_now(tree: Tree):
    """Trial 41 (t41-5): seminars held last year were summarised as the initiative, and starting a company, which the
    förbund was asked to pay for now, was offered only as another initiative."""
    text = (
        "Bakgrund: i fjol ordnade förbundet en studiedag om sociala företag för handläggare hos parterna. Nu föreslår"
        " kansliet att förbundet anställer en projektledare som ska starta ett nytt socialt företag i kommunen."
    )
    facts = read_description(tree, text).facts
    assert facts["vem"].option == "foretaget"
    assert facts["stod_till_foretag"].option == "starta_utveckla"
    # A plan ("hade tänkt") or a reason ("tidigare") is no background: the study day is not dropped for the company
    # (second review of session 30).
    for text in (
        "Vi hade tänkt ordna en studiedag om sociala företag för handläggare hos parterna. Kansliet föreslår också att"
        " förbundet anställer en projektledare som ska starta ett nytt socialt företag.",
        "Förbundet ordnar en studiedag om sociala företag för handläggare hos parterna. Sedan vill förbundet anställa"
        " en projektledare som ska starta ett nytt socialt företag.",
    ):
        assert read_description(tree, text).facts["vem"].option == "parter_och_aktorer", text


def test_a_study_association_is_not_the_förbund_and_an_undecided_target_group_is_not_known(tree: Tree):
    """Trial 41: "regionen kan köpa den av studieförbundet" asked whether the förbund buys it (t41-7), and "målgruppen
    har vi inte bestämt ännu" was asked back though "Vet inte än" is an answer (t41-9)."""
    party = read_answer(tree.questions["utforare"], "kommunen köper kursen av ett studieförbund").option
    assert party is not None and party.id == "kommunen"
    undecided = read_answer(tree.questions["malgrupp"], "det har vi inte avgjort än").option
    assert undecided is not None and undecided.id == "vet_inte"


def test_paying_to_a_party_is_the_route_through_that_party(tree: Tree):
    """Trial 41 (t41-6): "vi betalar till AF" was not read as how the money goes, in a description after a dash
    that followed a negation, or as a typed answer naming only the party; it was asked again."""
    for text in (
        "Regionen köper praktikplatser på tvätteriet åt patienter. Kooperativet får inget från oss – förbundet betalar"
        " till regionen.",
        "Vi för över förbundets del till Försäkringskassan, som köper arbetsträning på ett socialt företag åt"
        " sjukskrivna.",
    ):
        fact = read_description(tree, text).facts.get("pengavag")
        assert fact is not None and fact.option == "via_part", (text, fact)
    # A dash inside a word or a range parts nothing; before the dash the negation still holds.
    words = swedish.tokens("inga pengar till firman — kommunen betalar, second hand-butiken 2025–2026")
    assert [t.word for t in words if t.negated] == ["pengar", "till", "firman"]
    typed = read_answer(tree.questions["pengavag"], "förbundets pengar till Försäkringskassan").option
    assert typed is not None and typed.id == "via_part"
    straight = read_answer(tree.questions["pengavag"], "rakt till kooperativet").option
    assert straight is not None and straight.id == "direkt"


def test_a_company_given_a_commission_is_a_supplier_not_supported(tree: Tree):
    """Development set 7 (md7080): a caterer "given the task" of the lunch at the förbund's conference was read as an
    initiative for the company, which leads to the company-support questions; by the words and by the learned
    reader alike."""
    text = "Kan vi ge kooperativet Gläntan i uppdrag att trycka våra broschyrer om förbundet?"
    for models in (learned.WORDS_ONLY, None):  # the words themselves, not only the learned reader's veto
        fact = read_description(tree, text, models).facts.get("vem")
        assert fact is None or fact.option != "foretaget", fact
    # Giving the company something is still support for it.
    assert read_description(tree, "Vi vill ge Bageriet Kornet ett startbidrag.").facts["vem"].option == "foretaget"


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # Parties set against each other are no joint answer (development set 9, mt9142, mt9146).
        ("utforare", "kanske Försäkringskassan men det kan bli kommunen"),
        # Two employers, each after a place word, are two answers (mt9130).
        ("handledare_anstalld", "halva tiden på regionen och halva på kooperativet"),
        # Not knowing is not "nobody appointed yet" (mt9145).
        ("utforare", "vet inte"),
    ],
)
def test_a_typed_answer_naming_two_things_or_none_is_asked_not_recorded(tree: Tree, question: str, text: str):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is None, (text, reading.option)


def test_development_set_9_a_membership_fee_for_several_companies_is_theirs(tree: Tree):
    """Development set 9 (md9057): a fee paid for several companies was read as the förbund's own membership."""
    fee = read_description(
        tree, "Kan vi stå för medlemsavgiften i Coompanion för de två kooperativen vi har avtal med?"
    )
    assert fee.facts["medlem_vem"].option == "foretaget"


def test_second_review_of_session_31(tree: Tree):
    """Regressions the review of this round found, each read as before the round."""

    def read(text: str) -> dict[str, str]:
        return {q: f.option for q, f in read_description(tree, text).facts.items()}

    # Not straight into work describes the target group; it does not put the participants outside it.
    said = read(
        "Deltagarna står långt från arbetsmarknaden och ska inte ut i arbete direkt, utan först arbetsträna på"
        " kaféet som kommunen köper."
    )
    assert said.get("malgrupp") != "nej" and said.get("utforare") == "kommunen", said
    # A hyphen shared by a compound ("start- eller driftsbidrag") and a pair of dashes around an aside part no clause.
    words = swedish.tokens("inga lokal- eller lönebidrag till ASF:et")
    assert "lonebidrag" in [t.word for t in words if t.negated]
    words = swedish.tokens("ska inte – som vi förstått det – ge bidrag")
    assert {t.segment for t in words} == {0}
    # "men även/också" adds a party; "för" before those meant is no place word.
    joint = read_answer(tree.questions["utforare"], "kommunen men även regionen").option
    assert joint is not None and joint.id == "flera_parter"
    meant = read_answer(tree.questions["vem"], "för deltagarna på kaféet").option
    assert meant is not None and meant.id == "deltagare"
    # Who pays a fee leaves the förbund joining as a member.
    member = read_answer(tree.questions["medlem_vem"], "förbundet betalar avgiften och går med själv").option
    assert member is not None and member.id == "forbundet"


def test_the_learned_reader_proposes_the_route_through_a_party_only_where_money_and_a_party_meet(tree: Tree):
    """Development set 9 (md9005): the party that procures, named in one sentence, and the förbund paying, in
    another, were read as "Via den part som ansvarar", quoting the words about who buys the places."""
    text = (
        "Det är Försäkringskassan som köper platserna, inte kommunen. De har redan avtal med Tryckeriet Linnea."
        " Förbundet ska finansiera åtta platser där i höst för deltagare i vårt projekt."
    )
    reading = read_description(tree, text)
    assert reading.facts["utforare"].option == "forsakringskassan"
    assert "pengavag" not in reading.facts
    # Said in one sentence, the route is read as before.
    text = "Försäkringskassan köper platserna på Tryckeriet Linnea och förbundet finansierar dem genom FK."
    assert read_description(tree, text).facts["pengavag"].option == "via_part"


def test_who_pays_a_membership_fee_does_not_say_whose_membership_it_is(tree: Tree):
    """Development sets 8 and 9 (mt8065, mt9064): "kaféet själv, vi tar avgiften" was asked back, the "vi" read as the
    förbund becoming a member; every answer to the question has the förbund pay the fee."""
    for text in (
        "kooperativet självt, förbundet betalar avgiften",
        "Linnea AB går med i nätverket och vi står för det",
    ):
        reading = read_answer(tree.questions["medlem_vem"], text)
        assert reading.option is not None and reading.option.id == "foretaget", (text, reading)
    party = read_answer(tree.questions["medlem_vem"], "regionen, och vi tar kostnaden").option
    assert party is not None and party.id == "en_part"
    # The förbund as the member is still read.
    own = read_answer(tree.questions["medlem_vem"], "vi själva går med").option
    assert own is not None and own.id == "forbundet"


def test_money_a_party_pays_the_company_is_the_lawful_route_not_a_part_to_avoid(tree: Tree):
    """Trial 42 (t42-2): "Förbundet överför medel till Arbetsförmedlingen, som i sin tur ersätter föreningen för
    handledarens lönekostnad" set the company's wage cost aside as "Lön, bidrag …", assessed as a cash grant."""
    text = (
        "Förbundet för över medlen till Försäkringskassan, som i sin tur ersätter kooperativet för arbetsledarens lön."
    )
    reading = read_description(tree, text)
    assert reading.facts["pengavag"].option == "via_part"
    assert not reading.must_nots and not reading.set_aside, (reading.must_nots, reading.set_aside)
    # A grant the förbund gives the company beside the party's purchase is still a part to avoid.
    text = "Regionen köper platserna, och förbundet ger kooperativet ett bidrag till lönerna."
    assert "stod_till_foretag" in read_description(tree, text).must_nots


def test_trial_42_first_summaries(tree: Tree):
    """Trial 42: rent and things the company keeps were summarised only as "for a company" (t42-4); a project leader
    "(anställd på kommunen)" who is to start the company was read as the company's staff (t42-5)."""

    def read(text: str) -> dict[str, str]:
        return {q: f.option for q, f in read_description(tree, text).facts.items()}

    things = read(
        "Förbundet står för hyran för en lokal åt kooperativet i ett år och köper in två symaskiner som"
        " kooperativet får behålla."
    )
    assert things.get("stod_till_foretag") == "in_natura", things
    start = read("Vi vill bekosta en processledare, anställd hos regionen, som ska starta det sociala företaget.")
    assert start.get("stod_till_foretag") == "starta_utveckla" and start.get("vem") != "asf_personal", start
    staff = read("En kväll om sociala företag för anställda på kommunen.")
    assert staff.get("vem") != "asf_personal", staff
    # A company's staff are still theirs.
    assert read("En kurs i ekonomi för de anställda på kooperativet.").get("vem") == "asf_personal"


def test_third_review_of_session_31(tree: Tree):
    """What the second review of this round found, read as before the round."""

    def read(text: str) -> dict[str, str]:
        return {q: f.option for q, f in read_description(tree, text).facts.items()}

    # Money a company keeps, or premises for a project, are no support in kind.
    kept = read_description(tree, "Regionen ersätter kaféet för handledningen, pengar som kaféet får behålla.")
    assert "stod_till_foretag" not in kept.must_nots
    assert (
        read("Förbundet står för hyran för en lokal åt projektet där deltagarna ses.").get("stod_till_foretag") is None
    )
    # A year range beside a lone dash, and a dash with a space after it only, still part the clauses.
    for text in (
        "Insatsen löper 2025 – 2027 och kooperativet får inget bidrag – vi betalar till regionen som köper platserna.",
        "inga pengar till företaget- vi betalar till regionen som köper platserna",
    ):
        assert read(text).get("pengavag") == "via_part", text
    # Handledare starting the work training start no company; "också" later in the clause sets parties against each.
    assert (
        "stod_till_foretag"
        not in read_description(
            tree, "Handledarna som ska starta arbetsträningen på kooperativet får en kurs som förbundet betalar."
        ).must_nots
    )
    contrasted = read_answer(tree.questions["utforare"], "AF betalar men regionen ansvarar också för uppföljningen")
    assert contrasted.option is None


@pytest.mark.parametrize(
    "text",
    [
        "Förbundet vill bekosta en kurs för handledarna på kooperativet i motiverande samtal.",
        "Vi funderar på att betala en utbildning för de nya handledarna på kaféet, så att de stöttar deltagarna.",
    ],
)
def test_a_course_for_the_handledare_at_a_company_gives_the_participants_no_handledare(tree: Tree, text: str):
    """Trial 42: "kurs för handledarna på kaféet" was summarised as a handledare for the participants. The
    handledare are the ones who learn: staff of the company, whose competence development the guidance avoids."""
    reading = read_description(tree, text, learned.WORDS_ONLY)
    assert reading.facts.get("insats_typ") is None or reading.facts["insats_typ"].option != "handledare"
    staff = reading.facts.get("vem")
    assert reading.must_nots.get("asf_personal_stod") is not None or (
        staff is not None and staff.option == "asf_personal"
    )


@pytest.mark.parametrize(
    "text",
    ["några av dem har lönebidrag och behöver stöttning i jobbet", "de är anställda på lönebidrag och behöver stöd"],
)
def test_a_wage_subsidy_the_staff_have_says_who_they_are(tree: Tree, text: str):
    """Development sets 6-9: "de har lönebidrag och behöver stöd …" was asked between "själva deltagare" and
    "ersättning"; a subsidy they already have is no pay from the förbund. A wage subsidy to be paid still is."""
    question = tree.questions["asf_personal_stod"]
    option = read_answer(question, text).option
    assert option is not None and option.id == "sjalva_deltagare"
    paid = read_answer(question, "förbundet skulle betala lönebidrag till dem").option
    assert paid is not None and paid.id == "ersattning"


def test_education_for_a_companys_staff_is_not_education_for_them_as_participants(tree: Tree):
    """Development sets 8 and 9: "en utbildning om sociala företag för de anställda på …" was summarised as the
    staff getting education as participants; what the staff get is asked unless they are said to be participants."""
    staff = read_description(tree, "Vi vill bekosta en kurs om sociala företag för de anställda på Returverket.")
    assert "insats_typ" not in staff.facts
    participants = read_description(
        tree, "De anställda på kooperativet är själva deltagare och ska få en kurs om sociala företag."
    )
    assert participants.facts["insats_typ"].option == "utbildning_om_asf"


def test_a_guess_between_two_parties_is_not_a_joint_answer(tree: Tree):
    """Development set 10: "kanske AF, kanske kommunen" was recorded as "Flera parter tillsammans"."""
    reading = read_answer(tree.questions["utforare"], "kanske FK, kanske regionen")
    assert reading.option is None and {o.id for o in reading.candidates} >= {"forsakringskassan", "regionen"}


def test_an_ordinary_price_is_no_prize(tree: Tree):
    """Development set 10: "till ordinarie pris" was recorded as money to one company (the keyword "pris", a prize)."""
    option = read_answer(tree.questions["mottagare"], "vi köper lunch av dem till ordinarie pris").option
    assert option is not None and option.id == "egen_verksamhet"


def test_rent_and_advice_for_a_company_are_two_answers(tree: Tree):
    """Development set 10: "de får hyran betald och lite rådgivning" was recorded as the advice alone."""
    reading = read_answer(tree.questions["stod_till_foretag"], "vi betalar hyran och lite rådgivning")
    assert reading.option is None and {o.id for o in reading.candidates} >= {"in_natura", "tjanst_at_foretaget"}


def test_a_coordinator_the_forbund_employs_is_no_handledare(tree: Tree):
    """Trial 43 (t43-4): "förbundet anställer en samordnare som ska sprida kunskap …" was set aside as "a handledare
    employed by the förbund", beside the guidance's own example of a coordinator. Where a handledare is employed is
    read only from a text that names one."""
    coordinator = read_description(
        tree, "Regionen och AF vill att förbundet anställer en processledare på halvtid som sprider kunskap om ASF."
    )
    assert "handledare_anstalld" not in coordinator.facts and "handledare_anstalld" not in coordinator.must_nots
    supervisor = read_description(tree, "Förbundet vill anställa en handledare som stöttar deltagarna på kooperativet.")
    assert supervisor.must_nots["handledare_anstalld"].option == "hos_forbundet"


def test_two_parties_that_together_run_it_in_a_cleft_sentence_are_a_joint_answer(tree: Tree):
    """Trial 43 (t43-3): "det är regionen och kommunen tillsammans som håller i det", written after "Nej", read as
    nothing new; the parties with "tillsammans som" are several parties together."""
    reading = read_description(tree, "det är AF och regionen tillsammans som ansvarar för det")
    assert reading.facts["utforare"].option == "flera_parter"


@pytest.mark.parametrize(
    ("text", "joint"),
    [
        ("Kommunen och AF tillsammans, kanske även regionen", True),
        ("nog regionen och kommunen tillsammans, kanske med stöd av FK", True),
        ("kanske AF, kanske kommunen", False),
    ],
)
def test_kanske_adding_a_party_keeps_the_joint_answer(tree: Tree, text: str, joint: bool):
    """Review of session 32: "kanske även regionen" adds a party; only a guess between parties is asked."""
    option = read_answer(tree.questions["utforare"], text).option
    assert (option is not None and option.id == "flera_parter") is joint


def test_a_denied_handledare_does_not_open_where_one_is_employed(tree: Tree):
    """Review of session 32: "Det behövs ingen handledare. Förbundet anställer en samordnare …" still read the
    coordinator as a handledare employed by the förbund."""
    reading = read_description(tree, "Vi behöver ingen handledare. Förbundet anställer en samordnare för ASF-frågor.")
    assert "handledare_anstalld" not in reading.must_nots and "handledare_anstalld" not in reading.facts


def test_rent_the_company_pays_itself_is_no_support_in_kind(tree: Tree):
    reading = read_answer(tree.questions["stod_till_foretag"], "Företaget betalar hyran själv, vi ger bara råd.")
    assert reading.option is None or reading.option.id != "in_natura"


def test_staff_working_as_handledare_at_the_asf_are_its_staff(tree: Tree):
    """Development set 9 (mt9011): "inte deltagarna utan de som jobbar som handledare på asf:et" was recorded as
    the company; a party's handledare is not the company's staff."""
    question = tree.questions["vem"]
    staff = read_answer(question, "nej, inte deltagarna, utan dom som jobbar som handledare på ASF:et").option
    assert staff is not None and staff.id == "asf_personal"
    for text in (
        "de som jobbar som handledare på kommunen",
        "de som är handledare på företaget men anställda av kommunen",
    ):
        at_a_party = read_answer(question, text).option
        assert at_a_party is None or at_a_party.id != "asf_personal", text


def test_no_party_has_taken_it_on_yet_is_no_party_appointed(tree: Tree):
    """Development set 11: "ingen myndighet har nappat än" was read as the förbund paying with no party at all,
    which leads to "bör inte finansieras"; not yet is "Ingen är utsedd än"."""
    reading = read_description(tree, "Arbetsträning på kooperativet för våra deltagare, men ingen part har nappat än.")
    assert reading.facts["utforare"].option == "ingen_an"
    assert "utforare" not in reading.set_aside


def test_who_gets_paid_not_known_yet_with_inverted_word_order(tree: Tree):
    """Development set 11: "vem som ska … få betalt vet vi inte än" was read as the förbund's own activity."""
    reading = read_description(
        tree,
        "Vi vill ta fram en film om vad sociala företag kan betyda för personer långt från arbetsmarknaden. Vem som "
        "ska göra den och få betalt vet vi inte ännu.",
    )
    assert reading.facts["strukturell_typ"].option == "mojligheter"
    assert "mottagare" not in reading.facts or reading.facts["mottagare"].option == "vet_inte"
    typed = read_answer(tree.questions["mottagare"], "det vet jag inte än").option
    assert typed is not None and typed.id == "vet_inte"


def test_a_question_back_records_no_answer(tree: Tree):
    """Development set 11: "spelar det nån roll?" to how the money goes was recorded as "Vet inte än"."""
    question = tree.questions["pengavag"]
    for text in (
        "måste vi veta det nu?",
        "spelar det någon roll om pengarna går direkt?",
        "måste det gå via regionen?",
        "vad menar du, vad är skillnaden?",
    ):
        assert read_answer(question, text).option is None, text
    answered = read_answer(tree.questions["utforare"], "regionen?").option
    assert answered is not None and answered.id == "regionen"


def test_a_party_that_invoices_the_forbund_and_then_pays_the_company_is_the_route_via_it(tree: Tree):
    """Development set 11: "vi fakturerar förbundet och betalar sen företaget" was recorded as paid directly."""
    reading = read_answer(tree.questions["pengavag"], "kommunen fakturerar förbundet och betalar sedan företaget")
    assert reading.option is None or reading.option.id == "via_part"
    assert reading.option is not None or "via_part" in {o.id for o in reading.candidates}


def test_a_fee_paid_for_a_party_or_the_forbunds_own_membership_beside_a_companys_is_not_the_companys(tree: Tree):
    """Development sets 10 and 11: "åt dem" after a party that wants to join is the party's fee (md10078 became the
    company's); the förbund joining beside a company that wants to is asked."""
    party = read_description(tree, "Regionen vill bli medlem i ett nätverk för ASF. Kan förbundet ta avgiften åt dem?")
    assert party.facts.get("medlem_vem") is None or party.facts["medlem_vem"].option == "en_part"
    own = read_description(tree, "Förbundet vill gå med i Skoopi, och kooperativet vill bli medlem också.")
    assert own.facts.get("medlem_vem") is None or own.facts["medlem_vem"].option != "foretaget"


def test_a_doubt_reaches_through_whether_to_the_target_group(tree: Tree):
    """Development set 10 (md10014): "Vi vet inte än vilka som blir aktuella eller om de har behov av samordnade
    insatser" was summarised as the participants being in the target group."""
    doubted = read_description(
        tree,
        "AF vill köpa arbetsträning på kooperativet. Vi vet ännu inte vilka personer det gäller eller om de har "
        "behov av samordnade insatser.",
    )
    assert "malgrupp" not in doubted.facts or doubted.facts["malgrupp"].option != "ja"
    # Review of session 33: an "om" that is "about" or "if", far from the doubt, does not carry it.
    for text in (
        "Vi vet inte än exakt när kursen startar eftersom vi väntar på besked från kommunen om deltagarna med behov av "
        "samordnade insatser kan börja i mars. Kommunen köper arbetsträning på kooperativet.",
        "Vi vet inte vilket kooperativ det blir och deltagarna har behov av samordnade insatser.",
    ):
        assert read_description(tree, text).facts["malgrupp"].option == "ja", text


def test_paying_a_companys_website_beside_places_is_a_part_set_aside(tree: Tree):
    """Trial 44 (t44-9): places bought by the region and the förbund paying "deras nya hemsida och marknadsföring"
    were summarised as the places alone, the website dropped without a word; the förbund's own new website, or
    participants building one as work training, is no service to a company."""
    mixed = read_description(
        tree,
        "AF köper fyra praktikplatser på Returverket via AF. Dessutom vill Returverket att förbundet betalar deras "
        "nya hemsida.",
    )
    assert mixed.set_aside["stod_till_foretag"].option == "tjanst_at_foretaget"
    for text in (
        "Förbundet vill ta fram en ny hemsida om sociala företag för parternas handläggare.",
        "Deltagarna på kaféet ska arbetsträna med att bygga deras hemsida, via kommunen.",
    ):
        reading = read_description(tree, text)
        assert "stod_till_foretag" not in reading.set_aside and "stod_till_foretag" not in reading.facts, text


def test_we_pay_the_invoice_does_not_say_whether_we_are_the_forbund(tree: Tree):
    """Trial 45 (t45-1): at "Hur ska förbundets pengar gå?" a user at AF typed "vi betalar fakturan", recorded as money
    straight from the förbund to the company ("bör inte finansieras"); "vi" may be the party: asked."""
    question = tree.questions["pengavag"]
    reading = read_answer(question, "det är vi som betalar deras faktura")
    assert reading.option is None and {o.id for o in reading.candidates} == {"via_part", "direkt"}
    straight = read_answer(question, "förbundet betalar fakturan direkt till kooperativet").option
    assert straight is not None and straight.id == "direkt"


def test_a_party_speaking_of_itself_as_buyer_is_who_procures(tree: Tree):
    """Trial 45 (t45-1): "Vi på AF funderar på att köpa arbetsträningsplatser …" was asked who procures again."""
    reading = read_description(
        tree, "Vi på regionen har tänkt att köpa praktikplatser på ett ASF åt patienter som står långt från jobb."
    )
    assert reading.facts["utforare"].option == "regionen"


def test_a_course_for_the_parties_case_workers_is_a_knowledge_initiative(tree: Tree):
    """Trial 45 (t45-4): a board memo proposing a course about social enterprises for the parties' case workers was
    asked "Vad ska kunskaps- eller samverkansinsatsen göra?" with nothing proposed; it is another knowledge initiative
    (or a seminar), not a course for a company's staff."""
    memo = read_description(
        tree,
        "Förslag till beslut: en utbildning i tre halvdagar om arbetsintegrerande sociala företag. Målgruppen för "
        "utbildningen är parternas egen personal. Kansliet upphandlar en föreläsare.",
    )
    sides = {f.option for f in memo.conflicts.get("strukturell_typ", ())}
    assert (memo.facts.get("strukturell_typ") and memo.facts["strukturell_typ"].option == "annan_kunskap") or (
        "annan_kunskap" in sides
    )
    typed = read_answer(tree.questions["strukturell_typ"], "en kurs för handläggare om ASF").option
    assert typed is not None and typed.id == "annan_kunskap"
    staff = read_description(tree, "En utbildning för handledarna på kooperativet i ekonomi.")
    assert staff.facts["asf_personal_stod"].option == "kompetensutveckling"


def test_a_handledare_employed_by_fk_is_a_partys(tree: Tree):
    """Trial 46 (t46-2): "Handledaren är anställd av FK." was not read; the other parties' forms were."""
    reading = read_description(
        tree, "Vi vill bekosta en handledare åt deltagarna på kooperativet. Hen är anställd hos Försäkringskassan."
    )
    assert reading.facts["handledare_anstalld"].option == "hos_part"


def test_a_grant_for_the_participants_journeys_is_no_grant_to_a_company(tree: Tree):
    """Session 33 (noticed in trial 44's checks): "… vi vill ge dem 300 kr i bidrag till resor" beside work training
    via AF set a cash grant to a company aside as a part to avoid; the bare "bidrag till" named no company."""
    reading = read_description(
        tree, "Deltagarna praktiserar på Returverket via kommunen, och vi vill ge dem ett litet bidrag till bussresor."
    )
    assert "stod_till_foretag" not in reading.set_aside and "stod_till_foretag" not in reading.facts
    grant = read_description(tree, "Kan förbundet ge ett bidrag till Syateljén?")
    assert grant.facts["stod_till_foretag"].option == "pengar"


def typed_to_the_company_question() -> Conversation:
    """Who it is for clicked as the company; what the förbund does typed, with who buys and how the money goes."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "foretaget")
    talk.send(ActionAnswer(), "regionen handlar upp praktikplatser hos dem och vi betalar regionen", intent="inform")
    return talk


def test_an_answer_that_also_says_later_answers_names_them_when_they_are_asked():
    """Trial 46 (t46-4): "kommunen köper platser av företaget och förbundet betalar kommunen", typed to say what the
    förbund does, was followed by "Vilken part ansvarar …?" and "Hur ska förbundets pengar gå?" as if unsaid. The
    words are named and their answer put first at each question; nothing is recorded until the user chooses."""
    talk = typed_to_the_company_question()
    assert talk.slots["answers"] == {"vem": "foretaget", "stod_till_foretag": "kopa_tjanster"}
    clicked_to_the_result(talk, ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande"))
    assert talk.slots["current_question"] == "utforare" and "utforare" not in talk.slots["answers"]
    asked = talk.send(ActionAnswer(), "/inform", question="malgrupp", choice="ja")  # the earlier button: no change
    assert talk.slots["current_question"] == "utforare"
    shown = [m for m in asked if m.get("buttons")][-1]
    assert "Du skrev ”" in shown["text"] and "Det låter som ”Regionen”" in shown["text"]
    assert shown["buttons"][0]["title"] == "Regionen"
    talk.click("utforare", "regionen")
    assert talk.slots["current_question"] == "pengavag" and "pengavag" not in talk.slots["answers"]


def test_a_typed_yes_to_a_named_answer_records_it():
    """A typed "ja" to "Du skrev … Det låter som ”Regionen”" is that answer, said as a typed answer is; where the
    question itself has a "Ja" (the target group), a "ja" stays that answer."""
    talk = typed_to_the_company_question()
    assert talk.slots["current_question"] == "malgrupp"
    talk.send(ActionAnswer(), "ja", intent="affirm")
    assert talk.slots["answers"]["malgrupp"] == "ja"
    talk.click("insats_typ", "arbetsforberedande")
    sent = talk.send(ActionAnswer(), "ja", intent="affirm")
    assert talk.slots["answers"]["utforare"] == "regionen"
    assert "Jag noterar: Regionen." in said(sent)


def test_an_answer_is_not_named_back_to_its_own_question_and_a_new_initiative_forgets_it():
    """The words typed at a question are not offered again when that question is asked again; a new description
    starts without the answers typed about the initiative before it."""
    talk = typed_to_the_company_question()
    clicked_to_the_result(talk, ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande"))
    reopened = talk.send(
        ActionChangeAnswer(), '/change_answer{"question":"stod_till_foretag"}', question="stod_till_foretag"
    )
    assert talk.slots["current_question"] == "stod_till_foretag"
    assert "Du skrev" not in said(reopened)
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    assert not talk.slots.get("typed_answers")
    talk.send(ActionDescribeInitiative(), "Förbundet vill ordna en konferens om sociala företag.", intent="inform")
    assert not talk.slots.get("typed_answers")


def test_the_forbund_paying_a_companys_invoice_is_money_straight_to_the_company(tree: Tree):
    """Development set 11 (md11054): "om förbundet betalar en faktura från kooperativet …, räknas det som att pengarna
    går via AF?" was read as via the party, and accepted led to "kan finansieras"; the invoice paid by the förbund is
    the money going straight to the company, so the question asks which it is."""
    asked = read_description(
        tree,
        "Kommunen har beställt praktikplatser på Kafé Solsidan. Om förbundet betalar en faktura från kaféet, går "
        "pengarna då via kommunen?",
    )
    assert "pengavag" not in asked.facts
    assert {fact.option for fact in asked.conflicts["pengavag"]} == {"via_part", "direkt"}
    stated = read_description(tree, "Förbundet betalar fakturor från kaféet för platserna som regionen köper.")
    assert stated.facts["pengavag"].option == "direkt"


def test_the_party_employing_the_handledare_is_named_where_the_responsible_party_is_asked():
    """Trial 47 (t47-2): "vi är från kommunen, soc alltså" where the handledare is employed was followed by "Vilken
    part ansvarar …?" with nothing named; the party is put first, and still chosen by the user."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    clicked_to_the_result(talk, ("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "handledare"))
    sent = talk.send(ActionAnswer(), "hon jobbar hos oss på regionens psykiatri", intent="inform")
    assert talk.slots["answers"]["handledare_anstalld"] == "hos_part"
    assert talk.slots["current_question"] == "utforare" and "utforare" not in talk.slots["answers"]
    assert sent[-1]["buttons"][0]["title"] == "Regionen" and "Det låter som ”Regionen”" in said(sent)


def test_a_party_buying_places_beside_a_grant_to_the_company_keeps_its_lines(tree: Tree):
    """Trial 47 (t47-9): "AF köper 6 arbetsträningsplatser på Cykelverkstan …, och förbundet ger dessutom Cykelverkstan
    50 000 kr till nya verktyg" was summarised as "Deltagare" alone, the grant not named: the grant is a part set
    aside and named, and the part in which the party buys keeps what it says."""
    reading = read_description(
        tree,
        "Regionen köper fyra praktikplatser på Snickeriet Spånet åt patienter i vår öppenvård, och förbundet ger "
        "dessutom snickeriet 40 000 kr till en ny maskin.",
    )
    assert reading.facts["utforare"].option == "regionen"
    assert reading.facts["insats_typ"].option == "arbetsforberedande"
    assert "stod_till_foretag" in reading.must_nots and "stod_till_foretag" not in reading.facts
    grant = read_description(tree, "Förbundet ger dessutom Cykelverkstan 50 000 kr till nya verktyg.")
    assert grant.must_nots["stod_till_foretag"].option == "pengar"


def test_who_procures_is_named_from_an_earlier_answer_only_where_it_says_someone_buys_or_pays():
    """Review of session 34: "ja, de är sjukskrivna via Försäkringskassan" at the target group named Försäkringskassan
    at who procures, and two typed "ja" gave a verdict the user never stated."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    talk.send(ActionAnswer(), "ja, de är sjukskrivna via Försäkringskassan", intent="inform")
    sent = talk.send(ActionAnswer(), "/inform", question="insats_typ", choice="arbetsforberedande")
    assert talk.slots["current_question"] == "utforare" and "Du skrev" not in said(sent)


def test_cancelling_before_any_answer_starts_nothing_again():
    """Trial 47 (t47-10): "avbryt, jag ville inte bedöma något" at the first question of an assessment started by
    mistake got "Vi börjar om från början" and the same question again."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    sent = talk.send(ActionRestartAssessment(), "avbryt det där, jag ville bara fråga en sak", intent="restart")
    assert said(sent) == messages.text("assessment.nothing_started")
    assert talk.slots["current_question"] is None
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    sent = talk.send(ActionRestartAssessment(), "glöm det, vi börjar om från början", intent="restart")
    assert messages.text("assessment.restart") in said(sent) and talk.slots["current_question"] == "vem"


def test_a_concept_question_with_the_answer_after_it_explains_and_records():
    """Trial 48 (t48-2): "vad menar du med upphandlar? regionen tar det" got the explanation and the same question
    again, the answer after the question mark lost."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    clicked_to_the_result(talk, ("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "utbildning_om_asf"))
    sent = talk.send(
        ActionExplainConcept(),
        "vad betyder upphandla? kommunen gör det",
        intent="explain_concept",
        concept="upphandling",
    )
    assert said(sent).startswith("Upphandling:") and "Jag noterar: Kommunen." in said(sent)
    assert talk.slots["answers"]["utforare"] == "kommunen"


def test_an_argument_against_the_result_is_met_before_the_chain_and_a_question_about_applying_changes_nothing():
    """Trial 48 (t48-6, t48-9): "varför? det är ju bara 5000 kr …" got the chain alone; "kan företaget själv söka
    pengar direkt från förbundet, typ projektmedel?" after a loan result changed the loan into a grant."""
    answers = {"vem": "foretaget", "stod_till_foretag": "lan"}
    talk = finished(answers)
    sent = talk.send(ActionWhy(), "varför? summan är ju liten", intent="ask_why")
    assert said(sent).startswith(messages.text("why.objection_reasons"))  # then the reasons (trial 69)
    plain = talk.send(ActionWhy(), "men varför då?", intent="ask_why")
    assert messages.text("why.objection") not in said(plain)
    talk.send(ActionAnswer(), "får kooperativet söka pengar från förbundet själva, som projektmedel?", intent="inform")
    assert talk.slots["last_result"]["answers"] == answers


def test_a_course_the_förbund_holds_itself_and_education_in_compounds(tree: Tree):
    """Development set 12 and trial 49: "Förbundet anordnar själv en kurs …. Ingen part är inblandad." was read as no
    party, the förbund paying a company directly; and "en utbildningsserie om sociala företag för deltagare" was no
    education about social enterprises."""
    course = read_description(tree, "Förbundet anordnar själv en kurs för deltagare om kooperativ. Ingen part är med.")
    assert "utforare" not in course.facts and {"forbundet", "ingen_part_direkt"} <= {
        fact.option for fact in course.conflicts.get("utforare", ())
    }
    series = read_description(tree, "En utbildningsinsats i tre delar om sociala företag för deltagarna i projektet.")
    assert series.facts["insats_typ"].option == "utbildning_om_asf"
    long = read_description(
        tree,
        "Kommunen planerar en utbildningsserie om sociala foretag for vara deltagare, sex traffar dar de far lara sig"
        " vad ett ASF ar och besoka nagra foretag. Kommunen kommer att upphandla en extern kursledare.",
    )
    assert long.facts["vem"].option == "deltagare"  # the learned reader spoke against it (trial 49, t49-4)
    both = read_description(tree, "En inspirationsdag för deltagare och personal om hur sociala företag fungerar.")
    assert "vem" not in both.facts  # others named beside the participants: not the words alone (review)


def test_an_answer_wanting_two_things_done_is_told_one_is_assessed_at_a_time():
    """Trial 49 (t49-5): "båda, samordnaren och inspirationsdagen" got "Menar du något av det här?", as if unclear,
    with no word that one thing is assessed at a time."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "parter_och_aktorer")
    sent = talk.send(ActionAnswer(), "vi vill göra båda: en samordnartjänst och ett seminarium", intent="inform")
    assert said(sent) == messages.text("assessment.one_at_a_time")
    assert "strukturell_typ" not in talk.slots["answers"]
    chosen = {b["payload"] for b in sent[-1]["buttons"]}
    assert '/inform{"question":"strukturell_typ","choice":"samordnare"}' in chosen
    # One thing named unclearly is still "Menar du …?"
    sent = talk.send(ActionAnswer(), "nåt med en samordnare eller ett seminarium kanske", intent="inform")
    assert messages.text("assessment.one_at_a_time") not in said(sent)


def test_places_bought_in_so_many_words_are_work_training_but_work_training_as_a_scene_is_not(tree: Tree):
    """Development set 12: "regionen (psykiatrin) vill köpa rehabplatser på kafé Lyktan …" lost what the participants
    get (the learned reader spoke against it); "Deltagarna som arbetstränar där behöver mer utrymme. Kan förbundet stå
    för hyran …?" is about premises, and stays no work training."""
    bought = read_description(
        tree,
        "vuxenpsykiatrin på regionen vill köpa tre rehabplatser på snickeriet Spånet för patienter på väg tillbaka",
    )
    assert bought.facts["insats_typ"].option == "arbetsforberedande"
    scene = read_description(
        tree,
        "De som arbetstränar på Bageriet Degen har för trångt. Kan förbundet betala hyran för en större lokal åt"
        " bageriet? Ingen part köper något där i dag.",
    )
    assert scene.facts.get("insats_typ") is None or scene.facts["insats_typ"].option != "arbetsforberedande"
    service = read_description(tree, "Kan förbundet betala en webbyrå som gör en ny webbshop åt kooperativet Garnet?")
    assert service.facts["stod_till_foretag"].option == "tjanst_at_foretaget"


def test_short_forms_in_notes_are_read_as_the_words_they_stand_for(tree: Tree):
    """Development set 13: "Reg (vuxenpsyk) köper AT …, SF ersätter Reg" was read as an initiative for a company, with
    a must-not beside it; short forms whose letters are also a word count only as written ("at" is "åt")."""
    note = read_description(
        tree, "Kn köper AT-platser på tvätteriet Bubblan åt 3 dlt. Faktura till Kn, SF ersätter Kn."
    )
    assert {q: f.option for q, f in note.facts.items()} == {
        "vem": "deltagare",
        "insats_typ": "arbetsforberedande",
        "utforare": "kommunen",
        "pengavag": "via_part",
    }
    assert swedish.spelled_out("Reg köper AT åt dlt, sf och at är inga") == (
        "regionen köper arbetstraning åt deltagare, sf och at är inga"
    )
    # Trial 59 (t59-6): "arbetstr.platser" in an auditor's note was no work training.
    paid = read_description(
        tree, "SF har betalat ett ASF för arbetstr.platser åt dlt som AF skickat", learned.WORDS_ONLY
    )
    assert paid.facts["insats_typ"].option == "arbetsforberedande"


def test_a_salary_the_förbund_pays_a_party_for_its_own_handledare_is_no_pay_to_a_companys_staff(tree: Tree):
    """Trial 50 (t50-2): "betala kommunen för lönekostnaden" of a handledare the municipality employs was set aside as
    "Lön, bidrag eller annan ersättning" to a company's staff, "something the förbund should not finance"."""
    handledare = read_description(
        tree,
        "Regionen anställer en handledare som ska stötta våra deltagare på två kooperativ, och förbundet betalar"
        " regionen för lönekostnaden.",
    )
    assert "asf_personal_stod" not in handledare.must_nots
    staff = read_description(tree, "Kan förbundet ta lönekostnaden för arbetsledarna på Syateljén Tråden?")
    assert staff.must_nots["asf_personal_stod"].option == "ersattning"


def test_the_förbunds_membership_in_a_social_enterprise_has_an_answer_on_the_knowledge_route(tree: Tree):
    """Trial 50 (t50-5): on the route of "Förbundet självt … (kunskap, samverkan eller ett medlemskap)" the only
    membership named an interest organisation; "Något annat" for a membership in a social enterprise got "Vägledningen
    täcker inte insatsen", though its point 3 names it."""
    option = tree.questions["strukturell_typ"].option("medlemskap_organisation")
    assert option is not None and "ett socialt företag" in option.label
    talk = finished(
        {"vem": "parter_och_aktorer", "strukturell_typ": "medlemskap_organisation", "medlem_vem": "forbundet"}
    )
    assert talk.slots["last_result"]["verdict"] == "not_financeable"


def test_what_only_one_of_two_compared_ways_says_is_asked_not_proposed(tree: Tree):
    """Development set 13: "Blir det enklast om regionen köper platser … och vi betalar regionen, eller om … vi betalar
    ASF:et direkt?" proposed one of the two ways as the initiative's; what both ways say, or what is said outside the
    comparison, still is."""
    weighed = read_description(
        tree,
        "Är det bättre om kommunen köper platserna på Kafé Lyktan och vi betalar kommunen, eller om kommunen köper men"
        " vi betalar kaféet direkt? Det gäller deltagare med behov av samordnat stöd.",
    )
    assert weighed.facts["utforare"].option == "kommunen"  # both ways
    assert "pengavag" not in weighed.facts and {f.option for f in weighed.conflicts["pengavag"]} == {
        "via_part",
        "direkt",
    }
    assert weighed.facts["vem"].option == "deltagare"  # said outside the comparison
    plain = read_description(
        tree, "Kommunen köper platser på kaféet eller på bageriet, och förbundet betalar via kommunen."
    )
    assert plain.facts["pengavag"].option == "via_part"  # "eller" alone weighs nothing
    assert comparison.compared_sides("Kommunen köper platser på kaféet eller på bageriet.") is None


def test_money_that_reaches_the_company_through_a_party_does_not_make_the_company_whom_it_is_for(tree: Tree):
    """ "Kommunen köper platser på kooperativet och pengarna går via kommunen till kooperativet" was summarised as an
    initiative for a company, with the rest of the lawful route beside it."""
    through = read_description(tree, "Regionen köper platser på bageriet och medlen går via regionen till bageriet.")
    assert through.facts.get("vem") is None or through.facts["vem"].option != "foretaget"
    assert through.facts["pengavag"].option == "via_part"
    grant = read_description(tree, "Förbundet vill ge ett bidrag till kooperativet Linet.")
    assert grant.facts["vem"].option == "foretaget"


def test_review_of_session_35_places_to_rescue_a_company_doctors_and_everyday_better(tree: Tree):
    """Review of session 35: places bought "för att rädda kaféet" were read as work training for participants; "en AT"
    (an arbetsterapeut) and "AT-läkare" as work training; "mår bättre av …" as a comparison of two ways."""
    rescue = read_description(tree, "Kommunen vill köpa fler platser på kaféet för att rädda kaféet från konkurs.")
    assert rescue.facts.get("insats_typ") is None
    for text in ("Regionen anställer en AT som ska handleda deltagarna på kaféet.", "Vi vill betala en AT-läkare."):
        assert "arbetstraning" not in [token.word for token in swedish.tokens(text)]
    assert comparison.compared_sides("Deltagarna mår bättre av att arbetsträna på kaféet eller på snickeriet.") is None
    assert comparison.compared_sides("Är det bättre att kommunen köper platserna än att vi betalar kaféet direkt?")


def test_hold_on_at_a_yes_no_question_is_no_answer():
    """Trial 51 (t51-5): "nej vänta, det är inte handledaren vi vill betala, det är utbildningen för handledarna" at
    the target-group question was recorded as "Nej" and got "Deltagarna hör inte till Finsams målgrupp"."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    talk.send(ActionAnswer(), "nej vänta, det gäller en kurs för personalen och inte deltagarna", intent="deny")
    assert "malgrupp" not in talk.slots["answers"] and talk.slots["last_result"] is None


def test_both_at_a_summary_with_a_part_set_aside_is_told_one_part_at_a_time():
    """Trial 51 (t51-9): "båda" and "jag vill ha båda delarna bedömda" at a summary that set a grant aside got "Det
    förstod jag inte riktigt" and the general menu."""
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Kommunen köper arbetsträning på bageriet för deltagare, och vi vill dessutom ge bageriet 30 000 kr till"
        " en ugn.",
        intent="describe_initiative",
    )
    pending = talk.slots["pending_answers"]
    for text in ("båda", "vi vill ha båda delarna bedömda tack"):
        sent = talk.send(ActionAnswer(), text, intent="inform")
        assert said(sent) == messages.text("describe.both_parts")
        assert talk.slots["pending_answers"] == pending
    sent = talk.send(ActionFallback(), "båda", intent="nlu_fallback")
    assert said(sent) == messages.text("describe.both_parts")


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("utforare", "Regionen\nnej förlåt, det är kommunen som har avtalet med kaféet", "kommunen"),
        ("pengavag", "rakt till snickeriet, nej vänta, det går genom Arbetsförmedlingen", "via_part"),
        ("malgrupp", "nej\nvänta jo, de har kontakt med både psykiatrin och soc och behöver samordnat stöd", "ja"),
    ],
)
def test_a_typed_answer_its_writer_takes_back_is_read_from_the_correction(
    tree: Tree, question: str, text: str, expected: str
):
    """Development set 14: "X\\nnej förresten, Y" was asked about ("Menar du …?") or read from both parts."""
    assert read_answer(tree.questions[question], text).option.id == expected  # type: ignore[union-attr]


def test_a_correction_with_nothing_after_it_records_nothing(tree: Tree):
    assert read_answer(tree.questions["utforare"], "Kommunen, nej vänta").option is None


def test_a_typed_answer_taken_back_in_the_chat_records_the_correction():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    for question in ("vem", "malgrupp", "insats_typ"):
        talk.click(question, VIA_KOMMUNEN[question])
    sent = talk.send(ActionAnswer(), "regionen\nnej förlåt, kommunen köper platserna", intent="deny")
    assert talk.slots["answers"]["utforare"] == "kommunen" and talk.slots["current_question"] == "pengavag"
    assert "Menar du" not in said(sent)


@pytest.mark.parametrize(
    "text",
    [
        "kort fråga bara: vad är ett arbetsintegrerande socialt företag egentligen?",
        "vad betyder ASF, finns det en definition?",
    ],
)
def test_what_a_concept_is_heard_as_a_why_gets_the_concept_explained(text: str):
    """Trial 52 (t52-8): "vad är … ett ASF? finns det nån definition?" got "Jag förklarar gärna varför jag frågar"."""
    talk = Conversation()
    sent = talk.send(ActionWhy(), text, intent="ask_why")
    assert "Tillväxtverket" in said(sent) and "varför jag frågar" not in said(sent)


def test_a_why_naming_a_concept_is_still_a_why():
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(ActionWhy(), "varför måste pengarna gå via kommunen?", intent="ask_why")
    assert "Tillväxtverket" not in said(sent)


def test_no_one_as_the_member_is_never_recorded_as_the_förbund(tree: Tree):
    """Trial 52 (t52-8): "ingen ska bli medlem! vi köper bara 2 konferensbiljetter" was recorded as the förbund
    itself, from its "vi", and got the membership's "bör inte" again."""
    reading = read_answer(tree.questions["medlem_vem"], "ingen blir medlem, vi betalar bara två platser på mässan")
    assert reading.option is None
    assert read_answer(tree.questions["utforare"], "ingen av parterna").option.id == "ingen_an"  # type: ignore[union-attr]


def test_competence_development_for_the_parties_staff_is_no_part_to_avoid(tree: Tree):
    """Trial 52 (t52-5, t52-7): "jobbar med kompetensutveckling för personalen hos parterna" was set aside as the
    guidance's point about a social enterprise's staff, and the result said it did not cover all of the text."""
    text = (
        "Jag ansvarar för kompetensutveckling för personalen hos parterna. Nu planerar vi ett seminarium om sociala "
        "företag för handläggare på FK och AF, och förbundet betalar lokal och föreläsare."
    )
    reading = read_description(tree, text)
    assert "asf_personal_stod" not in reading.must_nots and not reading.set_aside
    assert reading.facts["strukturell_typ"].option == "evenemang"
    course = read_description(tree, "Förbundet betalar en utbildning i bokföring för de anställda på Kafé Linden")
    assert course.facts["asf_personal_stod"].option == "kompetensutveckling"


def test_a_question_about_some_participants_after_a_result_does_not_change_it():
    """Trial 52 (t52-4): "och de som … inte behöver samordnat stöd, får handledaren hjälpa dem också?" changed the
    target group of the result to "Nej" and gave "bör inte finansieras" for the whole initiative."""
    answers = {
        "vem": "deltagare",
        "malgrupp": "ja",
        "insats_typ": "handledare",
        "handledare_anstalld": "hos_part",
        "utforare": "kommunen",
        "pengavag": "via_part",
    }
    talk = finished(answers)
    text = "men de få som saknar behov av samordnat stöd från flera parter, kan handledaren stötta dem med?"
    sent = talk.send(ActionAnswer(), text)
    assert talk.slots["last_result"]["answers"] == answers
    assert "Jag ändrar svaret" not in said(sent)


def test_a_dictated_description_with_split_words_is_read(tree: Tree):
    """Development set 14: dictated text ("arbets förmedlingen", "för säkrings kassan") lost the party and the route."""
    text = (
        "ja hej alltså för säkrings kassan vill köpa arbets träning på snickeriet åt sjuk skrivna "
        "och förbundet betalar via för säkrings kassan"
    )
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts["utforare"] == "forsakringskassan" and facts["pengavag"] == "via_part"
    assert facts["insats_typ"] == "arbetsforberedande"


def test_what_a_description_takes_back_is_not_read():
    """Development set 14: "först tänkte vi att förbundet skulle gå med\nmen nej, det är kommunen som blir medlem"
    was summarised with the förbund as the member, the thought the writer took back."""
    talk = Conversation()
    text = (
        "medlemskap i Nätverket för sociala företag i länet\nförst tänkte vi att förbundet skulle bli medlem\n"
        "men nej, det är regionen som går med\nförbundet betalar bara regionens avgift"
    )
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert talk.slots["pending_answers"].get("medlem_vem") == "en_part"


def test_a_line_taken_back_in_a_description_gives_way_to_the_next(tree: Tree):
    text = (
        "handledare på Snickeriet Ekan\nanställd hos regionen\n"
        "äh nej, rättar mig, hon ska vara anställd hos förbundet\nhon ska stötta deltagarna som arbetstränar där"
    )
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts.get("handledare_anstalld") == "hos_forbundet"


def test_a_grant_and_what_it_is_to_pay_for_is_one_grant():
    """Trial 52 (t52-3): "ett bidrag på typ 200 000 för att täcka hyran och köpa maskiner" got "Du beskriver mer än
    en sak"; the rent and the machines are what the one grant pays."""
    talk = Conversation()
    text = (
        "jag sitter i styrelsen for ett kooperativ, kan forbundet ge oss ett bidrag pa 120 000 for att tacka hyran "
        "och kopa maskiner?"
    )
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert "mer än en sak" not in said(sent)
    assert talk.slots["pending_answers"].get("stod_till_foretag") == "pengar"


def test_money_to_the_party_with_a_reason_is_via_the_party(tree: Tree):
    """Trial 52 (t52-4): "till kommunen, det är ju deras anställd. företaget får inga pengar" at how the money goes
    got "Menar du något av det här?"; "till kommunen" alone was understood."""
    question = tree.questions["pengavag"]
    reading = read_answer(question, "till regionen, handledaren är ju deras. kaféet ska inte ha något")
    assert reading.option is not None and reading.option.id == "via_part"
    assert read_answer(question, "direkt till kaféet, inte till regionen").option.id == "direkt"  # type: ignore[union-attr]


def test_a_party_writing_that_the_förbund_pays_us_is_the_route_via_it(tree: Tree):
    """Trial 52 (t52-2): "vi på AME upphandlar platserna från caféet och förbundet betalar oss" kept the direct route
    of the result before it."""
    text = "Vi på arbetsmarknadsenheten köper platserna av bageriet och förbundet betalar oss"
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts.get("utforare") == "kommunen" and facts.get("pengavag") == "via_part"


def test_a_company_asking_to_apply_itself_gets_the_answer_and_no_new_assessment():
    """Trial 52 (t52-3): "men kan vi som företag skicka in en ansökan till förbundet själva?" got the answer, then a
    new assessment of the förbund procuring itself, four messages in a row."""
    talk = finished({"vem": "foretaget", "stod_till_foretag": "pengar"})
    sent = talk.send(
        ActionFallback(), "får vi som kooperativ söka pengar direkt hos förbundet själva?", intent="nlu_fallback"
    )
    text = said(sent)
    assert "vända sig till en av parterna" in text
    assert "ny insats" not in text and "Samordningsförbundet självt" not in text


def test_a_course_bought_in_by_a_party_in_the_passive_names_the_party(tree: Tree):
    """Trial 52 (t52-10): "… nej förresten den köps in av oss på AF från ett studieförbund" left who procures out of
    the summary, and it was asked again."""
    text = (
        "vi på FK vill ordna en kurs för deltagare om hur sociala företag funkar. kursen hålls av regionen, nej "
        "förresten den köps in av oss på FK från ett studieförbund. förbundet betalar"
    )
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts.get("utforare") == "forsakringskassan" and facts.get("insats_typ") == "utbildning_om_asf"


@pytest.mark.parametrize("action", [ActionAnswer, ActionDescribeInitiative])
def test_a_new_assessment_asked_for_with_its_description_is_assessed(action: type):
    """Trial 52 (t52-7): "ny bedömning: kommunen anordnar …" typed while a question was open was read as an answer
    to it, and the old result came again."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    text = "Ny insats: regionen köper arbetsträning på bageriet åt patienter och förbundet betalar via regionen"
    sent = talk.send(action(), text, intent="describe_initiative")
    assert "lämnar jag den bedömning" in said(sent) and "Så här uppfattar jag insatsen" in said(sent)
    assert talk.slots["pending_answers"].get("utforare") == "regionen" and not talk.slots["answers"]


def test_a_new_one_with_nothing_described_is_still_an_answer():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    sent = talk.send(ActionAnswer(), "ny insats: vet inte")
    assert "lämnar jag den bedömning" not in said(sent)


def test_a_yes_for_most_of_them_says_why_it_is_asked():
    """Trial 52 (t52-2, t52-9): "ja de flesta, de har kontakt med både oss och AF" got a bare "Menar du något av det
    här?", which the user did not understand."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    sent = talk.send(ActionAnswer(), "ja, många av dem har stöd från både soc och psykiatrin", intent="affirm")
    assert "en del av deltagarna" in said(sent) and "Finsams målgrupp" in said(sent)
    assert "malgrupp" not in talk.slots["answers"]
    assert {b["title"] for b in sent[-1]["buttons"]} >= {"Ja", "Nej"}


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("utforare", "regionen har avtalet med odlingen och förbundet betalar regionen", "regionen"),
        ("pengavag", "via AF, förbundet betalar Arbetsförmedlingens faktura", "via_part"),
        ("pengavag", "öh förbundet betalar kommunens fakturor", "via_part"),
    ],
)
def test_the_förbund_paying_a_partys_invoice_names_the_party(tree: Tree, question: str, text: str, expected: str):
    """Development set 14: "kommunen köper platserna och förbundet betalar kommunen" at who procures, and "via kommunen,
    förbundet betalar kommunens faktura" at how the money goes, were asked between two answers."""
    assert read_answer(tree.questions[question], text).option.id == expected  # type: ignore[union-attr]


def test_the_förbund_buying_is_still_asked_beside_a_paying_party(tree: Tree):
    reading = read_answer(tree.questions["utforare"], "förbundet köper platserna och kommunen betalar")
    assert reading.option is None


@pytest.mark.parametrize(
    "text",
    [
        "nej, pengarna går direkt till kaféet, kan det bli godkänt då?",
        "nej det är regionen som upphandlar, kan det bli godkänt då?",
    ],
)
def test_a_correction_that_ends_in_a_question_still_corrects(text: str):
    """Review of session 36: a correction with a question after it was kept as the old result."""
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionAnswer(), text)
    assert talk.slots["last_result"]["answers"] != VIA_KOMMUNEN


def test_the_review_of_session_36_readings(tree: Tree):
    """Review of session 36: rules of this round that misfired, each in the reviewer's kind of text."""
    # "oss" paid by someone else than the förbund is no route via the writer's party.
    text = (
        "Jag jobbar på kommunen. AF köper arbetsträning på kaféet för deltagare. Kaféet betalar oss hyra för lokalen."
    )
    assert "pengavag" not in read_description(tree, text).facts
    # "till <part>" names the route only as the answer's opening.
    money = tree.questions["pengavag"]
    assert read_answer(money, "kaféet fakturerar oss och vi rapporterar till kommunen").option is None
    assert read_answer(money, "direkt till kaféet, men redovisningen går till kommunen").option.id == "direkt"  # type: ignore[union-attr]
    # "ingen av parterna, det är förbundet …" names the member.
    member = read_answer(tree.questions["medlem_vem"], "ingen av parterna, det är förbundet som vill bli medlem")
    assert member.option is not None and member.option.id == "forbundet"
    # A company's staff named beside the parties keeps the must-not.
    staff = read_description(tree, "Kompetensutveckling för parterna och för kooperativets medarbetare.")
    assert "asf_personal_stod" in staff.must_nots
    # A thing given besides a grant is still named.
    both = read_description(tree, "Förbundet ger ett bidrag på 200 000 till kaféet och dessutom nya datorer.")
    assert "stod_till_foretag" not in both.facts


@pytest.mark.parametrize(
    "text",
    [
        "Regionen anställer en handledare som stöttar deltagarna på kaféet.\nMen nej, hon är inte anställd av kaféet.",
        "Vi vill inte ge kaféet bidrag, utan AF köper platser där.\nFörresten, kaféet har sökt bidrag förut.",
    ],
)
def test_a_line_that_denies_or_adds_takes_nothing_back(text: str):
    assert retraction.without_what_was_taken_back(text) == text


@pytest.mark.parametrize(
    ("text", "expected"), [("via kommunen\nnej, inte direkt", None), ("kommunen\nförresten, AF också", None)]
)
def test_a_typed_no_that_rules_out_another_takes_nothing_back(text: str, expected: str | None):
    assert retraction.after_the_last(text) == expected


def test_a_split_word_is_not_joined_to_a_word_the_list_knows():
    words = [w.word for w in swedish.tokens("vi sätter upp handledare på kaféet")]
    assert "handledare" in words and "upphandledare" not in words


def test_the_förbund_itself_named_without_a_membership_is_no_member(tree: Tree):
    """Trial 53 (t53-1, t53-10): "anställd hos förbundet självt", "för förbundet självt" set a membership aside as
    what the förbund should not finance, and the result covered only part of the text."""
    text = (
        "Förbundet anställer en ASF-samordnare. Hon blir anställd hos förbundet självt, så lönen är vår egen kostnad."
    )
    assert "medlem_vem" not in read_description(tree, text).must_nots


def test_a_party_paying_the_company_by_its_contract_is_no_grant(tree: Tree):
    """Trial 53 (t53-2): "… pengarna till kommunen, som betalar företaget enligt avtalet" set a grant to the company
    aside, against the result's own condition that the money goes via the municipality."""
    text = (
        "Regionens rehabenhet upphandlar arbetsträningsplatser på ett socialt företag för patienter i psykiatrin. "
        "Förbundet skulle föra över pengarna till regionen, som betalar företaget enligt avtalet."
    )
    reading = read_description(tree, text)
    assert "stod_till_foretag" not in reading.must_nots and reading.facts["vem"].option == "deltagare"


def test_a_fee_to_an_organisation_for_social_enterprises_is_no_companys_membership(tree: Tree):
    """Trial 53 (t53-6): the förbund's fee to "en intresseorganisation för arbetsintegrerande sociala företag" was
    summarised as the company's own membership."""
    text = "Förbundet har betalat 12 000 kr i medlemsavgift till en intresseorganisation för sociala företag."
    facts = read_description(tree, text).facts
    assert facts.get("medlem_vem") is None or facts["medlem_vem"].option != "foretaget"


@pytest.mark.parametrize(
    "text",
    [
        "ny i styrelsen här. första frågan: vad får förbundet göra för sociala företag överhuvudtaget?",
        "jag vill bara ha en översikt, vad går vägledningen ut på?",
    ],
)
def test_a_question_for_an_overview_gets_one(text: str):
    """Trial 53 (t53-7): "vad får förbundet göra för sociala företag överhuvudtaget?" started the questions, and "jag
    vill bara ha en överblick" got "Menar du …?" with the answers about whom the initiative is for."""
    talk = Conversation()
    sent = talk.send(ActionStartAssessment(), text, intent="start_assessment")
    reply = said(sent)
    assert "strukturövergripande" in reply and "kontantbidrag" in reply and "via den parten" in reply
    assert not talk.slots["answers"]


def test_the_förbund_itself_as_whom_it_is_for_is_not_the_one_procuring():
    """Trial 53 (t53-10): "för förbundet självt, det är vårt eget möte, vi köper maten som vanligt" got "Det låter som
    … Samordningsförbundet självt, vilket kan vara något som förbundet inte bör finansiera"."""
    talk = Conversation()
    sent = talk.send(
        ActionDescribeInitiative(),
        "för förbundet självt, vi köper kaffe och smörgåsar från ett kafé",
        intent="describe_initiative",
    )
    assert "inte bör finansiera" not in said(sent)


def test_a_question_after_a_result_naming_an_answer_leaves_the_result():
    """Trial 54 (t54-6): "räcker det att man är långtidsarbetslös för att vara i Finsams målgrupp?" after a result
    changed the target group to "Ja" without a word; it asks, and gets why that question is asked."""
    answers = {**VIA_KOMMUNEN, "malgrupp": "vet_inte"}
    talk = finished(answers)
    sent = talk.send(
        ActionAnswer(), "räcker det att deltagarna är arbetslösa sedan länge för att höra till målgruppen?"
    )
    assert talk.slots["last_result"]["answers"] == answers
    assert "Din fråga gäller om deltagarna hör till Finsams målgrupp" in said(sent) and "står kvar" in said(sent)


@pytest.mark.parametrize(
    "text",
    [
        "Deltagarna arbetstränar på kaféet. kan förbundet betala busskort och lunch åt dem? Regionen sköter det.",
        "och om resor och lunch ingår i priset som regionen betalar företaget för arbetsträningen, blir det bättre?",
    ],
)
def test_lunch_for_participants_is_no_purchase_of_the_förbunds_own(text: str):
    """Trial 54 (t54-2): bus cards and lunch for participants, paid via the municipality, got the answer about the
    förbund's own purchases, twice."""
    assert other_questions.named(text) is None or other_questions.named(text).id != "egna_inkop"  # type: ignore[union-attr]
    assert other_questions.named("får förbundet köpa lunch från ett socialt företag till vårt styrelsemöte?").id == (  # type: ignore[union-attr]
        "egna_inkop"
    )


@pytest.mark.parametrize(("action", "intent"), [(ActionAnswer, "inform"), (ActionChangeAnswer, "change_answer")])
def test_a_change_naming_its_question_and_an_answer_many_questions_share(action: type, intent: str):
    """Trial 54 (t54-3): "ändra målgrupp till vet inte än, som förut" after a result was a new initiative, because
    "vet inte än" answers three questions of the result; the one it names is meant."""
    answers = {**VIA_KOMMUNEN}
    talk = finished(answers)
    sent = talk.send(action(), "ändra målgruppen till vet inte än", intent=intent)
    assert talk.slots["last_result"]["answers"] == {**answers, "malgrupp": "vet_inte"}
    assert "ny insats" not in said(sent)


def test_direct_benefit_is_no_direct_payment(tree: Tree):
    """Trial 54 (t54-4): "… det gynnar ju deltagarna direkt" was tried as "Direkt från förbundet till företaget"."""
    assert read_answer(tree.questions["pengavag"], "det hjälper ju deltagarna direkt").option is None
    assert read_answer(tree.questions["pengavag"], "vi betalar kaféet direkt").option.id == "direkt"  # type: ignore[union-attr]


def test_a_yes_for_most_heard_as_a_wish_to_talk_to_someone_is_an_answer():
    """Session 36, typed to the running assistant: "ja de flesta har kontakt med både soc och psykiatrin" at the
    target-group question was heard as a handoff and got the kansli's contact details."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    sent = talk.send(ActionHandoff(), "ja de flesta har kontakt med både soc och psykiatrin", intent="handoff")
    assert "en del av deltagarna" in said(sent) and "kansli" not in said(sent)
    assert talk.slots["current_question"] == "malgrupp"


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        # The party named only as the one who pays gives way to the one that runs or buys it (development sets 9, 12).
        ("utforare", "Regionen finansierar men det är AF som upphandlar platserna", "arbetsformedlingen"),
        ("utforare", "FK står för kostnaden medan kommunen har avtalet", "kommunen"),
        # Where participants are registered is not who procures.
        ("utforare", "de är inskrivna hos kommunen men regionen köper platserna", "regionen"),
        # The member is the one joining, not the förbund paying the fee (development sets 10, 12, 13).
        ("medlem_vem", "Regionen går med, vi betalar årsavgiften", "en_part"),
        ("medlem_vem", "Returhuset är med i nätverket, vi tar deras årsavgift", "foretaget"),
        # A "nej" said twice is a no (development sets 9 and 13).
        ("malgrupp", "nej inte egentligen, de klarar ett vanligt jobb", "nej"),
        # A business named by its kind as the employer (development sets 10-14).
        ("handledare_anstalld", "han jobbar på snickeriet", "hos_foretaget"),
        ("handledare_anstalld", "hos oss på Kafé Trasten, vår arbetsledare gör det", "hos_foretaget"),
        # What the staff learn about is not whom it is for (development sets 10, 13, 14).
        (
            "vem",
            "handläggarna på kommunen och FK, så att de vet mer om arbetsintegrerande sociala företag",
            "parter_och_aktorer",
        ),
        # "plan" is no loan; a guarantee for a bank loan is no loan from the förbund.
        ("stod_till_foretag", "en konsult som skriver deras marknadsplan", "tjanst_at_foretaget"),
        ("stod_till_foretag", "att vi går i borgen för ett lån de tar", "annat"),
        ("stod_till_foretag", "ett strykjärn och en symaskin", "in_natura"),
        ("insats_typ", "ett par datorer till verkstaden där de håller till", "till_foretaget"),
    ],
)
def test_a_typed_answer_reads_who_does_it_not_who_pays_or_is_talked_about(
    tree: Tree, question: str, text: str, expected: str
):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is not None and reading.option.id == expected, (text, reading)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # A public body or a place named as employer is no business: asked, or read as the party.
        ("handledare_anstalld", "hon jobbar på Vuxenenheten"),
        ("handledare_anstalld", "anställd av Lunds stad"),
        # An organisation around social enterprises is not the company.
        ("handledare_anstalld", "han är anställd på Samhall"),
        # Review of session 37: a party after the name, an adverb opening the sentence, a place of work.
        ("handledare_anstalld", "anställd av Västra Götalandsregionen"),
        ("handledare_anstalld", "Troligen anställer kommunen henne"),
        ("handledare_anstalld", "han jobbar i butiken på Ica"),
    ],
)
def test_a_typed_answer_naming_no_business_is_not_read_as_the_company(tree: Tree, question: str, text: str):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is None or reading.option.id != "hos_foretaget", (text, reading)


@pytest.mark.parametrize(
    ("question", "text", "recorded"),
    [
        # Review of session 37: the one named as paying also does it, or says no only in part.
        ("utforare", "kanske AF men regionen kan också ta det", None),
        ("utforare", "regionen betalar och har avtalet, men deltagarna är inskrivna på AF", "regionen"),
        ("medlem_vem", "vi betalar och blir medlemmar själva, regionen är redan med", None),
        ("malgrupp", "nej inte helt", "vet_inte"),
        ("malgrupp", "nej inte formellt men de har flera kontakter", None),
        ("strukturell_typ", "vi vill hjälpa företagen med en gemensam katalog", None),
    ],
)
def test_a_typed_answer_that_pays_and_does_or_says_no_in_part_is_not_misread(
    tree: Tree, question: str, text: str, recorded: str | None
):
    reading = read_answer(tree.questions[question], text)
    assert (reading.option.id if reading.option else None) == recorded, (text, reading)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # Two things named ("plus"), one of them joining a network: asked (development set 13, mt13038).
        ("strukturell_typ", "en föreläsning plus att förbundet går med i ASF-nätverket"),
        # Nominating for a prize someone else awards pays nothing: asked, not recorded as money (mt13072).
        ("stod_till_foretag", "vi nominerar kooperativet till länsstyrelsens pris"),
    ],
)
def test_a_typed_answer_naming_two_things_or_a_nomination_is_asked(tree: Tree, question: str, text: str):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is None, (text, reading.option)


def test_an_event_about_social_enterprises_in_the_guidance_words_is_not_doubted(tree: Tree):
    """Trial 54 wording: "en temadag om arbetsintegrerande sociala företag" lost its type to the learned reader's
    doubt, and the typed answer after it was recorded as "Något annat" ("täcks inte")."""
    reading = read_description(
        tree, "Vi ordnar en temadag om arbetsintegrerande sociala företag för biståndshandläggare och arbetsförmedlare."
    )
    assert reading.facts["strukturell_typ"].option == "evenemang"
    typed = read_answer(tree.questions["strukturell_typ"], "vi bjuder in en föreläsare från ett ASF och hyr en lokal")
    assert typed.option is None or typed.option.id == "evenemang", typed


@pytest.mark.parametrize("text", ["hon är anställd av Gnistan", "Brödboden anställer honom"])
def test_an_employer_named_by_a_name_alone_is_asked_with_the_company_first(tree: Tree, text: str):
    """Development sets 10-12 label "anställd av Returverket" the company's, set 5 unclear (it may be another
    organisation): asked, with the company offered first rather than a party."""
    reading = read_answer(tree.questions["handledare_anstalld"], text)
    assert reading.option is None and reading.candidates[0].id == "hos_foretaget", reading


def test_an_answer_after_an_apology_and_some_of_a_thing_are_plain_answers(tree: Tree):
    """Trial 55: "Förlåt, slarvigt skrivet. Alla sex hör till målgruppen, …" was asked again (t55-2), and "en del vård"
    (some care, not some of them) got "det gäller en del av deltagarna" twice (t55-3)."""
    question = tree.questions["malgrupp"]
    after_sorry = read_answer(question, "Ursäkta, jag var otydlig. Samtliga hör till målgruppen, de har stöd från soc.")
    assert after_sorry.option is not None and after_sorry.option.id == "ja"
    assert not yes_or_no_in_part(question, "ja, de behöver både psykiatrin och soc och en del ekonomiskt stöd")
    assert yes_or_no_in_part(question, "en del har kontakt med FK")  # some of them: still asked
    assert yes_or_no_in_part(question, "ja, en del av dem")


def test_a_yes_said_of_them_all_is_a_yes_beside_many_of_them_having_something_more(tree: Tree):
    """Trial 59 (t59-1): "ja de behöver samordnat stöd från flera myndigheter …, många har varit sjukskrivna i flera
    år" was asked back with "Menar du …?"; the yes is said of them all."""
    question = tree.questions["malgrupp"]
    reading = read_answer(
        question, "ja dom har behov av stöd från flera myndigheter, manga har varit sjukskrivna lange"
    )
    assert reading.option is not None and reading.option.id == "ja"
    assert yes_or_no_in_part(question, "ja de flesta har kontakt med FK")
    assert yes_or_no_in_part(question, "ja de har kontakt med soc men vissa är osäkra")


def test_a_party_in_the_needs_is_not_the_one_a_later_verb_names(tree: Tree):
    """Development set 1-4 (f019): "… stöd från både af och regionen, kommunen håller i det och upphandlar" read AF and
    the region as procuring too, through a phrase that reached past the comma, and the line was dropped."""
    reading = read_description(
        tree,
        "praktik på ett socialt kooperativ för unga med stöd från både fk och psykiatrin, regionen driver det och "
        "upphandlar platserna",
    )
    assert reading.facts["utforare"].option == "regionen"


@pytest.mark.parametrize(
    "text",
    [
        # Development set 1-4 (f011, f028, d217, g022): a "no" stated in so many words was not read.
        "Praktik på ett ASF för arbetslösa som har inga hinder utöver jobbet och behöver inget samordnat stöd.",
        "Målgruppen: personer utan behov av samordnade insatser. Kommunen köper platser på kaféet.",
        "AF köper platser på kooperativet åt arbetssökande som inte behöver något samordnat stöd.",
        "Feriejobb på ett socialt företag för skolungdomar utan några särskilda stödbehov, via kommunen.",
    ],
)
def test_a_target_group_denied_in_so_many_words_is_a_no(tree: Tree, text: str):
    assert read_description(tree, text).facts["malgrupp"].option == "nej"


@pytest.mark.parametrize(
    "text",
    [
        # Review of session 37: the company hiring participants names no employer of the handledare.
        "En handledare från AF ska hjälpa kooperativet att anställa deltagarna, förbundet betalar via AF.",
        "Förbundet betalar en handledare via kommunen som hjälper kaféet att anställa deltagare.",
    ],
)
def test_a_company_hiring_participants_is_not_the_handledares_employer(tree: Tree, text: str):
    fact = read_description(tree, text).facts.get("handledare_anstalld")
    assert fact is None or fact.option != "hos_foretaget", fact


def test_staff_listening_to_a_lecturer_are_still_whom_it_is_for(tree: Tree):
    """Review of session 37: any speaker word in the clause removed the company's staff as whom it is for."""
    reading = read_description(
        tree, "Arbetsledarna på de sociala företagen ska få lyssna på en föreläsare om bemötande."
    )
    assert reading.facts["vem"].option == "asf_personal"


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        # Development sets 10 and 13 asked these back: joining an association, a lump sum or Swish, a storeroom
        # without rent, participants not chosen yet (in new wording here).
        ("stod_till_foretag", "förbundet går med i kooperativets förening", "medlem"),
        ("stod_till_foretag", "vi swishar en slant till ägaren", "pengar"),
        ("foretaget_far", "ett engångsbelopp på 50 000 kr", "pengar"),
        ("foretaget_far", "de får hålla till i förrådet utan hyra", "in_natura"),
        ("malgrupp", "vi har inte valt ut deltagarna ännu", "vet_inte"),
    ],
)
def test_a_typed_answer_in_everyday_words_for_money_things_membership_or_not_knowing_yet(
    tree: Tree, question: str, text: str, expected: str
):
    reading = read_answer(tree.questions[question], text)
    assert reading.option is not None and reading.option.id == expected, (text, reading)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Trial 57 (t57-4), in new wording: "de flesta" about something else after a yes for all of them.
        ("ja, alla har långa sjukskrivningar och de flesta har kontakt med soc också", "ja"),
        ("alla hör till målgruppen. de flesta av dem har också aktivitetsersättning", "ja"),
        # Still in part: some of them, all but some, or a "men".
        ("ja de flesta av dem", None),
        ("ja alla utom en", None),
        ("alla hör till målgruppen men vissa är osäkra", None),
        # Review of session 38: "i alla fall" and "förutom" still make it a yes in part.
        ("ja alla, de flesta i alla fall", None),
        ("ja alla hör dit förutom två", None),
    ],
)
def test_a_yes_for_all_of_them_is_a_yes_whatever_most_of_them_have(tree: Tree, text: str, expected: str | None):
    reading = read_answer(tree.questions["malgrupp"], text)
    assert (reading.option.id if reading.option else None) == expected, (text, reading)

"""A business named by its name reads as "företaget", with the name's own words in the quote."""

from __future__ import annotations

import pytest

from asf import recap
from asf.guidance import learned, swedish
from asf.guidance.model import Tree
from asf.guidance.understanding import read_answer, read_description


def companies(text: str) -> list[str]:
    """The stretches of `text` read as "företaget"."""
    return [text[t.start : t.end] for t in swedish.tokens(text) if t.word == "foretaget"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Kan vi betala en redovisningsbyrå åt Kafé Solrosen?", ["Kafé Solrosen"]),
        ("Deltagarna är på Snickeriet Hyveln i Tuna.", ["Snickeriet Hyveln"]),
        ("Vi vill stötta Cykelkällaren ASF.", ["Cykelkällaren ASF"]),
        ("Städglans i Norr AB har det svårt.", ["Norr AB"]),  # before a form, no joining word: "Ledningen på …"
        ("Bageriet Degen ek. för. söker pengar.", ["Bageriet Degen ek. för"]),
        ("Odlarna ekonomisk förening tar emot tre.", ["Odlarna ekonomisk förening"]),
        ("De är på Second Hand Vågen. Vågen vill växa.", ["Second Hand Vågen", "Vågen"]),
        ("Vågen är bra. Second Hand Vågen vill växa.", ["Vågen", "Second Hand Vågen"]),  # earlier mentions too
        ("Till Lindas Trädgård AB. Bidraget", ["Lindas Trädgård AB"]),  # the form is never part of the name
        # Only the name: never a party, a role or a word that begins the sentence before it.
        ("Arbetsförmedlingen och Returverket AB har ett avtal.", ["Returverket AB"]),
        ("Ledningen på Gröna Händer ASF behöver utbildning.", ["Gröna Händer ASF"]),
        ("Hos Returverket AB arbetstränar tre. Hos dem finns plats.", ["Returverket AB"]),
        ("Kafé Linden (Arbetsförmedlingen köper platser) behöver en handledare.", ["Kafé Linden"]),
        ("Second Hand Malmö säljer kläder. Malmö stad köper platser.", ["Second Hand Malmö"]),
        ("Second Hand Ystad tar emot. Enheten i Ystad vill", ["Second Hand Ystad"]),  # "i Ystad" is the place
        ("Förbundet vill betala hyran för Kafé Linden\nPraktikanterna behöver", ["Kafé Linden"]),  # not over a line
        ("Kan förbundet betala Returverket AB:s hyra?", ["Returverket AB"]),  # a genitive
        ("Enligt Gröna Händer ASF behövs det.", ["Gröna Händer ASF"]),
        ("Verkstaden Mekano i Lund tar emot. Mekano vill ha en svets.", ["Verkstaden Mekano", "Mekano"]),
        # One word ending in a kind of business, inside a sentence, with a genitive before it (trial 23, t23-13).
        ("De ska vara på Annas Syateljé två dagar.", ["Annas Syateljé"]),
        ("Kan vi hjälpa Cykelverkstan med en hemsida?", ["Cykelverkstan"]),
    ],
)
def test_a_named_business_is_one_word_for_the_company(text: str, names: list[str]):
    assert companies(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Vi vill ha en föreläsning i Västra Götaland om sociala företag.",  # a place, not a business
        "AF och FK köper platser på kaféet.",  # the parties
        "Tvätteriet i Ås tar emot deltagare.",  # a kind of business and a place: no name
        "De arbetstränar på kaféet? AF står för insatsen.",  # a name never reaches into the next sentence
        "Hur mycket kan ett ASF få?",  # "ASF" alone names no business
        "Flera ASF vill ha pengar. Tre ASF har sökt.",  # a word that begins a sentence, before "ASF"
        "Kommunens ASF-satsning och ASF:et i stan.",  # "ASF" beginning a compound or a definite form
        "Vi vill att restaurangen Region Skåne driver kaféet och bageriet AF.",  # a kind before a party
        "VI VILL STÖTTA BAGERIET DEGEN FÖR SINA DELTAGARE",  # in capitals throughout every word is capitalised
        "Kan förbundet köpa nya datorer till kaféet\nBrukare från psykiatrin är där",  # a new line, no name
        "Vi vill stärka Malmös ASF och Sveriges ASF.",  # a place's genitive before "ASF"
        "Bokcaféet är ett socialt företag.",  # a kind-word name at the start of a sentence is not taken alone
    ],
)
def test_capitals_alone_name_no_business(text: str):
    assert companies(text) == []


def test_money_to_a_named_business_is_support_to_the_company(tree: Tree):
    facts = read_description(tree, "Kan vi ge Städbolaget Glans AB 40 000 kr till en ny bil?").facts
    assert {q: f.option for q, f in facts.items()} == {"vem": "foretaget", "stod_till_foretag": "pengar"}
    assert "Städbolaget Glans AB" in facts["stod_till_foretag"].evidence  # the quote is the user's own words


def test_what_a_company_gets_is_for_the_company_when_no_participants_are_named(tree: Tree):
    """Read before as "what participants get: money, things or a service to the company where they are"."""
    for text in (
        "Kan förbundet stå för hyran för lokalen där Bageriet Degen håller till?",
        "kan vi ta hyran för asf:ets lokal",
    ):
        facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
        assert facts == {"vem": "foretaget", "stod_till_foretag": "in_natura"}, text


def test_participants_named_keep_who_it_is_for(tree: Tree):
    text = "Deltagarna på Bageriet Degen behöver nya datorer. Kan förbundet köpa in dem till bageriet?"
    facts = read_description(tree, text).facts
    assert facts["vem"].option == "deltagare"
    assert "stod_till_foretag" not in facts


def test_participants_named_in_other_words_keep_the_participants_route(tree: Tree):
    facts = read_description(tree, "Kan förbundet betala hyran för Kafé Linden? De har fem praktikanter.").facts
    assert "stod_till_foretag" not in facts and facts["vem"].option == "deltagare"
    assert facts["foretaget_far"].option == "in_natura"


def test_the_participants_two_questions_do_not_tie_with_the_staffs_one(tree: Tree):
    """Two questions on one quote once counted as one, tied with the company staff's route and emptied the reading."""
    text = "Kan förbundet betala lön till arbetsledaren på kaféet som handleder deltagarna?"
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts.get("insats_typ") == "till_foretaget" and facts.get("foretaget_far") == "pengar"


@pytest.mark.parametrize(
    ("question", "answer", "option"),
    [
        ("utforare", "Kommunen och Returverket AB", "kommunen"),  # one party; the company is no second party
        ("vem", "Deltagarna på Returverket AB", "deltagare"),
        ("vem", "Personalen på Returverket AB", "asf_personal"),
        ("handledare_anstalld", "Hos Bageriet Kärnan", "hos_foretaget"),
    ],
)
def test_a_typed_answer_naming_a_business_by_name(tree: Tree, question: str, answer: str, option: str):
    for models in (learned.WORDS_ONLY, learned.default_models()):
        reading = read_answer(tree.questions[question], answer, models=models)
        assert reading.option is not None and reading.option.id == option, (answer, models is learned.WORDS_ONLY)


def test_a_grant_to_a_business_named_with_ek_för_is_read_in_full(tree: Tree):
    facts = read_description(tree, "Kan förbundet ge Bageriet Degen ek. för. ett bidrag på 50 000 kr?").facts
    assert facts["stod_till_foretag"].option == "pengar"
    assert facts["stod_till_foretag"].evidence.endswith("ett bidrag på 50 000 kr")


def test_a_doubt_resting_on_the_same_words_quotes_them_once_and_names_the_answers(tree: Tree):
    text = "Kan förbundet ge Bageriet Degen AB 90 000 kr eller en ny lokal?"
    reading = read_description(tree, text)
    line = recap.conflict_text(tree, "stod_till_foretag", reading.conflicts["stod_till_foretag"])
    assert line.count("”Kan förbundet ge Bageriet") == 1 and " och ”" not in line
    assert "”Ge ett bidrag i pengar till företaget eller företagaren” eller ”Ge företaget saker" in line

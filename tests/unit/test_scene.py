"""A relative clause about where participants already are is the scene, not what the initiative pays for."""

from __future__ import annotations

import pytest

from asf.guidance import scene, swedish
from asf.guidance.model import Tree
from asf.guidance.understanding import read_description


def clauses(text: str) -> list[str]:
    return [text[a:b] for a, b in scene.scene_clauses(swedish.tokens(text))]


def test_a_clause_about_the_participants_or_the_company_is_found_and_ends_before_the_main_verb():
    assert clauses("Deltagarna som praktiserar på tryckeriet behöver nya skor.") == ["som praktiserar på tryckeriet"]
    assert clauses("En rådgivare till kooperativet där våra deltagare arbetstränar.") == [
        "där våra deltagare arbetstränar"
    ]
    assert clauses("Förbundet anställer någon som handleder.") == []  # not about the participants or the company
    assert clauses("Deltagare som idag arbetstränar på ett socialt företag i stan.") == [
        "som idag arbetstränar på ett socialt företag"
    ]
    # It ends with its place: what follows "och" is no longer the scene.
    assert clauses("En handledare för deltagare som arbetstränar på kaféet och en diskmaskin.") == [
        "som arbetstränar på kaféet"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Förbundet vill ge deltagare som är långtidssjukskrivna praktik i en butik.",  # no place right after "är …"
        "Förbundet köper platser hos Kafé Linden som arbetsträning för deltagare.",  # "som" meaning "as"
        "Vi vill anställa tidigare deltagare som handledare på kaféet.",
        "Många deltagare som handledare har träffat behöver arbetsträning.",
    ],
)
def test_other_clauses_are_no_scene(text: str):
    assert clauses(text) == []


def test_what_the_company_gets_is_read_beside_a_clause_saying_the_participants_work_train_there(tree: Tree):
    text = "Förbundet vill betala en affärscoach till bageriet där deltagarna arbetstränar."
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts.get("insats_typ") == "till_foretaget"
    assert facts.get("foretaget_far") == "tjanst"


def test_work_training_in_such_a_clause_is_still_read_when_nothing_else_is_asked_for(tree: Tree):
    text = "Vi vill köpa platser via kommunen åt deltagare som ska arbetsträna på Kafé Linden."
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts.get("insats_typ") == "arbetsforberedande"


def test_work_training_bought_as_such_stays_beside_another_part(tree: Tree):
    text = (
        "Förbundet vill köpa in platser hos Kafé Linden som arbetsträning för deltagare, och kaféet vill ha en coach."
    )
    facts = {q: f.option for q, f in read_description(tree, text).facts.items()}
    assert facts.get("insats_typ") == "arbetsforberedande"


def test_where_participants_train_today_is_no_request_beside_their_wages(tree: Tree):
    """Trial 23 (t23-11): wages for participants to be employed "där de arbetstränar idag" were read as work training
    and approved on conditions."""
    text = "Kan förbundet stå för lönekostnaden för tre som ska anställas på Degen AB, där de praktiserar idag via AF?"
    assert clauses(text) == ["där de praktiserar"]
    reading = read_description(tree, text)
    assert "insats_typ" not in reading.facts
    assert reading.must_nots["asf_personal_stod"].option == "ersattning"  # the wage: a part to avoid, asked about


def test_places_bought_outside_the_scene_keep_the_work_training(tree: Tree):
    text = (
        "Vi vill köpa fler platser på Degen AB, där våra deltagare arbetstränar idag, och ge dem ett bidrag till ugnen."
    )
    assert read_description(tree, text).facts["insats_typ"].option == "arbetsforberedande"
    assert clauses("Kafé Linden: där arbetstränar de.") == ["där arbetstränar"]  # after a colon too

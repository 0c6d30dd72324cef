"""The understanding evaluation (bench/understanding.py) scores what it claims to score."""

from __future__ import annotations

import pytest

from asf.guidance import learned, understanding
from asf.guidance.model import Tree
from asf.guidance.understanding import Fact, Reading
from bench import understanding as evaluation

PARTICIPANTS = {
    "id": "x1",
    "text": "Kommunen köper arbetsträningsplatser åt deltagare",
    "facts": {"vem": "deltagare", "insats_typ": "arbetsforberedande", "utforare": "kommunen"},
    "verdicts": ["conditional"],
}


def reading_of(facts: dict[str, str]) -> Reading:
    return Reading({q: Fact(q, o, "ord") for q, o in facts.items()})


def test_a_right_reading_scores_full_precision(tree: Tree, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(understanding, "read_description", lambda tree, text, models: reading_of({"vem": "deltagare"}))
    score = evaluation.score_descriptions(tree, [PARTICIPANTS], [learned.WORDS_ONLY])
    assert (score.proposed, score.correct, score.stated, score.wrong_verdicts) == (1, 1, 3, 0)


def test_a_wrong_fact_that_opens_a_must_not_counts_as_a_wrong_verdict(tree: Tree, monkeypatch: pytest.MonkeyPatch):
    wrong = {"vem": "foretaget", "stod_till_foretag": "pengar"}
    monkeypatch.setattr(understanding, "read_description", lambda tree, text, models: reading_of(wrong))
    score = evaluation.score_descriptions(tree, [PARTICIPANTS], [learned.WORDS_ONLY])
    assert (score.proposed, score.correct, score.wrong_verdicts) == (2, 0, 1)
    assert "x1" in score.misread[0]
    # "vem" contradicts the gold; "stod_till_foretag" is a question the gold leaves unstated.
    assert score.contradicting == 1


def test_assumed_lines_are_counted_apart_and_still_scored(tree: Tree, monkeypatch: pytest.MonkeyPatch):
    """A line the summary marks as assumed ("– det antar jag") is a proposed fact like any other; the count of them,
    and of the wrong ones, says how much of the precision they account for."""
    facts = {"vem": "parter_och_aktorer", "insats_typ": "arbetsforberedande"}
    reading = Reading({q: Fact(q, o, "ord") for q, o in facts.items()}, implied=frozenset({"vem"}))
    monkeypatch.setattr(understanding, "read_description", lambda tree, text, models: reading)
    score = evaluation.score_descriptions(tree, [PARTICIPANTS], [learned.WORDS_ONLY])
    assert (score.proposed, score.correct, score.assumed, score.assumed_wrong) == (2, 1, 1, 1)


def test_questions_after_a_summary_count_only_what_is_still_open(tree: Tree):
    gold = {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "arbetsforberedande", "utforare": "kommunen"}
    gold |= {"pengavag": "via_part"}
    assert evaluation.questions_after(tree, gold, gold, {"conditional"}) == 0
    assert evaluation.questions_after(tree, {"vem": "deltagare"}, gold, {"conditional"}) == 4


def test_typed_answers_count_asking_back_as_right_only_when_the_gold_is_unclear(tree: Tree):
    items = [
        {"id": "a", "question": "utforare", "text": "kommunen", "gold": "kommunen"},
        {"id": "b", "question": "utforare", "text": "kommunen", "gold": "regionen"},
        {"id": "c", "question": "utforare", "text": "blåbär", "gold": "oklart"},
        {"id": "d", "question": "utforare", "text": "blåbär", "gold": "regionen"},
    ]
    score = evaluation.score_answers(tree, items, [learned.WORDS_ONLY] * len(items))
    assert (score.total, score.right, score.recorded_wrongly) == (4, 2, 1)


def test_the_held_out_half_is_never_shown(capsys: pytest.CaptureFixture[str]):
    assert evaluation.main(["--set", "heldout", "--show"]) == 2
    assert "visas aldrig" in capsys.readouterr().err

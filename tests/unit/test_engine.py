"""The engine, table-driven: every outcome of the tree is reached by at least
one row, and each row checks the verdict, the conditions and the citations."""

from __future__ import annotations

import pytest

from asf.guidance.engine import AnswerError, back, reopen, walk
from asf.guidance.explain import all_cites, result_payload, result_text
from asf.guidance.model import Option, Route, Statement, Tree

PARTICIPANTS = {"vem": "deltagare", "malgrupp": "ja"}

# (answers, outcome id, verdict, words each condition must contain, citation keys the result must include)
CASES = [
    (
        {"vem": "parter_och_aktorer", "strukturell_typ": "samordnare"},
        "strukturell_insats",
        "financeable",
        [],
        ["uppdrag/punkt-2", "strukturovergripande/punkt-1"],
    ),
    (
        {"vem": "parter_och_aktorer", "strukturell_typ": "evenemang"},
        "strukturell_insats",
        "financeable",
        [],
        ["strukturovergripande/punkt-6"],
    ),
    (
        {"vem": "parter_och_aktorer", "strukturell_typ": "policy"},
        "strukturell_insats",
        "financeable",
        [],
        ["strukturovergripande/punkt-5"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "regionen", "pengavag": "via_part"},
        "individ_via_part",
        "conditional",
        ["Regionen står för insatsen", "via regionen", "målgrupp", "leverantör"],
        ["lag/7 §", "individriktade/stycke-1", "individriktade/punkt-1", "inledning/stycke-3"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "utbildning_om_asf", "utforare": "arbetsformedlingen", "pengavag": "vet_inte"},
        "individ_via_part",
        "conditional",
        ["Arbetsförmedlingen står", "via Arbetsförmedlingen"],
        ["individriktade/punkt-2"],
    ),
    (
        {
            **PARTICIPANTS,
            "insats_typ": "handledare",
            "handledare_anstalld": "hos_part",
            "utforare": "kommunen",
            "pengavag": "via_part",
        },
        "individ_via_part",
        "conditional",
        ["Kommunen står", "via kommunen"],
        ["individriktade/punkt-3"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "ingen_an"},
        "part_saknas",
        "conditional",
        ["En av parterna", "via den parten", "målgrupp"],
        ["lag/7 §"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "forbundet"},
        "forbundet_utfor_sjalv",
        "not_financeable",
        [],
        ["lag/7 §"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "handledare", "handledare_anstalld": "hos_forbundet"},
        "forbundet_utfor_sjalv",
        "not_financeable",
        [],
        ["lag/7 §"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "kommunen", "pengavag": "direkt"},
        "pengar_direkt_till_foretag",
        "not_financeable",
        [],
        ["individriktade/stycke-1", "undvik/punkt-1"],
    ),
    ({"vem": "foretaget", "stod_till_foretag": "pengar"}, "kontantbidrag", "not_financeable", [], ["undvik/punkt-1"]),
    (
        {"vem": "asf_personal", "asf_personal_stod": "ersattning"},
        "kontantbidrag",
        "not_financeable",
        [],
        ["undvik/punkt-1"],
    ),
    (
        {"vem": "foretaget", "stod_till_foretag": "starta_utveckla"},
        "starta_utveckla_asf",
        "not_financeable",
        [],
        ["undvik/punkt-2"],
    ),
    (
        {"vem": "parter_och_aktorer", "strukturell_typ": "radgivning_ett_foretag"},
        "starta_utveckla_asf",
        "not_financeable",
        [],
        ["undvik/punkt-2"],
    ),
    ({"vem": "foretaget", "stod_till_foretag": "medlem"}, "medlemskap", "not_financeable", [], ["undvik/punkt-3"]),
    (
        {"vem": "parter_och_aktorer", "strukturell_typ": "medlemskap_organisation"},
        "medlemskap",
        "not_financeable",
        [],
        ["undvik/punkt-3"],
    ),
    (
        {"vem": "asf_personal", "asf_personal_stod": "kompetensutveckling"},
        "kompetensutveckling_asf",
        "not_financeable",
        [],
        ["undvik/punkt-4", "individriktade/punkt-2"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "startbidrag"},
        "startbidrag_deltagare",
        "not_financeable",
        [],
        ["undvik/punkt-1", "undvik/punkt-2"],
    ),
    (
        {"vem": "deltagare", "malgrupp": "nej"},
        "utanfor_malgrupp",
        "not_financeable",
        [],
        ["individriktade/stycke-1", "inledning/stycke-1"],
    ),
    ({"vem": "annan"}, "utanfor_vagledningen", "out_of_scope", [], ["uppdrag/stycke-2"]),
    (
        {
            "vem": "foretaget",
            "stod_till_foretag": "kopa_tjanster",
            "malgrupp": "ja",
            "insats_typ": "arbetsforberedande",
            "utforare": "kommunen",
            "pengavag": "via_part",
        },
        "individ_via_part",
        "conditional",
        ["Kommunen står"],
        ["inledning/stycke-3", "individriktade/punkt-1"],
    ),
    (
        {"vem": "asf_personal", "asf_personal_stod": "sjalva_deltagare", "malgrupp": "ja", "insats_typ": "startbidrag"},
        "startbidrag_deltagare",
        "not_financeable",
        [],
        ["undvik/punkt-1"],
    ),
]


@pytest.mark.parametrize(("answers", "outcome_id", "verdict", "condition_words", "cite_keys"), CASES)
def test_each_path_reaches_its_outcome(tree: Tree, answers, outcome_id, verdict, condition_words, cite_keys):
    result = walk(tree, answers)
    assert result.outcome is not None and result.outcome.id == outcome_id
    assert result.outcome.verdict == verdict
    conditions = " ".join(result.fill(c.text) for c in result.outcome.conditions)
    for words in condition_words:
        assert words in conditions
    assert (verdict == "conditional") == bool(result.outcome.conditions)
    keys = {cite.key for cite in all_cites(result)}
    assert set(cite_keys) <= keys
    assert not result.unused


def test_every_outcome_has_a_case(tree: Tree):
    assert {case[1] for case in CASES} == set(tree.outcomes)


def test_unanswered_tree_asks_the_start_question(tree: Tree):
    result = walk(tree, {})
    assert result.question is not None and result.question.id == tree.start
    assert result.steps == () and result.outcome is None


def test_partial_answers_return_next_question_and_path(tree: Tree):
    result = walk(tree, {"vem": "deltagare", "malgrupp": "ja"})
    assert result.question is not None and result.question.id == "insats_typ"
    assert [(s.question.id, s.option.id) for s in result.steps] == [("vem", "deltagare"), ("malgrupp", "ja")]
    assert all(step.cites for step in result.steps)


def test_changing_an_early_answer_drops_answers_that_no_longer_apply(tree: Tree):
    answers = {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "kommunen", "pengavag": "via_part"}
    changed = walk(tree, {**answers, "vem": "foretaget", "stod_till_foretag": "medlem"})
    assert changed.outcome is not None and changed.outcome.id == "medlemskap"
    assert set(changed.unused) == {"malgrupp", "insats_typ", "utforare", "pengavag"}


def test_changing_an_answer_keeps_later_answers_that_still_apply(tree: Tree):
    answers = {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "kommunen", "pengavag": "via_part"}
    reopened = reopen(tree, answers, "utforare")
    assert walk(tree, reopened).question.id == "utforare"  # type: ignore[union-attr]
    result = walk(tree, {**reopened, "utforare": "regionen"})
    assert result.outcome is not None and result.outcome.id == "individ_via_part"
    assert result.used["pengavag"] == "via_part"
    assert "via regionen" in result_text(tree, result)


def test_back_removes_the_last_answer_on_the_path(tree: Tree):
    answers = {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "startbidrag"}
    assert back(tree, answers) == {"vem": "deltagare", "malgrupp": "ja"}
    assert back(tree, {}) == {}


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"finns_inte": "ja"}, "ingen fråga med id 'finns_inte'"),
        ({"vem": "marsianer"}, "inget svarsalternativ 'marsianer'"),
        ({"vem": 3}, "Ogiltigt svar"),
        (["vem", "deltagare"], "samling fråga → svar"),
    ],
)
def test_malformed_answers_are_clear_errors(tree: Tree, answers, message):
    with pytest.raises(AnswerError, match=message):
        walk(tree, answers)


def test_reopen_unknown_question_is_an_error(tree: Tree):
    with pytest.raises(AnswerError, match="ingen fråga"):
        reopen(tree, {}, "nope")


def test_result_payload_is_the_integration_contract(tree: Tree):
    answers = {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "regionen", "pengavag": "via_part"}
    payload = result_payload(tree, walk(tree, answers))
    assert payload["verdict"] == "conditional"
    assert payload["outcome_id"] == "individ_via_part"
    assert payload["answers"] == answers
    assert payload["tree_version"] == tree.version
    assert [step["question_id"] for step in payload["path"]] == list(answers)
    assert all(step["cites"] for step in payload["path"])
    assert any("7 §" in cite["text"] for cite in payload["cites"])


def test_a_route_leads_elsewhere_only_when_an_earlier_answer_matches():
    option = Option(id="x", label="X", next="a", routes=(Route(answered={"q": ("y", "w")}, next="b"),))
    assert option.target({}) == "a"
    assert option.target({"q": "y"}) == "b" and option.target({"q": "w"}) == "b"
    assert option.target({"q": "z"}) == "a"


def test_cite_answer_adds_the_chosen_options_citations(tree: Tree):
    result = walk(tree, {"vem": "parter_och_aktorer", "strukturell_typ": "samordnare"})
    statement = Statement(text="t", cites=(), cite_answer="strukturell_typ")
    chosen = tree.questions["strukturell_typ"].option("samordnare")
    assert chosen is not None and result.cites_of(statement) == chosen.cites
    assert result.cites_of(Statement(text="t", cites=(), cite_answer="insats_typ")) == ()

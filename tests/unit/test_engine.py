"""The engine, table-driven: every outcome of the tree is reached by at least
one row, and each row checks the verdict, the conditions and the citations."""

from __future__ import annotations

import pytest

from asf.guidance.engine import AnswerError, back, reopen, walk
from asf.guidance.explain import all_cites, result_payload, result_text
from asf.guidance.model import Option, Route, Statement, Tree

PARTICIPANTS = {"vem": "deltagare", "malgrupp": "ja"}
KNOWLEDGE = {"vem": "parter_och_aktorer"}
OWN_COSTS = {"mottagare": "egen_verksamhet"}

# (answers, outcome id, verdict, words each condition must contain, citation keys the result must include)
CASES = [
    (
        {**KNOWLEDGE, "strukturell_typ": "samordnare", **OWN_COSTS},
        "strukturell_insats",
        "financeable",
        [],
        ["strukturovergripande/stycke-1", "strukturovergripande/punkt-1"],
    ),
    (
        {**KNOWLEDGE, "strukturell_typ": "evenemang", **OWN_COSTS},
        "strukturell_insats",
        "financeable",
        [],
        ["strukturovergripande/punkt-6"],
    ),
    (
        {"vem": "allmanheten", "strukturell_typ": "policy", **OWN_COSTS},
        "strukturell_insats",
        "financeable",
        [],
        ["strukturovergripande/punkt-5"],
    ),
    (
        {**KNOWLEDGE, "strukturell_typ": "annan_kunskap", **OWN_COSTS},
        "strukturell_villkor",
        "conditional",
        ["sprida kunskap", "egen verksamhet", "Nationella rådet bedömer"],
        ["uppdrag/punkt-2", "uppdrag/stycke-2", "strukturovergripande/stycke-1", "undvik/stycke-1"],
    ),
    (
        {**KNOWLEDGE, "strukturell_typ": "mojligheter", "mottagare": "vet_inte"},
        "strukturell_villkor",
        "conditional",
        ["egen verksamhet"],
        ["strukturovergripande/punkt-3"],
    ),
    (
        {**KNOWLEDGE, "strukturell_typ": "evenemang", "mottagare": "ett_foretag"},
        "stod_till_ett_foretag",
        "not_financeable",
        [],
        ["undvik/punkt-1", "undvik/punkt-2"],
    ),
    (
        {**KNOWLEDGE, "strukturell_typ": "radgivning_ett_foretag"},
        "stod_till_ett_foretag",
        "not_financeable",
        [],
        ["undvik/punkt-2"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "regionen", "pengavag": "via_part"},
        "individ_via_part",
        "conditional",
        ["Regionen ska ansvara för insatsen", "via regionen", "målgrupp"],
        ["lag/7 §", "lag/2 §", "individriktade/stycke-1", "individriktade/punkt-1", "inledning/stycke-3"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "utbildning_om_asf", "utforare": "arbetsformedlingen", "pengavag": "vet_inte"},
        "individ_via_part",
        "conditional",
        ["Arbetsförmedlingen ska", "via Arbetsförmedlingen"],
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
        ["Kommunen ska", "via kommunen"],
        ["individriktade/punkt-3"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "flera_parter", "pengavag": "via_part"},
        "individ_via_part",
        "conditional",
        ["Parterna ska ansvara för insatsen", "via parterna"],
        ["lag/7 §"],
    ),
    (
        {
            **PARTICIPANTS,
            "insats_typ": "handledare",
            "handledare_anstalld": "hos_foretaget",
            "utforare": "kommunen",
            "pengavag": "via_part",
        },
        "handledare_hos_foretaget",
        "conditional",
        ["Kommunen ska ansvara", "via kommunen"],
        ["individriktade/punkt-3", "individriktade/stycke-1", "lag/2 §"],
    ),
    (
        {
            **PARTICIPANTS,
            "insats_typ": "handledare",
            "handledare_anstalld": "hos_foretaget",
            "utforare": "regionen",
            "pengavag": "vet_inte",
        },
        "handledare_hos_foretaget",
        "conditional",
        ["via regionen"],
        ["individriktade/punkt-3"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "ingen_an"},
        "part_saknas",
        "conditional",
        ["En av parterna", "via den part", "målgrupp"],
        ["lag/7 §", "lag/2 §"],
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
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "ingen_part_direkt"},
        "forbundet_betalar_direkt",
        "not_financeable",
        [],
        ["individriktade/stycke-1", "lag/7 §"],
    ),
    (
        {
            **PARTICIPANTS,
            "insats_typ": "handledare",
            "handledare_anstalld": "hos_foretaget",
            "utforare": "ingen_part_direkt",
        },
        "forbundet_betalar_direkt",
        "not_financeable",
        [],
        ["individriktade/stycke-1"],
    ),
    (
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "kommunen", "pengavag": "direkt"},
        "pengar_direkt_till_foretag",
        "not_financeable",
        [],
        ["individriktade/stycke-1"],
    ),
    ({"vem": "foretaget", "stod_till_foretag": "pengar"}, "kontantbidrag", "not_financeable", [], ["undvik/punkt-1"]),
    (
        {"vem": "asf_personal", "asf_personal_stod": "ersattning"},
        "kontantbidrag",
        "not_financeable",
        [],
        ["undvik/punkt-1"],
    ),
    ({"vem": "foretaget", "stod_till_foretag": "lan"}, "lan_till_foretag", "out_of_scope", [], ["undvik/punkt-1"]),
    (
        {"vem": "foretaget", "stod_till_foretag": "in_natura"},
        "stod_in_natura",
        "not_financeable",
        [],
        ["undvik/punkt-1", "undvik/punkt-2"],
    ),
    (
        {"vem": "foretaget", "stod_till_foretag": "starta_utveckla"},
        "starta_utveckla_asf",
        "not_financeable",
        [],
        ["undvik/punkt-2"],
    ),
    (
        {"vem": "foretaget", "stod_till_foretag": "medlem", "medlem_vem": "forbundet"},
        "medlemskap",
        "not_financeable",
        [],
        ["undvik/punkt-3"],
    ),
    (
        {**KNOWLEDGE, "strukturell_typ": "medlemskap_organisation", "medlem_vem": "forbundet"},
        "medlemskap",
        "not_financeable",
        [],
        ["undvik/punkt-3"],
    ),
    (
        {**KNOWLEDGE, "strukturell_typ": "medlemskap_organisation", "medlem_vem": "en_part"},
        "medlemskap_part",
        "out_of_scope",
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
        ["lag/2 §", "individriktade/stycke-1"],
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
        ["Kommunen ska"],
        ["inledning/stycke-3", "individriktade/punkt-1"],
    ),
    (
        {"vem": "asf_personal", "asf_personal_stod": "sjalva_deltagare", "malgrupp": "ja", "insats_typ": "startbidrag"},
        "startbidrag_deltagare",
        "not_financeable",
        [],
        ["undvik/punkt-1"],
    ),
    # Money or goods the förbund gives the company the participants are at: the same assessment as
    # when the first answer is "a company" (tree 2.1.0; before, "Något annat" and "not covered").
    (
        {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "till_foretaget", "foretaget_far": "pengar"},
        "kontantbidrag",
        "not_financeable",
        [],
        ["undvik/punkt-1"],
    ),
    # The company's own membership fee paid by the förbund (tree 2.2.0; trial 9 had no answer for it).
    (
        {"vem": "foretaget", "stod_till_foretag": "medlem", "medlem_vem": "foretaget"},
        "medlemsavgift_foretag",
        "not_financeable",
        [],
        ["undvik/punkt-1", "undvik/punkt-3"],
    ),
    (
        {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "till_foretaget", "foretaget_far": "in_natura"},
        "stod_in_natura",
        "not_financeable",
        [],
        ["undvik/punkt-1"],
    ),
    # A service the förbund pays for the company the participants are at, such as a website (tree 2.5.0;
    # before, "Något annat" and "not covered"): the same as that service on the company's own route.
    (
        {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "till_foretaget", "foretaget_far": "tjanst"},
        "stod_till_ett_foretag",
        "not_financeable",
        [],
        ["undvik/punkt-1", "undvik/punkt-2"],
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
    changed = walk(tree, {**answers, "vem": "foretaget", "stod_till_foretag": "medlem", "medlem_vem": "forbundet"})
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


# --- Issue 15, corrections ---------------------------------------------------------
# One row per correction: the answers, the outcome and verdict they must reach, phrases
# the result text must hold, phrases it must not hold, and citation keys the reasons and
# conditions must (and must not) rest on.
HELD_FOR = {**PARTICIPANTS, "insats_typ": "handledare", "handledare_anstalld": "hos_foretaget"}
CORRECTIONS = [
    pytest.param(
        {**KNOWLEDGE, "strukturell_typ": "annan_kunskap", **OWN_COSTS},
        "strukturell_villkor",
        "conditional",
        [
            "insatser såsom de som räknas upp",
            "sprida kunskap om arbetsintegrerande sociala företag eller stödja samverkan",
            "visst företag",
        ],
        ["Vägledningen täcker inte insatsen."],
        ["strukturovergripande/stycke-1", "uppdrag/punkt-2"],
        [],
        id="examples are not a closed list",
    ),
    pytest.param(
        {"vem": "foretaget", "stod_till_foretag": "lan"},
        "lan_till_foretag",
        "out_of_scope",
        ["Vägledningen nämner inte lån", "ett lån är inget bidrag", "Fråga förbundets kansli"],
        ["kontantbidrag till företaget"],
        ["undvik/punkt-1"],
        [],
        id="a loan is not called a grant",
    ),
    pytest.param(
        {"vem": "foretaget", "stod_till_foretag": "in_natura"},
        "stod_in_natura",
        "not_financeable",
        ["är inget kontantbidrag", "Det här är en tolkning"],
        [],
        ["undvik/punkt-1", "undvik/punkt-2", "undvik/stycke-1"],
        [],
        id="support in kind",
    ),
    pytest.param(
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "flera_parter", "pengavag": "via_part"},
        "individ_via_part",
        "conditional",
        ["Parterna ska ansvara för insatsen", "via parterna"],
        ["{svar"],
        ["lag/7 §", "individriktade/stycke-1"],
        [],
        id="several parties jointly",
    ),
    pytest.param(
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "ingen_part_direkt"},
        "forbundet_betalar_direkt",
        "not_financeable",
        ["alltid gå via den part som har upphandlat", "Här finns ingen sådan part"],
        ["bidrag"],
        ["individriktade/stycke-1", "lag/7 §"],
        ["undvik/punkt-1"],
        id="no party, the förbund pays the company directly",
    ),
    pytest.param(
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "kommunen", "pengavag": "direkt"},
        "pengar_direkt_till_foretag",
        "not_financeable",
        ["alltid gå via den part som har upphandlat verksamheten, här kommunen"],
        ["bidrag"],
        ["individriktade/stycke-1"],
        ["undvik/punkt-1"],
        id="paying for delivered services is not a grant",
    ),
    pytest.param(
        {"vem": "allmanheten", "strukturell_typ": "evenemang", **OWN_COSTS},
        "strukturell_insats",
        "financeable",
        ["arrangera inspirationsdagar, seminarier eller studiebesök"],
        ["samverkan mellan parterna", "parternas personal"],
        ["strukturovergripande/punkt-6"],
        ["uppdrag/punkt-2"],
        id="an audience open to everyone",
    ),
    pytest.param(
        {**KNOWLEDGE, "strukturell_typ": "medlemskap_organisation", "medlem_vem": "en_part"},
        "medlemskap_part",
        "out_of_scope",
        ["en av parterna som blir medlem", "säger inget om", "Fråga förbundets kansli"],
        [],
        ["undvik/punkt-3", "undvik/stycke-1"],
        [],
        id="a party is the member, the förbund would pay the fee",
    ),
    pytest.param(
        {**KNOWLEDGE, "strukturell_typ": "evenemang", "mottagare": "ett_foretag"},
        "stod_till_ett_foretag",
        "not_financeable",
        ["ett visst företag", "också när det ingår i en annan insats, till exempel för kunskap och samverkan"],
        [],
        ["undvik/punkt-1", "undvik/punkt-2"],
        [],
        id="money to one company in the knowledge branch is support to that company",
    ),
    pytest.param(
        {**KNOWLEDGE, "strukturell_typ": "paverkan", **OWN_COSTS},
        "strukturell_insats",
        "financeable",
        ["bedriva strategiskt påverkansarbete", "egen verksamhet"],
        [],
        ["strukturovergripande/punkt-4"],
        ["uppdrag/punkt-2", "strukturovergripande/punkt-6"],
        id="the parties' own costs are not support to a company, and the example's point is cited",
    ),
    pytest.param(
        {**HELD_FOR, "utforare": "kommunen", "pengavag": "via_part"},
        "handledare_hos_foretaget",
        "conditional",
        ["anställd hos någon av parterna", "så insatsen är inte det förslaget", "via kommunen"],
        [],
        ["individriktade/punkt-3", "individriktade/stycke-1"],
        [],
        id="a handledare employed by the company",
    ),
    pytest.param(
        {"vem": "foretaget", "stod_till_foretag": "pengar"},
        "kontantbidrag",
        "not_financeable",
        ["Nationella rådet bedömer", "lagstiftarens intentioner"],
        ["hör inte till förbundets uppgifter", "inte förbundets uppgift"],
        ["undvik/stycke-1", "undvik/punkt-1"],
        [],
        id="must-nots are the council's assessment of the legislator's intentions",
    ),
    pytest.param(
        {**PARTICIPANTS, "insats_typ": "arbetsforberedande", "utforare": "regionen", "pengavag": "via_part"},
        "individ_via_part",
        "conditional",
        ["kan ses som vilket företag eller vilken arbetsgivare som helst"],
        ["leverantör", "upphandlingsregler", "regler för inköp", "vanliga regler"],
        ["inledning/stycke-3", "lag/2 §"],
        ["inledning/stycke-1"],
        id="like any company or employer, no procurement rules, target group from 2 §",
    ),
    pytest.param(
        {"vem": "foretaget", "stod_till_foretag": "medlem", "medlem_vem": "forbundet"},
        "medlemskap",
        "not_financeable",
        ["vägledningen nämner inte nätverk", "Det här är en tolkning"],
        ["ett nätverk är en intresseorganisation"],
        ["undvik/punkt-3", "undvik/stycke-1"],
        [],
        id="a network is not an interest organisation",
    ),
    pytest.param(
        {"vem": "foretaget", "stod_till_foretag": "starta_utveckla"},
        "starta_utveckla_asf",
        "not_financeable",
        ["Vägledningen nämner inte att äga", "Det här är en tolkning"],
        ["hör inte till förbundets uppgifter"],
        ["undvik/punkt-2"],
        [],
        id="owning is marked as a reading",
    ),
    pytest.param(
        {"vem": "deltagare", "malgrupp": "nej"},
        "utanfor_malgrupp",
        "not_financeable",
        ["2 § lagen (2003:1210)", "som vägledningen bygger på"],
        [],
        ["lag/2 §"],
        ["inledning/stycke-1"],
        id="the target group is defined by 2 § of the law",
    ),
]


@pytest.mark.parametrize(("answers", "outcome_id", "verdict", "says", "never", "rests_on", "not_on"), CORRECTIONS)
def test_corrections_of_issue_15(tree: Tree, answers, outcome_id, verdict, says, never, rests_on, not_on):
    result = walk(tree, answers)
    assert result.outcome is not None and result.outcome.id == outcome_id
    assert result.outcome.verdict == verdict
    text = result_text(tree, result)
    for phrase in says:
        assert phrase in text, phrase
    for phrase in never:
        assert phrase not in text, phrase
    statements = (*result.outcome.reasons, *result.outcome.conditions)
    keys = {cite.key for statement in statements for cite in result.cites_of(statement)}
    assert set(rests_on) <= keys
    assert not set(not_on) & keys


def test_readings_are_marked_in_the_text_and_the_payload(tree: Tree):
    answers = {"vem": "foretaget", "stod_till_foretag": "in_natura"}
    result = walk(tree, answers)
    payload = result_payload(tree, result)
    assert [r["reading"] for r in payload["reasons"]] == [False, True]
    assert result_text(tree, result).count("Det här är en tolkning") == 1


def test_each_structural_example_is_named_and_its_point_cited(tree: Tree):
    question = tree.questions["strukturell_typ"]
    examples = [option for option in question.options if option.next == "mottagare" and option.id != "annan_kunskap"]
    assert len(examples) == 6
    for option in examples:
        result = walk(tree, {**KNOWLEDGE, "strukturell_typ": option.id, **OWN_COSTS})
        assert result.outcome is not None and result.outcome.id == "strukturell_insats"
        first = result.outcome.reasons[0]
        assert option.in_text is not None and option.in_text in result.fill(first.text)
        assert {cite.key for cite in option.cites} <= {cite.key for cite in result.cites_of(first)}


def test_a_route_applies_only_when_the_earlier_answer_is_on_the_path(tree: Tree):
    via_party = {**PARTICIPANTS, "utforare": "kommunen", "pengavag": "via_part"}
    at_company = walk(tree, {**via_party, "insats_typ": "handledare", "handledare_anstalld": "hos_foretaget"})
    at_party = walk(tree, {**via_party, "insats_typ": "handledare", "handledare_anstalld": "hos_part"})
    assert at_company.outcome is not None and at_company.outcome.id == "handledare_hos_foretaget"
    assert at_party.outcome is not None and at_party.outcome.id == "individ_via_part"
    # An answer to the same question that is not on the path does not route.
    stray = walk(tree, {**via_party, "insats_typ": "arbetsforberedande", "handledare_anstalld": "hos_foretaget"})
    assert stray.outcome is not None and stray.outcome.id == "individ_via_part"
    assert stray.unused == {"handledare_anstalld": "hos_foretaget"}


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

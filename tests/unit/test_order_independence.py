"""The same facts reach the same verdict, whichever first answer a careful user picks.

Each scenario is a set of facts and every path through the tree that a careful user
could take for it: a different first answer (the initiative is for the participants, or
it reaches us as a request from the company), a different but fitting description of
the same thing, and the answers given in any order. All paths of a scenario must end at
one verdict.
"""

from __future__ import annotations

import itertools

import pytest

from asf.guidance.engine import walk
from asf.guidance.model import Tree

P = {"vem": "deltagare", "malgrupp": "ja"}
VIA_COMPANY = {"vem": "foretaget", "stod_till_foretag": "kopa_tjanster", "malgrupp": "ja"}
AS_STAFF = {"vem": "asf_personal", "asf_personal_stod": "sjalva_deltagare", "malgrupp": "ja"}
KNOWLEDGE = {"vem": "parter_och_aktorer"}
PUBLIC = {"vem": "allmanheten"}
OWN = {"mottagare": "egen_verksamhet"}

# scenario -> (verdict, [paths a careful user could take])
#
# Not in the table, on purpose: an initiative a user may file either as one of the six
# named examples or as "another initiative for knowledge or cooperation" (an education
# day for a party's staff: a seminar, or something else?). The first gives "kan
# finansieras", the second "kan finansieras på villkor" with conditions the example
# already meets. The two are consistent but not one verdict; the question's help text
# asks the user to pick an example when the initiative is like one.
SCENARIOS = {
    "a party buys work training places at a social enterprise, money via the party": (
        "conditional",
        [
            {**P, "insats_typ": "arbetsforberedande", "utforare": "kommunen", "pengavag": "via_part"},
            {**VIA_COMPANY, "insats_typ": "arbetsforberedande", "utforare": "kommunen", "pengavag": "via_part"},
        ],
    ),
    "two parties jointly buy places": (
        "conditional",
        [
            {**P, "insats_typ": "arbetsforberedande", "utforare": "flera_parter", "pengavag": "via_part"},
            {**VIA_COMPANY, "insats_typ": "arbetsforberedande", "utforare": "flera_parter", "pengavag": "via_part"},
        ],
    ),
    "employees of the enterprise who are themselves participants, Försäkringskassan buys support": (
        "conditional",
        [
            {**P, "insats_typ": "arbetsforberedande", "utforare": "forsakringskassan", "pengavag": "via_part"},
            {**AS_STAFF, "insats_typ": "arbetsforberedande", "utforare": "forsakringskassan", "pengavag": "via_part"},
        ],
    ),
    "the target group is not yet known, Arbetsförmedlingen runs an education about social enterprises": (
        "conditional",
        [
            {"vem": "deltagare", "malgrupp": "vet_inte", "insats_typ": "utbildning_om_asf"}
            | {"utforare": "arbetsformedlingen", "pengavag": "via_part"},
            {"vem": "foretaget", "stod_till_foretag": "kopa_tjanster", "malgrupp": "vet_inte"}
            | {"insats_typ": "utbildning_om_asf", "utforare": "arbetsformedlingen", "pengavag": "vet_inte"},
        ],
    ),
    "supervision by the enterprise's own supervisor, bought by kommunen": (
        "conditional",
        [
            {**P, "insats_typ": "handledare", "handledare_anstalld": "hos_foretaget"}
            | {"utforare": "kommunen", "pengavag": "via_part"},
            {**P, "insats_typ": "arbetsforberedande", "utforare": "kommunen", "pengavag": "via_part"},
            {**VIA_COMPANY, "insats_typ": "handledare", "handledare_anstalld": "hos_foretaget"}
            | {"utforare": "kommunen", "pengavag": "via_part"},
        ],
    ),
    "the enterprise wants the förbund to pay its supervisor's wages directly, no party involved": (
        "not_financeable",
        [
            {**P, "insats_typ": "handledare", "handledare_anstalld": "hos_foretaget", "utforare": "ingen_part_direkt"},
            {"vem": "asf_personal", "asf_personal_stod": "ersattning"},
            {"vem": "foretaget", "stod_till_foretag": "pengar"},
        ],
    ),
    "kommunen has agreed on places but wants the company to invoice the förbund": (
        "not_financeable",
        [
            {**P, "insats_typ": "arbetsforberedande", "utforare": "kommunen", "pengavag": "direkt"},
            {**VIA_COMPANY, "insats_typ": "arbetsforberedande", "utforare": "kommunen", "pengavag": "direkt"},
        ],
    ),
    "the förbund's office would employ the supervisor or buy the places itself": (
        "not_financeable",
        [
            {**P, "insats_typ": "handledare", "handledare_anstalld": "hos_forbundet"},
            {**P, "insats_typ": "handledare", "handledare_anstalld": "hos_foretaget", "utforare": "forbundet"},
            {**P, "insats_typ": "arbetsforberedande", "utforare": "forbundet"},
        ],
    ),
    "a start grant to a participant who wants to open a social café": (
        "not_financeable",
        [
            {**P, "insats_typ": "startbidrag"},
            {"vem": "foretaget", "stod_till_foretag": "pengar"},
            {"vem": "foretaget", "stod_till_foretag": "starta_utveckla"},
            {**AS_STAFF, "insats_typ": "startbidrag"},
        ],
    ),
    "a seminar about social enterprises for the parties' staff and anyone interested": (
        "financeable",
        [
            {**KNOWLEDGE, "strukturell_typ": "evenemang", **OWN},
            {**PUBLIC, "strukturell_typ": "evenemang", **OWN},
        ],
    ),
    "a coordinator who spreads knowledge, paid as the förbund's own staff": (
        "financeable",
        [
            {**KNOWLEDGE, "strukturell_typ": "samordnare", **OWN},
            {**PUBLIC, "strukturell_typ": "samordnare", **OWN},
        ],
    ),
    "a mapping of the region's social enterprises for the parties": (
        "conditional",
        [
            {**KNOWLEDGE, "strukturell_typ": "annan_kunskap", **OWN},
            {**PUBLIC, "strukturell_typ": "annan_kunskap", **OWN},
            {**KNOWLEDGE, "strukturell_typ": "annan_kunskap", "mottagare": "vet_inte"},
        ],
    ),
    "a cash prize to this year's social enterprise at an inspiration day": (
        "not_financeable",
        [
            {**KNOWLEDGE, "strukturell_typ": "evenemang", "mottagare": "ett_foretag"},
            {**PUBLIC, "strukturell_typ": "evenemang", "mottagare": "ett_foretag"},
            {"vem": "foretaget", "stod_till_foretag": "pengar"},
        ],
    ),
    "a prize in kind (a computer) to one social enterprise": (
        "not_financeable",
        [
            {**KNOWLEDGE, "strukturell_typ": "evenemang", "mottagare": "ett_foretag"},
            {"vem": "foretaget", "stod_till_foretag": "in_natura"},
        ],
    ),
    "business advice for one new social enterprise, written down as cooperation": (
        "not_financeable",
        [
            {**KNOWLEDGE, "strukturell_typ": "radgivning_ett_foretag"},
            {**KNOWLEDGE, "strukturell_typ": "annan_kunskap", "mottagare": "ett_foretag"},
            {"vem": "foretaget", "stod_till_foretag": "starta_utveckla"},
        ],
    ),
    "business development course for the enterprise's management": (
        "not_financeable",
        [
            {"vem": "asf_personal", "asf_personal_stod": "kompetensutveckling"},
            {"vem": "foretaget", "stod_till_foretag": "starta_utveckla"},
        ],
    ),
    "the förbund becomes a supporting member of an association of social enterprises": (
        "not_financeable",
        [
            {**KNOWLEDGE, "strukturell_typ": "medlemskap_organisation", "medlem_vem": "forbundet"},
            {"vem": "foretaget", "stod_till_foretag": "medlem", "medlem_vem": "forbundet"},
        ],
    ),
    "kommunen becomes a member, the förbund would pay the fee": (
        "out_of_scope",
        [
            {**KNOWLEDGE, "strukturell_typ": "medlemskap_organisation", "medlem_vem": "en_part"},
            {"vem": "foretaget", "stod_till_foretag": "medlem", "medlem_vem": "en_part"},
        ],
    ),
    "a loan to a social enterprise for a new oven": (
        "out_of_scope",
        [{"vem": "foretaget", "stod_till_foretag": "lan"}],
    ),
    "a trial day for everyone who registers as unemployed": (
        "not_financeable",
        [
            {"vem": "deltagare", "malgrupp": "nej"},
            {"vem": "foretaget", "stod_till_foretag": "kopa_tjanster", "malgrupp": "nej"},
        ],
    ),
}

CASES = [
    pytest.param(verdict, path, id=f"{name} #{number}")
    for name, (verdict, paths) in SCENARIOS.items()
    for number, path in enumerate(paths, start=1)
]


@pytest.mark.parametrize(("verdict", "answers"), CASES)
def test_every_path_of_a_scenario_gives_its_verdict(tree: Tree, verdict: str, answers: dict[str, str]):
    result = walk(tree, answers)
    assert result.outcome is not None, result.question
    assert not result.unused
    assert result.outcome.verdict == verdict


@pytest.mark.parametrize(("verdict", "answers"), CASES)
def test_the_order_in_which_answers_are_given_does_not_matter(tree: Tree, verdict: str, answers: dict[str, str]):
    orders = itertools.islice(itertools.permutations(answers.items()), 24)
    outcomes = {walk(tree, dict(order)).outcome for order in orders}
    assert len(outcomes) == 1


def test_every_first_answer_is_used_by_some_scenario(tree: Tree):
    first = {path["vem"] for _, paths in SCENARIOS.values() for path in paths}
    assert first == {option.id for option in tree.questions["vem"].options} - {"annan"}


def test_most_scenarios_can_be_reached_more_than_one_way():
    several = [name for name, (_, paths) in SCENARIOS.items() if len(paths) > 1]
    assert len(several) >= len(SCENARIOS) - 1

"""The validator on broken copies of the real tree: each problem an editor can
make gets a message in plain Swedish that names the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from asf.guidance.__main__ import validate_command
from asf.guidance.loader import INDEX_FILE, TREE_FILE, TreeError, check_files, load_tree

TREE_TEXT = TREE_FILE.read_text(encoding="utf-8")


def broken(tmp_path: Path, old: str, new: str, count: int = 1) -> tuple[Path, str]:
    assert old in TREE_TEXT, f"test setup: {old!r} not in tree.yml"
    text = TREE_TEXT.replace(old, new, count)
    path = tmp_path / "tree.yml"
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def messages(path: Path, index: Path = INDEX_FILE) -> list[str]:
    return [str(problem) for problem in check_files(path, index)]


def test_the_real_tree_is_valid():
    assert check_files() == []


def test_dangling_reference(tmp_path: Path):
    path, text = broken(tmp_path, "next: pengavag\n", "next: pengavagen\n")
    found = messages(path)
    expected_line = line_of(text, "next: pengavagen")
    assert any(
        f"rad {expected_line}:" in m and "'pengavagen', som varken är en fråga eller en bedömning" in m for m in found
    ), found


def test_unreachable_question(tmp_path: Path):
    extra = (
        'questions:\n  glomd:\n    short: "x"\n    text: "Glömd fråga?"\n    help: "h"\n'
        "    cites: [{section: undvik, point: 1}]\n    options:\n"
        "      - {id: a, label: A, next: kontantbidrag}\n      - {id: b, label: B, next: medlemskap}\n"
    )
    path, text = broken(tmp_path, "questions:\n", extra)
    found = messages(path)
    assert any(
        f"rad {line_of(text, 'glomd:')}:" in m and "Frågan 'glomd' nås inte från startfrågan" in m for m in found
    ), found


def test_cycle(tmp_path: Path):
    path, _ = broken(
        tmp_path,
        "next: individ_via_part\n        cites: [{section: individriktade, paragraph: 1}]",
        "next: vem\n        cites: [{section: individriktade, paragraph: 1}]",
    )
    found = messages(path)
    assert any("slinga" in m and "vem" in m and "pengavag" in m for m in found), found


def test_outcome_without_citation(tmp_path: Path):
    path, text = broken(tmp_path, "    cites: [{section: undvik, point: 3}]\n\n", "\n")
    found = messages(path)
    assert any(
        f"rad {line_of(text, '  medlemskap:')}:" in m
        and "saknar fältet 'cites'" in m
        and "hänvisa till vägledningen" in m
        for m in found
    ), found


def test_question_with_empty_citations(tmp_path: Path):
    path, _ = broken(tmp_path, "    cites:\n      - {section: individriktade, point: 3}\n", "    cites: []\n")
    assert any("handledare_anstalld/cites' är tom" in m for m in messages(path))


def test_citation_to_a_place_that_does_not_exist(tmp_path: Path):
    path, text = broken(tmp_path, "cites: [{section: undvik, point: 3}]", "cites: [{section: undvik, point: 5}]")
    found = messages(path)
    assert any(
        f"rad {line_of(text, '{section: undvik, point: 5}')}:" in m and "har ingen punkt 5 (det har 4 punkter)" in m
        for m in found
    ), found


def test_citation_to_an_unknown_section(tmp_path: Path):
    path, _ = broken(tmp_path, "{section: uppdrag, paragraph: 2}", "{section: slutord, paragraph: 2}")
    assert any("Avsnittet 'slutord' finns inte i vägledningen" in m for m in messages(path))


def test_citation_to_an_unknown_law(tmp_path: Path):
    path, _ = broken(tmp_path, '      - {law: "7 §"}\n', '      - {law: "9 §"}\n')
    assert any("lagrummet '9 §' finns inte" in m for m in messages(path))


def test_malformed_citation(tmp_path: Path):
    path, _ = broken(tmp_path, "{section: undvik, point: 3}", "{section: undvik}")
    assert any("ingen giltig källhänvisning" in m for m in messages(path))


def test_missing_coverage(tmp_path: Path):
    path, _ = broken(
        tmp_path,
        "  - cite: {section: undvik, point: 3}\n"
        "    decided_by: [medlemskap, strukturell_typ.medlemskap_organisation]\n",
        "",
    )
    found = messages(path)
    assert any("Täckning saknas" in m and "punkt 3" in m and "undvika" in m for m in found), found


def test_coverage_entry_that_does_not_cite_its_place(tmp_path: Path):
    path, _ = broken(tmp_path, "decided_by: [medlemskap, strukturell", "decided_by: [kontantbidrag, strukturell")
    assert any("'kontantbidrag' hänvisar inte själv till platsen" in m for m in messages(path))


def test_coverage_entry_that_does_not_exist(tmp_path: Path):
    path, _ = broken(tmp_path, "decided_by: [medlemskap, strukturell", "decided_by: [vem.ingen, strukturell")
    assert any("'vem.ingen' finns inte" in m for m in messages(path))


def test_conditional_outcome_without_conditions(tmp_path: Path):
    path, _ = broken(
        tmp_path, "  part_saknas:\n    verdict: conditional", "  part_saknas:\n    verdict: conditional\n    x: 1"
    )
    assert any("part_saknas" in m and "fält som inte finns i mallen: x" in m for m in messages(path))
    start = TREE_TEXT.index("  part_saknas:")
    block_start = TREE_TEXT.index("    conditions:", start)
    block_end = TREE_TEXT.index("    route:", block_start)
    path.write_text(TREE_TEXT[:block_start] + TREE_TEXT[block_end:], encoding="utf-8")
    assert any("part_saknas' saknar fältet 'conditions'" in m for m in messages(path))


def test_unknown_verdict(tmp_path: Path):
    path, _ = broken(tmp_path, "verdict: out_of_scope", "verdict: kanske")
    assert any(
        "'kanske'" in m and "financeable, conditional, not_financeable, out_of_scope" in m for m in messages(path)
    )


def test_placeholder_for_a_question_not_on_every_path(tmp_path: Path):
    path, _ = broken(tmp_path, 'title: "Stöd i pengar till ett företag"', 'title: "Stöd i pengar via {svar:utforare}"')
    assert any("alla vägar till 'kontantbidrag' går inte genom den frågan" in m for m in messages(path))


def test_duplicate_option_ids(tmp_path: Path):
    option = '      - id: {}\n        label: "Vet inte än"\n        from_description: false\n'
    path, _ = broken(tmp_path, option.format("vet_inte"), option.format("ja"))
    assert any("två svarsalternativ med id 'ja'" in m for m in messages(path))


def test_yaml_syntax_error_names_the_line(tmp_path: Path):
    path, _text = broken(tmp_path, "start: vem\n", "start: [vem\n")
    found = messages(path)
    assert len(found) == 1 and "inte giltig YAML" in found[0] and "rad" in found[0], found


def test_load_tree_raises_with_every_problem(tmp_path: Path):
    path, _ = broken(tmp_path, "next: pengavag\n", "next: nowhere\n", count=2)
    with pytest.raises(TreeError) as error:
        load_tree(path, INDEX_FILE)
    assert len(error.value.problems) >= 2
    assert "Beslutsträdet har" in str(error.value)


def test_validate_command_reports_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path, _ = broken(tmp_path, "next: pengavag\n", "next: nowhere\n")
    assert validate_command([str(path)], __import__("sys").stdout) == 1
    assert "nowhere" in capsys.readouterr().out
    assert validate_command([], __import__("sys").stdout) == 0
    assert "giltigt" in capsys.readouterr().out


def test_broken_index_is_reported(tmp_path: Path):
    index = tmp_path / "index.yml"
    index.write_text(
        INDEX_FILE.read_text(encoding="utf-8").replace('    heading: "Samordningsförbundens uppdrag"\n', ""),
        encoding="utf-8",
    )
    found = [str(p) for p in check_files(TREE_FILE, index)]
    assert any("uppdrag' saknar fältet 'heading'" in m for m in found), found


ROUTE = "          - answered: {strukturell_typ: [annan_kunskap]}\n            next: strukturell_villkor\n"


def test_route_to_a_node_that_does_not_exist(tmp_path: Path):
    path, _ = broken(tmp_path, ROUTE, ROUTE.replace("next: strukturell_villkor", "next: nowhere"))
    assert any("'nowhere', som varken är en fråga eller en bedömning" in m for m in messages(path))


def test_route_naming_an_unknown_answer(tmp_path: Path):
    path, _ = broken(tmp_path, ROUTE, ROUTE.replace("[annan_kunskap]", "[annan_sak]"))
    assert any("inget svarsalternativ 'annan_sak' (i 'next_if')" in m for m in messages(path))


def test_route_naming_a_question_that_never_comes_before(tmp_path: Path):
    path, _ = broken(tmp_path, ROUTE, ROUTE.replace("{strukturell_typ: [annan_kunskap]}", "{insats_typ: [annat]}"))
    assert any("'insats_typ', men den frågan kommer aldrig före 'mottagare'" in m for m in messages(path))


def test_cite_answer_for_a_question_not_on_every_path(tmp_path: Path):
    path, _ = broken(tmp_path, "        cite_answer: insats_typ\n", "        cite_answer: handledare_anstalld\n")
    assert any("'cite_answer' använder svaret på 'handledare_anstalld'" in m for m in messages(path))


def test_cite_answer_needs_options_that_cite(tmp_path: Path):
    option = "        next: mottagare\n        cites: [{section: strukturovergripande, point: 6}]\n"
    path, _ = broken(tmp_path, option, "        next: mottagare\n")
    assert any("'evenemang' i frågan 'strukturell_typ' leder till 'strukturell_insats'" in m for m in messages(path))


def test_reading_must_be_true_or_false(tmp_path: Path):
    path, _ = broken(tmp_path, "        reading: true\n", "        reading: kanske\n")
    assert any("reading' har fel typ" in m for m in messages(path))


def test_a_law_paragraph_named_in_the_guidance_must_be_in_a_section(tmp_path: Path):
    index = tmp_path / "index.yml"
    text = INDEX_FILE.read_text(encoding="utf-8")
    index.write_text(text.replace('    laws:\n      - "7 §"\n', ""), encoding="utf-8")
    assert any("Vägledningen hänvisar inte till '7 §'" in m for m in messages(TREE_FILE, index))


def test_a_companion_law_paragraph_is_accepted_and_must_decide_an_answer(tmp_path: Path):
    assert not any("2 §" in m for m in messages(TREE_FILE))
    path, _ = broken(
        tmp_path,
        '  - cite: {law: "2 §"}\n    decided_by: [malgrupp.ja, malgrupp.nej, utanfor_malgrupp]\n',
        "",
    )
    assert any("Täckning saknas: 2 § (lagrummet som vägledningen bygger på)" in m for m in messages(path))

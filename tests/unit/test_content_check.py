"""asf/content_check.py on the real files and on broken copies: each mistake an
editor can make in the texts, the concepts or the NLU data is reported in plain
Swedish with the file and the line."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from asf import content_check, settings, yamltext
from asf.content_check import Files, check_all, check_concepts, check_messages, check_tree_entities
from asf.guidance.loader import INDEX_FILE, load_tree
from asf.guidance.model import Tree
from asf.guidance.validator import Problem

ROOT = settings.ROOT


@pytest.fixture
def files(tmp_path: Path) -> Files:
    """Copies of content/, nlp/entity_patterns.yml and data/nlu/ that a test may break."""
    real = Files.default()
    shutil.copytree(real.content, tmp_path / "content")
    shutil.copytree(real.nlu, tmp_path / "nlu")
    shutil.copy(real.patterns, tmp_path / "entity_patterns.yml")
    return replace(real, content=tmp_path / "content", patterns=tmp_path / "entity_patterns.yml", nlu=tmp_path / "nlu")


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` once in the file; the line where `new` now stands."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1 if new else 0


def report(found: list[Problem]) -> str:
    return "\n".join(str(problem) for problem in found)


def messages_problems(files: Files) -> str:
    return report(check_messages(files.messages, files.content / "messages.schema.json", files.code))


def concept_problems(files: Files) -> str:
    return report(check_concepts(files.concepts, files.content / "concepts.schema.json", files.patterns, files.nlu))


def entity_problems(files: Files, tree: Tree) -> str:
    return report(check_tree_entities(tree, files.patterns, files.nlu))


def dialogue_line(fragment: str) -> int:
    text = (ROOT / "asf" / "dialogue.py").read_text(encoding="utf-8")
    return text[: text.index(fragment)].count("\n") + 1


def test_the_real_content_is_consistent():
    assert check_all(Files.default()) == []


def test_the_command_says_all_is_well(capsys: pytest.CaptureFixture[str]):
    assert content_check.main([]) == 0
    messages_file = settings.content_dir() / "messages.yml"
    texts = sum(len(group) for group in yamltext.load(messages_file.read_text(encoding="utf-8")).values())
    assert f"{texts} texter, 10 begrepp" in capsys.readouterr().out


def test_the_command_lists_each_problem(
    files: Files, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    edit(files.messages, "{contact}. Ta gärna", "{kontakt}. Ta gärna")
    monkeypatch.setenv("ASF_CONTENT_DIR", str(files.content))
    assert content_check.main([]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Texterna, begreppen och entiteterna har 1 fel:\n- ") and "{kontakt}" in out


def test_make_validate_runs_the_check():
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nvalidate:", 1)[1].split("\n\n", 1)[0]
    assert "$(EDITOR_PY) -m asf.content_check" in recipe


# --- messages.yml ---------------------------------------------------------------


def test_a_misspelled_placeholder_is_reported_with_both_places(files: Files):
    line = edit(files.messages, "{contact}. Ta gärna", "{kontakt}. Ta gärna") - 1  # the line of `text: >-`
    found = messages_problems(files)
    code_line = dialogue_line('messages.text("handoff.text"')
    assert f"rad {line}: Texten 'handoff.text' använder {{kontakt}}, men assistenten fyller inte i den" in found
    assert f"asf/dialogue.py, rad {code_line} ger: {{contact}}" in found


def test_a_renamed_text_is_reported_where_the_code_needs_it_and_where_it_stands(files: Files):
    line = edit(files.messages, '  hint: "Du kan', '  tips: "Du kan')
    found = messages_problems(files)
    assert f"messages.yml, rad {line}: Texten 'start.tips' används inte av assistenten" in found
    code_line = dialogue_line('messages.text("start.hint")')
    assert f"asf/dialogue.py, rad {code_line}: " in found
    assert "Assistenten behöver texten 'start.hint', men den finns inte i" in found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Vi börjar om från början.", "Vi börjar om {från början.", "har en klammer { eller } som inte hör till"),
        ("du får {count} påhittade", "du får {count:>3} påhittade", "har platshållaren {count:>3}"),
        ("du får {count} påhittade", "du får {} påhittade", "har platshållaren {}"),
        ('  assess: "Bedöm en insats"', "  assess: 5", "'buttons/assess' har fel typ: det ska vara en text"),
        ('  assess: "Bedöm en insats"', "  assess:", "'buttons/assess' har fel typ"),
        ('  assess: "Bedöm en insats"', '  Assess: "Bedöm en insats"', "Namnet 'Assess' under 'buttons'"),
        ("\nbuttons:\n", "\nbuttons: [\n", "filen är inte giltig YAML"),
    ],
)
def test_broken_texts_are_reported(files: Files, old: str, new: str, expected: str):
    edit(files.messages, old, new)
    found = messages_problems(files)
    assert expected in found, found
    assert "messages.yml, rad " in found


def test_code_that_the_check_cannot_read_is_reported(files: Files, tmp_path: Path):
    code = tmp_path / "code"
    code.mkdir()
    (code / "sample.py").write_text(
        "from asf import messages\n\nkey = 'start.hint'\n"
        "A = messages.text(key)\n"
        "B = messages.text('start.hint', **{})\n",
        encoding="utf-8",
    )
    found = check_messages(files.messages, files.content / "messages.schema.json", (code,))
    lines = [problem.line for problem in found if problem.source.endswith("sample.py")]
    assert lines == [4, 5]
    assert "inte med ett fast namn" in str(found[0])


# --- concepts.yml <-> the concept entity ------------------------------------------


def test_a_concept_without_patterns_is_reported(files: Files):
    edit(files.patterns, "  finsam: [finsam, finsamlagen, finansiell samordning]\n", "")
    line = edit(files.concepts, "finsam:\n", "finsam:\n")
    found = concept_problems(files)
    assert f"concepts.yml, rad {line}: Begreppet 'finsam' har inga ord i" in found
    assert "Lägg till en rad under `concept:`" in found


def test_a_concept_pattern_without_an_explanation_is_reported_once(files: Files):
    text = files.concepts.read_text(encoding="utf-8")
    start = text.index("parterna:\n")
    files.concepts.write_text(text[:start] + text[text.index("upphandling:\n") :], encoding="utf-8")
    line = edit(files.patterns, "  parterna: [", "  parterna: [")
    found = concept_problems(files).splitlines()
    assert found == [
        f"{files.patterns}, rad {line}: Begreppet 'parterna' under `concept:` saknas i {files.concepts}, så "
        "assistenten känner igen frågan men har ingen förklaring. Lägg till 'parterna' i "
        f"{files.concepts} (med name, text och source) eller rätta namnet."
    ]


def test_an_annotated_concept_without_an_explanation_is_reported(files: Files):
    nlu = files.nlu / "assessment.yml"
    line = edit(nlu, "    - vad är ett [ASF](concept)?\n", '    - vad är [FOO]{"entity": "concept", "value": "foo"}?\n')
    found = concept_problems(files)
    assert f'assessment.yml, rad {line}: [FOO]{{"entity": "concept", "value": "foo"}} ger begreppet \'foo\'' in found


def test_concepts_follow_their_schema(files: Files):
    edit(files.concepts, '  source: "lagen (2003:1210), 5 §"\n', '  kalla: "lagen (2003:1210), 5 §"\n')
    line = edit(files.concepts, "finsam:\n", "finsam:\n")
    found = concept_problems(files)
    assert f"concepts.yml, rad {line}: 'finsam' saknar fältet 'source'" in found
    assert f"concepts.yml, rad {line}: 'finsam' har fält som inte finns i mallen: kalla" in found


# --- party and activity values <-> the tree ---------------------------------------


def test_a_pattern_value_the_tree_does_not_know_is_reported(files: Files, tree: Tree):
    line = edit(files.patterns, "  kommunen: [kommunen,", "  kommunfullmaktige: [kommunen,")
    found = entity_problems(files, tree)
    assert (
        f"entity_patterns.yml, rad {line}: Värdet 'kommunfullmaktige' under `party:` är varken id eller "
        "nyckelord (keywords) för något svarsalternativ" in found
    )


def test_an_annotated_word_that_reaches_no_option_is_reported(files: Files, tree: Tree):
    nlu = files.nlu / "assessment.yml"
    line = edit(nlu, "    - [kommunen](party)\n", "    - [kommunfullmäktige](party)\n")
    found = entity_problems(files, tree)
    assert f"assessment.yml, rad {line}: [kommunfullmäktige](party) ger värdet 'kommunfullmäktige'" in found
    assert "Eller lägg till ordet under rätt värde i" in found


def test_an_annotated_form_is_read_through_the_synonyms(files: Files, tree: Tree):
    # No option has the keyword "arbetsmarknadsförvaltningen"; the synonyms turn it into kommunen.
    nlu = files.nlu / "assessment.yml"
    line = edit(nlu, "    - [kommunen](party)\n", "    - [arbetsmarknadsförvaltningen](party)\n")
    assert entity_problems(files, tree) == ""
    (files.nlu / "synonyms.yml").unlink()
    expected = f"rad {line}: [arbetsmarknadsförvaltningen](party) ger värdet 'arbetsmarknadsförvaltningen'"
    assert expected in entity_problems(files, tree)


def test_an_explicit_value_that_reaches_no_option_is_reported(files: Files, tree: Tree):
    nlu = files.nlu / "assessment.yml"
    new = '    - [centralen]{"entity": "party", "value": "af_centralt"}\n'
    line = edit(nlu, "    - [kommunen](party)\n", new)
    found = entity_problems(files, tree)
    assert f"rad {line}: " + new.strip()[2:] + " ger värdet 'af_centralt'" in found
    assert "Eller lägg till ordet" not in found  # the file names the value itself


def test_a_value_that_names_two_options_of_one_question_is_reported(files: Files, tmp_path: Path):
    tree_file = tmp_path / "tree.yml"
    shutil.copy(files.content / "tree.yml", tree_file)
    edit(tree_file, "keywords: [ja, japp,", "keywords: [dubbelord, ja, japp,")
    edit(tree_file, "keywords: [nej, nä,", "keywords: [dubbelord, nej, nä,")
    line = edit(files.patterns, "  policy: [", "  dubbelord: [dubbelord]\n  policy: [")
    found = entity_problems(files, load_tree(tree_file, INDEX_FILE))
    assert (
        f"rad {line}: Värdet 'dubbelord' under `activity:` passar flera svarsalternativ i samma fråga "
        "(frågan 'malgrupp': ja, nej)" in found
    )

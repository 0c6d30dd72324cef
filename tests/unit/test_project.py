"""The project's own promises: the README and docs/ stay true, generated files
are in sync with their sources, and the commands behave as documented."""

from __future__ import annotations

import os
import re
import subprocess
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

from asf.guidance.diagram import render_svg
from asf.guidance.loader import TREE_FILE, load_tree
from nlp.build_spacy_sv import load_patterns, synonyms_yaml

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def section(path: Path, heading: str) -> str:
    """The text under `## heading` in a Markdown file, up to the next heading of that level."""
    text = path.read_text(encoding="utf-8")
    after = text.split(f"\n## {heading}\n", 1)[1]
    return re.split(r"^## ", after, maxsplit=1, flags=re.M)[0]


def file_map_paths() -> list[str]:
    block = section(ROOT / "docs" / "utveckling.md", "Filkarta").split("```")[1]
    return [line.split()[0] for line in block.strip().splitlines()]


def test_every_path_in_the_file_map_exists():
    paths = file_map_paths()
    assert len(paths) > 15
    missing = [path for path in paths if not (ROOT / path).exists()]
    assert missing == []


def test_readme_gives_the_two_commands_and_ci_runs_the_second():
    assert "make run" in README and "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert commands == ["make test"]


def test_make_test_runs_every_check_in_the_documented_order():
    # scripts/test.sh runs `make test`'s checks: what they need first, then training and rasa test (and
    # the 3.11 venv's installation) beside the first five, then what pytest and images-test need, and
    # images-test and py311 beside pytest.
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    makes = [line.split("#")[0].split()[1:] for line in script.splitlines() if line.startswith("make ")]
    targets = [word for words in makes for word in words if word[0] not in "-&" and ">" not in word]
    order = (
        "install spacy train rasa-test lint typecheck validate audit rasa-validate"
        " train system web images-test py311 pytest"
    )
    assert targets == order.split()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert all(re.search(rf"^{target}:", makefile, re.M) for target in targets)
    assert "bash scripts/test.sh" in makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]


def configuration_variables() -> set[str]:
    return set(re.findall(r"`([A-Z][A-Z_]+)`", section(ROOT / "docs" / "drift.md", "Konfiguration")))


def test_every_variable_the_settings_read_is_documented():
    read = set(re.findall(r'"([A-Z][A-Z0-9_]{2,})"', (ROOT / "asf" / "settings.py").read_text(encoding="utf-8")))
    assert {"ASF_CONTACT", "TRACKER_URL", "TEAMS_APP_ID"} <= read
    assert sorted(read - configuration_variables()) == []


def test_every_configuration_variable_in_the_docs_is_used():
    variables = configuration_variables()
    assert {"RASA_PORT", "TRACKER_DB", "ASF_CONTACT", "ACTION_SERVER_URL"} <= variables
    sources = "".join(
        p.read_text(encoding="utf-8")
        for folder, pattern in (
            ("scripts", "*"),
            ("asf", "**/*.py"),
            ("actions", "**/*.py"),
            ("channels", "**/*.py"),
            ("bench", "*.py"),
            ("devtools", "*.py"),
            ("tests", "**/*.py"),
        )
        for p in (ROOT / folder).glob(pattern)
        if p.is_file() and p.name != "test_project.py"  # this file names them all
    )
    assert [v for v in variables if v not in sources] == []


def test_make_help_lists_the_documented_targets():
    out = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for target in ["install", "run", "test", "shell", "validate", "walk", "diagram", "evaluate", "train"]:
        assert f"make {target} " in out


def test_synonyms_are_generated_from_the_entity_patterns():
    generated = (ROOT / "data" / "nlu" / "synonyms.yml").read_text(encoding="utf-8")
    assert generated == synonyms_yaml(load_patterns()), "run `make spacy` to regenerate data/nlu/synonyms.yml"


def test_tree_picture_is_generated_from_the_tree():
    committed = (ROOT / "docs" / "beslutstrad.svg").read_text(encoding="utf-8")
    assert committed == render_svg(load_tree(TREE_FILE)), "run `make diagram`"


def test_tree_as_text_is_generated_from_the_tree():
    from asf.guidance.document import markdown
    from asf.guidance.treetext import tree_blocks

    committed = (ROOT / "docs" / "beslutstrad.md").read_text(encoding="utf-8")
    assert committed == markdown(tree_blocks(load_tree(TREE_FILE))), "run `make diagram`"


def test_install_without_a_usable_python_says_what_to_do(tmp_path: Path):
    env = {"PATH": "/usr/bin:/bin", "PYTHON": str(tmp_path / "python3.9")}
    fake = tmp_path / "python3.9"
    fake.write_text("#!/bin/sh\necho 3.9\n")
    fake.chmod(0o755)
    result = subprocess.run(["bash", "scripts/install.sh"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "fungerar inte med Rasa 3.6" in result.stderr and "Python 3.11 (rekommenderas) eller 3.10" in result.stderr


def test_install_is_a_no_op_when_nothing_changed():
    result = subprocess.run(
        ["bash", "scripts/install.sh"], cwd=ROOT, capture_output=True, text=True, env={**os.environ}, timeout=120
    )
    assert result.returncode == 0
    assert "Installerar" not in result.stderr


def test_failed_download_says_what_to_do(tmp_path: Path):
    # A Python that reports 3.10 and whose pip fails, as when PyPI cannot be reached.
    fake = tmp_path / "python3.10"
    fake.write_text(
        "#!/bin/bash\n"
        'case "$1" in\n'
        "  -c) echo 3.10 ;;\n"
        '  -m) if [ "$2" = venv ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; else exit 1; fi ;;\n'
        "esac\n"
    )
    fake.chmod(0o755)
    env = {"PATH": "/usr/bin:/bin", "PYTHON": str(fake), "ASF_VENV": str(tmp_path / "venv")}
    result = subprocess.run(["bash", "scripts/install.sh"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "kunde inte laddas ner eller installeras" in result.stderr
    assert "make install" in result.stderr


def test_readme_sample_dialogue_is_what_the_assistant_says():
    from asf import dialogue
    from asf.turns import Message, State

    block = README.split("## Ett exempel", 1)[1].split("```")[1]
    turns: list[tuple[str, list[str]]] = []
    for line in block.strip().splitlines():
        speaker, _, rest = line.partition(":")
        if speaker in ("Användare", "Assistent"):
            turns.append((speaker, [rest.strip()]))
        else:
            turns[-1][1].append(line.strip())
    state = State()
    replies: list[str] = []
    handlers = {"Hej": lambda s, m: dialogue.greet(s), "ja": dialogue.answer}
    for speaker, lines in turns:
        text = " ".join(lines)
        if speaker == "Användare":
            handler = handlers.get(text, dialogue.describe)
            intent = "affirm" if text == "ja" else "describe_initiative"
            out, state = handler(state, Message(text=text, intent=intent))
            replies = [
                " ".join((r.text or "").split()) + " " + " ".join(f"[{b['title']}]" for b in r.buttons) for r in out
            ]
            continue
        said = " ".join(" ".join(replies).split())
        for fragment in text.split("[...]"):
            fragment = " ".join(fragment.split())
            assert fragment in said, fragment


def test_no_tests_collected_is_a_failure():
    result = subprocess.run(
        [
            "bash",
            "scripts/pytest.sh",
            "tests/unit/test_engine.py",
            "-k",
            "no_test_has_this_name",
            "-q",
            "-p",
            "no:warnings",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "hittade inga tester" in result.stderr


def test_every_channel_named_in_the_configuration_can_be_loaded_by_that_name():
    from rasa.shared.utils.common import class_from_module_path

    from asf import yamltext

    named = [name for name in yamltext.load((ROOT / "credentials.yml").read_text(encoding="utf-8")) if "." in name]
    helm = (ROOT / "helm" / "rasa-values.yml").read_text(encoding="utf-8")
    named += re.findall(r"^\s+(channels\.[\w.]+):", helm, flags=re.MULTILINE)
    assert {"channels.teams.TeamsChannel", "channels.slack.SlackChannel"} <= set(named)
    for name in named:
        assert isinstance(class_from_module_path(name), type), name


def test_the_projects_own_components_in_the_configuration_load_by_name_where_the_model_is_read():
    # Session 29: `make evaluate` ran `python scripts/evaluate_nlu.py`, which puts scripts/ on the path instead of
    # the project, and could not load the model once config.yml named rasa_plugins.intent_policy.IntentActionPolicy.
    from rasa.shared.utils.common import class_from_module_path

    from asf import yamltext

    config = yamltext.load((ROOT / "config.yml").read_text(encoding="utf-8"))
    named = [c["name"] for c in config["pipeline"] + config["policies"] if "." in c["name"]]
    assert "rasa_plugins.intent_policy.IntentActionPolicy" in named
    for name in named:
        assert isinstance(class_from_module_path(name), type), name
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(PY) -m scripts.evaluate_nlu" in makefile and "scripts/evaluate_nlu.py" not in makefile


# --- Links between README.md and docs/*.md ----------------------------------------


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation removed (letters such as
    å, ä and ö, digits, '_' and '-' kept), each space a '-'."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
    kept = "".join(
        ch for ch in text if ch in " -" or unicodedata.category(ch)[0] in "LMN" or unicodedata.category(ch) == "Pc"
    )
    return kept.replace(" ", "-")


def without_code(text: str) -> str:
    """The Markdown with fenced code blocks and inline code left out."""
    text = re.sub(r"^```.*?^```[^\n]*$", "", text, flags=re.M | re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def anchors(path: Path) -> set[str]:
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", without_code(path.read_text(encoding="utf-8")), re.M):
        slug, number = github_slug(heading), 0
        while (slug if number == 0 else f"{slug}-{number}") in found:  # GitHub numbers repeats: x, x-1, x-2
            number += 1
        found.add(slug if number == 0 else f"{slug}-{number}")
    return found


def link_problems(path: Path, root: Path) -> list[str]:
    """Every relative link in a Markdown file whose file or #anchor does not exist."""
    problems = []
    for target in re.findall(r"\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)", without_code(path.read_text(encoding="utf-8"))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: and the like
            continue
        file_part, _, anchor = target.partition("#")
        destination = (path.parent / unquote(file_part) if file_part else path).resolve()
        where = f"{path.relative_to(root)}: ({target})"
        if not destination.is_relative_to(root.resolve()):
            problems.append(f"{where}: pekar utanför repot")
        elif not destination.exists():
            problems.append(f"{where}: filen finns inte")
        elif anchor and unquote(anchor) not in anchors(destination):
            problems.append(f"{where}: ingen rubrik ger #{unquote(anchor)}")
    return problems


def test_slugs_follow_githubs_rules():
    assert github_slug("Intranätsidan, inbäddning, REST och socket.io") == "intranätsidan-inbäddning-rest-och-socketio"
    assert github_slug("Assistenten (`asf/settings.py`)") == "assistenten-asfsettingspy"
    assert github_slug("Kontrollera på en bärbar dator, utan Rasa") == "kontrollera-på-en-bärbar-dator-utan-rasa"
    assert github_slug("Två  ord: [en länk](x.md)") == "två--ord-en-länk"


def test_every_link_in_the_readme_and_docs_leads_somewhere():
    assert {p.name for p in DOCUMENTS} >= {"README.md", "redaktorer.md", "integration.md", "drift.md", "utveckling.md"}
    links = sum(len(re.findall(r"\]\(", without_code(p.read_text(encoding="utf-8")))) for p in DOCUMENTS)
    assert links > 20
    assert [problem for p in DOCUMENTS for problem in link_problems(p, ROOT)] == []


def test_the_readme_links_to_every_document_in_docs():
    for document in DOCUMENTS[1:]:
        assert f"(docs/{document.name})" in README, document.name


def test_a_broken_link_or_anchor_is_caught(tmp_path: Path):
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (tmp_path / "utanfor.md").write_text("# Utanför\n", encoding="utf-8")
    (repo / "docs" / "b.md").write_text("# B\n\n## Rubrik ett\n\n## Rubrik ett\n", encoding="utf-8")
    (repo / "a.md").write_text(
        "# Å och ö är kvar!\n\n"
        "[bra](docs/b.md#rubrik-ett) [den andra](docs/b.md#rubrik-ett-1) [här](#å-och-ö-är-kvar) "
        "[kodad](#%C3%A5-och-%C3%B6-%C3%A4r-kvar) [webb](https://example.org/#x) [mapp](docs)\n\n"
        "[fel rubrik](docs/b.md#rubrik-tva) [ingen fil](docs/c.md) [fel här](#a-och-o-ar-kvar) "
        "[utanför](../utanfor.md) [rubrik i kod](#inte-en-rubrik)\n\n"
        "```\n# inte en rubrik\n[i kod](saknas.md)\n```\n`[inline](saknas.md)`\n",
        encoding="utf-8",
    )
    assert link_problems(repo / "a.md", repo) == [
        "a.md: (docs/b.md#rubrik-tva): ingen rubrik ger #rubrik-tva",
        "a.md: (docs/c.md): filen finns inte",
        "a.md: (#a-och-o-ar-kvar): ingen rubrik ger #a-och-o-ar-kvar",
        "a.md: (../utanfor.md): pekar utanför repot",
        "a.md: (#inte-en-rubrik): ingen rubrik ger #inte-en-rubrik",
    ]


def test_every_test_file_is_an_xdist_group_of_its_own_unless_it_names_a_shared_one():
    # `make pytest` hands out whole groups (--dist loadgroup); tests/conftest.py makes each file one.
    from tests.conftest import pytest_collection_modifyitems

    class Item:
        def __init__(self, nodeid: str, *marks: pytest.MarkDecorator) -> None:
            self.nodeid, self.marks = nodeid, [mark.mark for mark in marks]

        def get_closest_marker(self, name: str) -> pytest.Mark | None:
            return next((mark for mark in self.marks if mark.name == name), None)

        def add_marker(self, marker: pytest.MarkDecorator) -> None:
            self.marks.append(marker.mark)

    shared = pytest.mark.xdist_group("shared-servers")
    items = [Item("tests/unit/test_a.py::one"), Item("tests/unit/test_a.py::two[x]"), Item("tests/b.py::t", shared)]
    pytest_collection_modifyitems(items)  # type: ignore[arg-type]
    groups = [item.get_closest_marker("xdist_group").args for item in items]  # type: ignore[union-attr]
    assert groups == [("tests/unit/test_a.py",), ("tests/unit/test_a.py",), ("shared-servers",)]

"""Plain `rasa run`: Rasa 3.6 has no default syntax for ${VAR} in endpoints.yml, so the developers'
doc names every variable to set ("Rasa direkt, utan make"). The block there must set exactly the
variables the files use, each must also be settable where operators set things (.env.example, or
scripts/run.sh, which derives it), and Rasa's own reader must read the files with those values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RASA_FILES = [ROOT / "endpoints.yml", ROOT / "credentials.yml"]
VARIABLE = re.compile(r"\$\{([^}]*)\}")


def variables_used(path: Path) -> set[str]:
    """The ${...} names in a YAML file's values (comments are not read by Rasa)."""
    lines = [line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    return set(VARIABLE.findall("\n".join(lines)))


def documented_block() -> dict[str, str]:
    """NAME -> value for every `export` in the shell block of the doc's plain-rasa-run section."""
    text = (ROOT / "docs" / "utveckling.md").read_text(encoding="utf-8")
    section = text.split("\n### Rasa direkt, utan make\n", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    exported: dict[str, str] = {}
    for line in block.splitlines():
        if line.startswith("export "):
            for word in re.findall(r"([A-Z_][A-Z0-9_]*)=(\$\(.*\)|\S*)", line[len("export ") :]):
                exported[word[0]] = word[1]
    return exported


def test_the_files_use_only_plain_variables_without_a_default_syntax():
    # os.path.expandvars (what Rasa uses) would leave ${VAR:-x} unexpanded and refuse to start.
    used = set().union(*(variables_used(path) for path in RASA_FILES))
    assert used, "endpoints.yml reads no variables any more: update this test and the doc"
    assert all(re.fullmatch(r"[A-Z_][A-Z0-9_]*", name) for name in used), used


def test_the_doc_sets_exactly_the_variables_the_files_use():
    used = set().union(*(variables_used(path) for path in RASA_FILES))
    assert set(documented_block()) == used


def test_every_variable_can_be_set_where_operators_set_things():
    env_example = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
        if re.match(r"[A-Z_][A-Z0-9_]*=", line)
    }
    run_sh = set(re.findall(r"^export ([A-Z_][A-Z0-9_]*)=", (ROOT / "scripts" / "run.sh").read_text("utf-8"), re.M))
    used = set().union(*(variables_used(path) for path in RASA_FILES))
    assert used - env_example - run_sh == set()


@pytest.fixture
def documented_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = {name: ("a" * 64 if value.startswith("$(") else value) for name, value in documented_block().items()}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


def test_rasa_reads_the_endpoints_with_the_documented_values(documented_env):
    from rasa.utils.endpoints import read_endpoint_config

    action = read_endpoint_config(str(ROOT / "endpoints.yml"), "action_endpoint")
    tracker = read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")
    lock = read_endpoint_config(str(ROOT / "endpoints.yml"), "lock_store")
    assert action is not None and tracker is not None and lock is not None
    assert action.url == documented_env["ACTION_SERVER_URL"]
    assert action.headers == {"X-Action-Token": documented_env["ACTION_SERVER_TOKEN"]}
    assert tracker.url == documented_env["TRACKER_URL"]
    assert lock.type == documented_env["LOCK_STORE_TYPE"] == "in_memory"


def test_rasa_refuses_to_start_when_a_documented_variable_is_unset(documented_env, monkeypatch):
    from rasa.shared.exceptions import RasaException
    from rasa.utils.endpoints import read_endpoint_config

    monkeypatch.delenv("TRACKER_URL")
    with pytest.raises(RasaException, match="TRACKER_URL"):
        read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")

"""The layout's one-way arrows: channels and actions -> asf -> content; nothing outside tests/ imports tests/."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RASA_PACKAGES = {"rasa", "rasa_sdk", "sanic", "socketio", "aiohttp", "tensorflow", "spacy"}


def imported_packages(path: Path) -> set[str]:
    """The top-level package of every import in a file, including those inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def python_files(*folders: str) -> list[Path]:
    return [path for folder in folders for path in sorted((ROOT / folder).rglob("*.py"))]


def test_the_domain_imports_nothing_from_rasa_or_the_adapters():
    crossing = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & (RASA_PACKAGES | {"actions", "channels"}))
        for path in python_files("asf")
    }
    assert {path: packages for path, packages in crossing.items() if packages} == {}


def test_nothing_outside_tests_imports_from_tests():
    folders = ("asf", "actions", "channels", "devtools", "bench", "scripts", "nlp", "rasa_plugins", "rasa_sdk_plugins")
    crossing = [str(path.relative_to(ROOT)) for path in python_files(*folders) if "tests" in imported_packages(path)]
    assert crossing == []


def test_the_action_package_is_the_adapter_only():
    modules = sorted(path.name for path in (ROOT / "actions").glob("*.py"))
    assert modules == ["__init__.py", "actions.py", "gate.py"]


def test_the_boundary_check_sees_an_import_inside_a_function(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from rasa.core import agent\n    import tests.unit\n", encoding="utf-8")
    assert imported_packages(sample) == {"rasa", "tests"}


def test_rasa_is_started_with_skops_imported_before_tensorflow():
    # rasa_plugins/cli.py: skops.io's import walks sys.modules once per ufunc, seconds more after TensorFlow.
    tree = ast.parse((ROOT / "rasa_plugins" / "cli.py").read_text(encoding="utf-8"))
    imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    first = next(node for node in imports if not (isinstance(node, ast.ImportFrom) and node.module == "__future__"))
    assert isinstance(first, ast.Import) and [alias.name for alias in first.names] == ["skops.io"]
    # Every Rasa command that loads or trains a model goes through it; the action server loads none.
    for script in ("run.sh", "train.sh", "rasa_test.sh"):
        text = (ROOT / "scripts" / script).read_text(encoding="utf-8")
        assert "-m rasa_plugins.cli " in text, script
        assert not [line for line in text.splitlines() if '"$BIN/rasa" ' in line and "run actions" not in line], script

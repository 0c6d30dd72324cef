"""The files for running the assistant on a server agree with each other and with the docs:
.env.example, compose.yml, the systemd units, the Containerfiles and the Helm values."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

from asf import yamltext

ROOT = Path(__file__).resolve().parents[2]


def documented_variables() -> set[str]:
    text = (ROOT / "docs" / "drift.md").read_text(encoding="utf-8")
    return set(re.findall(r"`([A-Z][A-Z0-9_]+)`", text))


def env_example() -> dict[str, str]:
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    pairs = [line.split("=", 1) for line in lines if line and not line.startswith("#")]
    return {key: value for key, value in pairs}


def test_env_example_lists_documented_variables_and_no_secret_values():
    variables = env_example()
    assert {"ACTION_SERVER_TOKEN", "ASF_SESSION_SECRET", "ASF_REST_TOKEN", "POSTGRES_PASSWORD"} <= set(variables)
    compose_only = {"POSTGRES_PASSWORD"}
    assert sorted(set(variables) - documented_variables() - compose_only) == []
    for secret in ("ACTION_SERVER_TOKEN", "ASF_SESSION_SECRET", "ASF_REST_TOKEN", "POSTGRES_PASSWORD"):
        assert variables[secret] == ""
    settings = (ROOT / "asf" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'"([A-Z][A-Z0-9_]{2,})"', settings)) - {
        "TEAMS_LOGIN_URL",
        "TEAMS_OPENID_URL",
        "SLACK_API_URL",
    }
    assert sorted(read - set(variables)) == []


def test_compose_runs_the_built_images_with_postgres_and_redis_and_restarts_them():
    compose = yamltext.load((ROOT / "compose.yml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "actions", "rasa", "web"}
    for name in ("actions", "rasa", "web"):
        assert services[name]["image"].startswith(f"localhost/asf-{name}:")
        assert services[name]["restart"] == "unless-stopped"
    assert services["postgres"]["image"].startswith("docker.io/library/postgres:")
    assert services["redis"]["image"].startswith("docker.io/library/redis:")
    assert services["rasa"]["env_file"] == ".env"
    assert "@postgres:5432/" in services["rasa"]["environment"]["TRACKER_URL"]
    assert "ports" not in services["rasa"] and "ports" not in services["actions"]


def compose_interpolations(text: str) -> set[str]:
    """The variables compose.yml takes from .env or the shell: ${NAME}, ${NAME:-default}, ${NAME:?message}."""
    return set(re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*)", text))


def test_compose_interpolates_only_variables_that_env_example_lists():
    text = (ROOT / "compose.yml").read_text(encoding="utf-8")
    interpolated = compose_interpolations(text)
    assert {"POSTGRES_PASSWORD", "WEB_PORT", "IMAGE_TAG"} <= interpolated
    assert sorted(interpolated - set(env_example())) == []
    assert compose_interpolations("a: ${X:?set X}\nb: ${Y_2:-1}\nc: $$notone") == {"X", "Y_2"}


def test_compose_sets_only_variables_that_env_example_lists():
    # What compose.yml sets for the servers beside .env (it wins over .env): a misspelt name here
    # would be a setting nothing reads.
    services = yamltext.load((ROOT / "compose.yml").read_text(encoding="utf-8"))["services"]
    listed = set(env_example())
    for name in ("actions", "rasa"):
        assert sorted(set(services[name]["environment"]) - listed) == [], name


def test_every_variable_in_env_example_is_read_somewhere():
    # By asf/settings.py (the assistant), the scripts that start and build it, or compose.yml.
    readers = [ROOT / "asf" / "settings.py", ROOT / "compose.yml", *sorted((ROOT / "scripts").glob("*.sh"))]
    text = "\n".join(path.read_text(encoding="utf-8") for path in readers)
    unread = [name for name in env_example() if not re.search(rf"\b{name}\b", text)]
    assert unread == []


def test_systemd_units_restart_on_failure_as_a_non_root_user():
    folder = ROOT / "deploy" / "systemd"
    for name in ("asf-actions", "asf-rasa", "asf-web"):
        unit = configparser.ConfigParser(strict=False, interpolation=None)
        unit.optionxform = str  # type: ignore[assignment,method-assign]
        unit.read(folder / f"{name}.service", encoding="utf-8")
        assert unit["Service"]["Restart"] == "on-failure"
        assert unit["Service"]["User"] == "asf"
    timer = (folder / "asf-purge.timer").read_text(encoding="utf-8")
    assert "OnCalendar=" in timer
    assert "make purge" in (folder / "asf-purge.service").read_text(encoding="utf-8")


def test_containerfiles_run_as_a_non_root_user_with_health_checks():
    for name in ("rasa", "actions", "web"):
        text = (ROOT / "containers" / f"{name}.Containerfile").read_text(encoding="utf-8")
        assert "\nUSER asf\n" in text and "\nHEALTHCHECK " in text
    python = (ROOT / "containers" / "python.Containerfile").read_text(encoding="utf-8")
    assert "FROM ${DEBIAN_IMAGE}" in python and "scripts/install.sh" in python


def instructions(name: str) -> list[str]:
    """A Containerfile's instructions, one string each (continuation lines joined, comments left out)."""
    text = (ROOT / "containers" / f"{name}.Containerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_the_code_images_copy_the_code_last_and_run_nothing():
    # What makes a code change cheap (scripts/images.sh): every layer before the code is cached.
    for name in ("actions", "rasa"):
        steps = instructions(name)
        assert steps[-1] == "COPY --chown=root:root . /app", name
        assert not [step for step in steps if step.startswith("RUN ")], name


def test_the_dependency_image_is_keyed_on_every_file_it_copies():
    copied = [step.split()[-2] for step in instructions("python") if step.startswith("COPY ") and "--from=" not in step]
    assert copied == ["requirements/py311.lock", "requirements/installer.lock", "scripts/install.sh"]
    script = (ROOT / "scripts" / "images.sh").read_text(encoding="utf-8")
    keyed = re.search(r"deps-\$\(hash_inputs ([^)]*)\)", script)
    assert keyed is not None
    assert set(keyed.group(1).split()) == {"containers/python.Containerfile", *copied}


def test_helm_values_name_the_images_make_images_builds():
    for values, name in (("rasa-values.yml", "asf-rasa"), ("action-server-values.yml", "asf-actions")):
        loaded = yamltext.load((ROOT / "helm" / values).read_text(encoding="utf-8"))
        assert loaded["image"]["name"] == name
    script = (ROOT / "scripts" / "images.sh").read_text(encoding="utf-8")
    assert "asf-$name" in script and "build rasa " in script and "build actions " in script


def test_the_licence_is_the_eupl_1_2():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "Appendix" in text and len(text) > 12_000

"""The Helm values (helm/) describe the same deployment as scripts/cluster.py:
several Rasa replicas, PostgreSQL tracker store, Redis lock store, sticky
sessions for socket.io, our channels, and no secret written in the repo."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from devtools.servers import ROOT

HELM = ROOT / "helm"
ENV_REFERENCE = re.compile(r"^\$\{[A-Z_]+\}$")


def load(name: str) -> dict[str, Any]:
    values: dict[str, Any] = yaml.safe_load((HELM / name).read_text(encoding="utf-8"))
    return values


@pytest.fixture(scope="module")
def rasa() -> dict[str, Any]:
    return load("rasa-values.yml")


@pytest.fixture(scope="module")
def actions() -> dict[str, Any]:
    return load("action-server-values.yml")


def test_several_rasa_replicas(rasa: dict[str, Any]):
    assert rasa["replicaCount"] >= 2
    assert rasa["autoscaling"]["enabled"] is False or rasa["autoscaling"]["minReplicas"] >= 2


def test_tracker_store_is_postgresql_from_the_charts_variables(rasa: dict[str, Any]):
    store = rasa["applicationSettings"]["endpoints"]["trackerStore"]
    assert store["enabled"] is True
    assert store["type"] == "sql" and store["dialect"] == "postgresql"
    assert store["password"] == "${DB_PASSWORD}"
    assert rasa["global"]["postgresql"]["existingSecret"]
    assert rasa["postgresql"]["install"] is False and rasa["postgresql"]["external"]["enabled"] is True


def test_lock_store_is_redis_from_the_charts_variables(rasa: dict[str, Any]):
    store = rasa["applicationSettings"]["endpoints"]["lockStore"]
    assert store["enabled"] is True and store["type"] == "redis"
    assert (store["url"], store["port"], store["password"]) == ("${REDIS_HOST}", "${REDIS_PORT}", "${REDIS_PASSWORD}")
    assert rasa["redis"]["existingSecret"]
    # The chart reads the port from here; without it the template fails.
    assert rasa["redis"]["master"]["service"]["port"] == 6379


def test_socketio_gets_sticky_sessions_on_the_ingress(rasa: dict[str, Any]):
    ingress = rasa["ingress"]
    assert ingress["enabled"] is True
    assert ingress["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert ingress["annotations"]["nginx.ingress.kubernetes.io/session-cookie-name"]
    assert rasa["nginx"]["enabled"] is False  # the ingress routes to the replicas, not a sidecar per pod


def test_channels_are_the_ones_in_credentials_yml(rasa: dict[str, Any]):
    ours = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    helm = rasa["applicationSettings"]["credentials"]["additionalChannelCredentials"]
    assert set(helm) == set(ours)
    for channel, settings in ours.items():
        assert (helm[channel] or {}) == (settings or {}), channel


def test_rasa_reaches_the_action_server_release(rasa: dict[str, Any], actions: dict[str, Any]):
    external = rasa["rasa-action-server"]["external"]
    assert external["enabled"] is True
    # Release "asf-actions" of chart rasa-action-server: service asf-actions-rasa-action-server on port 80.
    assert actions["service"]["port"] == 80
    assert external["url"] == "http://asf-actions-rasa-action-server.asf.svc.cluster.local/webhook"
    assert actions["replicaCount"] >= 1
    assert actions["ingress"]["enabled"] is False


def test_the_http_api_and_telemetry_are_off(rasa: dict[str, Any], actions: dict[str, Any]):
    assert rasa["applicationSettings"]["enableAPI"] is False
    assert "--enable-api" not in rasa["args"] and "--auth-token" not in rasa["args"]
    assert rasa["applicationSettings"]["telemetry"]["enabled"] is False
    assert actions["applicationSettings"]["telemetry"]["enabled"] is False
    assert "*" not in rasa["args"]  # CORS names the intranet page


def walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from walk(value, f"{path}[{number}]")
    else:
        yield path, node


def literal_secrets(values: dict[str, Any]) -> list[str]:
    """Paths of values that look like a secret written out instead of taken from a Secret."""
    found = []
    for path, value in walk(values):
        leaf = path.rsplit(".", 1)[-1].lower()
        # Names of Secrets and of keys in them are fine; their contents are not.
        names_a_secret = leaf.startswith("existingsecret") or leaf.endswith("secretname")
        secretish = any(word in leaf for word in ("password", "token", "secret")) and not names_a_secret
        if secretish and value not in ("", None) and not ENV_REFERENCE.match(str(value)):
            found.append(path)
    for variable in values.get("extraEnv", []):
        if any(word in variable["name"] for word in ("TOKEN", "PASSWORD", "SECRET", "KEY")) and "value" in variable:
            found.append(f"extraEnv {variable['name']}")
    return found


@pytest.mark.parametrize("name", ["rasa-values.yml", "action-server-values.yml"])
def test_no_secret_is_written_in_the_values(name: str):
    assert literal_secrets(load(name)) == []


def test_the_check_notices_a_literal_password_or_token():
    values = {
        "global": {"postgresql": {"postgresqlPassword": "hemligt", "existingSecret": "asf-postgresql"}},
        "redis": {"auth": {"password": "${REDIS_PASSWORD}"}},
        "extraEnv": [{"name": "ASF_REST_TOKEN", "value": "abc"}, {"name": "ASF_CONTACT", "value": "kansliet"}],
    }
    assert literal_secrets(values) == [".global.postgresql.postgresqlPassword", "extraEnv ASF_REST_TOKEN"]


def test_only_the_rasa_pods_may_call_the_action_server(rasa: dict[str, Any], actions: dict[str, Any]):
    policy = load("action-server-networkpolicy.yml")
    assert policy["kind"] == "NetworkPolicy"
    spec = policy["spec"]
    assert spec["podSelector"]["matchLabels"].items() <= actions["podLabels"].items()
    assert spec["policyTypes"] == ["Ingress"]
    (rule,) = spec["ingress"]  # one rule: anything else is refused
    (source,) = rule["from"]
    assert source == {"podSelector": {"matchLabels": rasa["podLabels"]}}
    assert rule["ports"] == [{"protocol": "TCP", "port": actions["applicationSettings"]["port"]}]

"""The Helm values (helm/) describe the same deployment as scripts/cluster.py:
several Rasa replicas, PostgreSQL tracker store, Redis lock store, sticky
sessions for socket.io, our channels, and no secret written in the repo; the
action server behind its token gate, request size limits, and only the Teams and
Slack webhooks on the internet-facing ingress.

Rasa's charts (helm.rasa.com) and the helm binary are not available on this
machine (no package ships them), so the values cannot be rendered through the
charts' templates here. Where the chart copies a block of values into a file
Rasa reads (the endpoints), the test builds that file the same way and lets
Rasa's own reader load it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from asf import yamltext
from devtools.servers import ROOT

HELM = ROOT / "helm"
ENV_REFERENCE = re.compile(r"^\$\{[A-Z_]+\}$")


def load(name: str) -> dict[str, Any]:
    values: dict[str, Any] = yamltext.load((HELM / name).read_text(encoding="utf-8"))
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
    ours = yamltext.load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    helm = rasa["applicationSettings"]["credentials"]["additionalChannelCredentials"]
    assert set(helm) == set(ours)
    for channel, settings in ours.items():
        assert (helm[channel] or {}) == (settings or {}), channel


def env(values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {variable["name"]: variable for variable in values.get("extraEnv", [])}


def test_rasa_reaches_the_action_server_release(rasa: dict[str, Any], actions: dict[str, Any]):
    # Release "asf-actions" of chart rasa-action-server: service asf-actions-rasa-action-server on port 80.
    assert actions["service"]["port"] == 80
    url = env(rasa)["ACTION_SERVER_URL"]["value"]
    assert url == "http://asf-actions-rasa-action-server.asf.svc.cluster.local/webhook"
    assert actions["replicaCount"] >= 1
    assert actions["ingress"]["enabled"] is False


def chart_endpoints(rasa: dict[str, Any]) -> dict[str, Any]:
    """endpoints.yml as the rasa chart writes it from these values (its config-map template).

    The chart writes `action_endpoint` with only a url when its rasa-action-server is installed or
    external, and appends `additionalEndpoints` as they are."""
    endpoints = rasa["applicationSettings"]["endpoints"]
    out: dict[str, Any] = {}
    for key, name in (("trackerStore", "tracker_store"), ("lockStore", "lock_store")):
        if endpoints[key]["enabled"]:
            out[name] = {k: v for k, v in endpoints[key].items() if k != "enabled"}
    server = rasa["rasa-action-server"]
    chart_writes_action = server["install"] or (server["external"]["enabled"] and server["external"].get("url"))
    extra = endpoints.get("additionalEndpoints") or {}
    assert not (chart_writes_action and "action_endpoint" in extra), "two action_endpoint keys in endpoints.yml"
    if chart_writes_action:
        out["action_endpoint"] = {"url": "${ACTION_SERVER_URL}"}
    out.update(extra)
    return out


def test_rasa_sends_the_action_servers_secret(rasa: dict[str, Any], tmp_path, monkeypatch: pytest.MonkeyPatch):
    from rasa.utils.endpoints import read_endpoint_config

    file = tmp_path / "endpoints.yml"
    file.write_text(yaml.safe_dump(chart_endpoints(rasa)), encoding="utf-8")
    monkeypatch.setenv("ACTION_SERVER_URL", env(rasa)["ACTION_SERVER_URL"]["value"])
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "s3cret")
    for variable in ("DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_DATABASE", "REDIS_HOST", "REDIS_PORT"):
        monkeypatch.setenv(variable, "1")  # the chart sets these; Rasa expands every ${...} in the file
    monkeypatch.setenv("REDIS_PASSWORD", "x")
    action = read_endpoint_config(str(file), "action_endpoint")
    assert action is not None and action.url == env(rasa)["ACTION_SERVER_URL"]["value"]
    assert action.headers == {"X-Action-Token": "s3cret"}


def test_the_action_server_runs_with_its_token_gate(rasa: dict[str, Any], actions: dict[str, Any]):
    # actions/gate.py refuses every call unless ACTION_SERVER_TOKEN is set; both sides read one Secret key.
    ours = env(actions)["ACTION_SERVER_TOKEN"]["valueFrom"]["secretKeyRef"]
    theirs = env(rasa)["ACTION_SERVER_TOKEN"]["valueFrom"]["secretKeyRef"]
    assert ours == theirs and not ours.get("optional")
    assert (ROOT / "rasa_sdk_plugins" / "__init__.py").is_file()


def test_both_servers_limit_the_request_size(rasa: dict[str, Any], actions: dict[str, Any]):
    run_sh = (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    rasa_limit = int(env(rasa)["SANIC_REQUEST_MAX_SIZE"]["value"])
    actions_limit = int(env(actions)["SANIC_REQUEST_MAX_SIZE"]["value"])
    assert f"ASF_MAX_REQUEST_BYTES:-{rasa_limit}" in run_sh
    assert f"ASF_ACTION_MAX_REQUEST_BYTES:-{actions_limit}" in run_sh
    assert rasa["ingress"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"] == "1m"


def test_only_the_teams_and_slack_webhooks_are_on_the_internet_facing_ingress(rasa: dict[str, Any]):
    public = load("public-webhooks-ingress.yml")
    assert public["kind"] == "Ingress"
    paths = [path for rule in public["spec"]["rules"] for path in rule["http"]["paths"]]
    assert sorted(path["path"] for path in paths) == ["/webhooks/botframework/webhook", "/webhooks/slack/webhook"]
    assert {path["pathType"] for path in paths} == {"Exact"}  # not /webhooks/rest/webhook by prefix
    # The chart names the service <release>-rasa ("asf-rasa") with the port "http".
    assert {path["backend"]["service"]["name"] for path in paths} == {"asf-rasa"}
    assert {path["backend"]["service"]["port"]["name"] for path in paths} == {"http"}
    assert public["spec"]["ingressClassName"] != rasa["ingress"]["ingressClassName"]
    assert public["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"] == "1m"


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

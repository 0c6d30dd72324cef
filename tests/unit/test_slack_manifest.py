"""`make slack-manifest`: the Slack app from one file, with the server's address filled in."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from devtools.servers import ROOT
from scripts.slack_manifest import BOT_EVENTS, ManifestError, manifest, write


def test_the_manifest_sends_events_and_clicks_to_the_servers_webhook(tmp_path: Path):
    document = json.loads(write("https://asf.example.se/", False, tmp_path / "m.json").read_text(encoding="utf-8"))
    url = "https://asf.example.se/webhooks/slack/webhook"
    settings = document["settings"]
    assert settings["event_subscriptions"] == {"bot_events": BOT_EVENTS, "request_url": url}
    assert settings["interactivity"] == {"is_enabled": True, "request_url": url}
    assert settings["socket_mode_enabled"] is False
    assert set(BOT_EVENTS) == {"app_mention", "message.im"}  # what channels/slack/channel.py answers
    # Slack's limits on the texts people see in the app directory.
    info = document["display_information"]
    assert len(info["name"]) <= 35 and len(info["description"]) <= 140
    assert 175 <= len(info["long_description"]) <= 4000
    assert document["features"]["app_home"]["messages_tab_enabled"] is True
    assert {"chat:write", "files:write", "app_mentions:read", "im:history"} <= set(
        document["oauth_config"]["scopes"]["bot"]
    )


def test_a_path_behind_a_proxy_is_kept():
    document = manifest("https://intra.example.se/asf", False)
    assert (
        document["settings"]["event_subscriptions"]["request_url"]
        == "https://intra.example.se/asf/webhooks/slack/webhook"
    )


def test_socket_mode_needs_no_public_address():
    document = manifest("", True)
    assert document["settings"]["socket_mode_enabled"] is True
    assert "request_url" not in document["settings"]["event_subscriptions"]
    assert "request_url" not in document["settings"]["interactivity"]


@pytest.mark.parametrize("url", ["", "http://asf.example.se", "asf.example.se", "https://asf.example.se/?a=1"])
def test_a_missing_or_wrong_address_is_refused_in_swedish(url: str):
    with pytest.raises(ManifestError, match="ASF_PUBLIC_URL"):
        manifest(url, False)


def test_the_command_reads_asf_public_url_and_says_where_it_wrote(tmp_path: Path):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "ASF_PUBLIC_URL": "https://asf.example.se"}
    python = str(ROOT / ".venv" / "bin" / "python")
    done = subprocess.run([python, "-m", "scripts.slack_manifest"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "Skrev dist/slack/manifest.json" in done.stdout
    written = json.loads((ROOT / "dist" / "slack" / "manifest.json").read_text(encoding="utf-8"))
    assert written["settings"]["interactivity"]["request_url"] == "https://asf.example.se/webhooks/slack/webhook"
    missing = {k: v for k, v in env.items() if k != "ASF_PUBLIC_URL"}
    refused = subprocess.run(
        [python, "-m", "scripts.slack_manifest"], cwd=ROOT, capture_output=True, text=True, env=missing
    )
    assert refused.returncode == 1 and "ASF_PUBLIC_URL saknas" in refused.stderr

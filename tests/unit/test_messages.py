"""The assistant's own words come from content/messages.yml: read on first use,
filled in by name, and a wrong key or placeholder is a clear error, not a broken reply."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from asf import dialogue, messages, settings
from asf.content_check import Files, check_messages
from asf.messages import MessageError
from asf.turns import State

ROOT = settings.ROOT


def test_every_text_the_code_asks_for_exists_and_gets_its_placeholders():
    files = Files.default()
    assert check_messages(files.messages, files.content / "messages.schema.json", files.code) == []


def test_a_text_is_filled_in_by_name():
    assert messages.text("handoff.text", contact="Anna på kansliet").startswith(
        "Du kan vända dig till Anna på kansliet."
    )
    assert messages.text("buttons.assess") == "Bedöm en insats"


def test_an_unknown_key_names_the_file_and_the_key():
    with pytest.raises(MessageError, match=r"messages\.yml har ingen text 'start\.finns_inte'"):
        messages.text("start.finns_inte")


def test_a_placeholder_the_caller_does_not_fill_is_named():
    with pytest.raises(MessageError, match=r"'handoff\.text' använder \{contact\}.*den ger: inga"):
        messages.text("handoff.text")


def edited_content(tmp_path: Path, old: str, new: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(settings.content_dir(), content)
    text = (content / "messages.yml").read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in messages.yml"
    (content / "messages.yml").write_text(text.replace(old, new), encoding="utf-8")
    return content


def test_an_editors_new_wording_reaches_the_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    content = edited_content(tmp_path, "Vi börjar om från början.", "Nu börjar vi om.")
    monkeypatch.setenv("ASF_CONTENT_DIR", str(content))
    replies, _ = dialogue.restart(State())
    assert replies[0].text is not None and replies[0].text.startswith("Nu börjar vi om.\n\n")


def test_a_misspelled_placeholder_fails_loudly_instead_of_reaching_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    content = edited_content(tmp_path, "vända dig till {contact}", "vända dig till {kontakt}")
    monkeypatch.setenv("ASF_CONTENT_DIR", str(content))
    with pytest.raises(MessageError, match=r"\{kontakt\}"):
        dialogue.handoff(State())


def test_a_stray_brace_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    content = edited_content(tmp_path, "Vi börjar om från början.", "Vi börjar om {från början.")
    monkeypatch.setenv("ASF_CONTENT_DIR", str(content))
    with pytest.raises(MessageError, match="ensam klammer"):
        messages.text("assessment.restart")


def test_importing_the_dialogue_and_the_actions_reads_no_content(tmp_path: Path):
    """Module constants that need texts would fail here: the content directory is empty."""
    code = "import asf.dialogue, asf.training.flow, asf.memo, actions.actions"
    env = {**os.environ, "ASF_CONTENT_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]

"""The terminal walk reviewers use (`make walk`)."""

from __future__ import annotations

import io

from asf.guidance.__main__ import main, walk_command


def run_walk(lines: str) -> str:
    out = io.StringIO()
    assert walk_command(io.StringIO(lines), out) == 0
    return out.getvalue()


def test_walk_by_numbers_shows_outcome_and_path():
    out = run_walk("5\n5\n1\n")  # företaget -> medlem -> förbundet
    assert "Förbundet bör inte finansiera insatsen." in out
    assert "Vägen dit:" in out
    assert "→ Bli medlem i företaget eller i en intresseorganisation" in out
    assert "punkt 3" in out


def test_walk_understands_words_why_and_back():
    out = run_walk("v\ndeltagare\nt\n2\n1\n")
    assert "Förbundet har enligt lagen två uppgifter" in out  # the help text for 'varför'
    assert "Vad ska kunskaps- eller samverkansinsatsen göra?" in out  # after going back and choosing 2


def test_walk_stops_on_end_of_input():
    assert "Vem är insatsen till för i första hand?" in run_walk("")


def test_unknown_command_prints_usage():
    assert main(["nonsense"]) == 2

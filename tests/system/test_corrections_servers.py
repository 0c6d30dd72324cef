"""Corrections as people type them, read by the running assistant (REST, real NLU, Rasa and action
servers): a correction after a result changes one answer, and a rejected summary gains a missing line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devtools.servers import Servers, running_servers

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    with running_servers(tmp_path_factory.mktemp("corrections")) as running:
        yield running


def texts(replies: list[dict[str, object]]) -> str:
    return "\n".join(str(reply.get("text", "")) for reply in replies)


def buttons(replies: list[dict[str, object]]) -> list[str]:
    found: list[str] = []
    for reply in replies:
        listed = reply.get("buttons")
        if isinstance(listed, list):
            found += [str(button["title"]) for button in listed]
    return found


def result_answers(replies: list[dict[str, object]]) -> dict[str, str]:
    for reply in replies:
        custom = reply.get("custom")
        if isinstance(custom, dict) and "answers" in custom:
            return dict(custom["answers"])
    raise AssertionError(f"no result in {texts(replies)}")


def test_a_typed_correction_after_a_result_changes_only_that_answer(servers: Servers):
    sender = "corr-result"
    servers.say(sender, "/start_assessment")
    for question, choice in [
        ("vem", "deltagare"),
        ("malgrupp", "ja"),
        ("insats_typ", "arbetsforberedande"),
        ("utforare", "kommunen"),
    ]:
        servers.say(sender, f'/inform{{"question":"{question}","choice":"{choice}"}}')
    before = result_answers(servers.say(sender, '/inform{"question":"pengavag","choice":"via_part"}'))
    replies = servers.say(sender, "nej det är regionen som upphandlar, inte kommunen")
    assert result_answers(replies) == {**before, "utforare": "regionen"}
    assert "Så här uppfattar jag insatsen" not in texts(replies)


def test_a_missing_fact_is_added_after_no_to_the_summary(servers: Servers):
    sender = "corr-missing"
    servers.say(sender, "Vi vill ordna arbetsträning för deltagare på ett socialt kafé")
    replies = servers.say(sender, "/deny")
    assert "Något saknas" in buttons(replies)
    servers.say(sender, '/change_answer{"question":"saknas"}')
    replies = servers.say(sender, "det saknas att kommunen upphandlar")
    said = texts(replies)
    assert "Så här uppfattar jag insatsen" in said and "Kommunen – du skrev" in said
    assert "Arbetsträning" in said  # the lines that were right are kept

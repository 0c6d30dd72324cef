"""What people write, read by the running assistant (REST, real NLU, Rasa and action servers):
the misreadings the understanding issue lists, each in new wording, and corrections as people
type them (a correction after a result changes one answer, a rejected summary gains a missing line)."""

from __future__ import annotations

import pytest

from devtools.servers import Servers

# The servers are shared with the other files in this group (tests/system/conftest.py).
pytestmark = [pytest.mark.servers, pytest.mark.xdist_group("shared-servers")]


def texts(replies: list[dict[str, object]]) -> str:
    return "\n".join(str(reply.get("text", "")) for reply in replies)


def buttons(replies: list[dict[str, object]], field: str = "title") -> list[str]:
    found: list[str] = []
    for reply in replies:
        listed = reply.get("buttons")
        if isinstance(listed, list):
            found += [str(button[field]) for button in listed]
    return found


def test_the_lawful_route_gets_a_summary_with_the_users_words_not_a_must_not(servers: Servers):
    sender = "und-lawful"
    replies = servers.say(
        sender,
        "Regionen tänker upphandla arbetsträning på ett socialt bageri åt sina patienter, "
        "och förbundet betalar genom regionen",
    )
    said = texts(replies)
    assert "Så här uppfattar jag insatsen" in said and "du skrev ”" in said
    assert "bör inte" not in said and "kontantbidrag" not in said


def test_no_to_the_summary_asks_for_the_wrong_line_and_keeps_the_rest(servers: Servers):
    sender = "und-correct"
    servers.say(sender, "Kommunen köper praktikplatser åt deltagare på ett kooperativ, pengarna går via kommunen")
    replies = servers.say(sender, "/deny")
    assert "Vilken rad stämmer inte?" in texts(replies)
    assert any(title.startswith("Vilken part") for title in buttons(replies))
    replies = servers.say(sender, '/change_answer{"question":"utforare"}')
    assert "Det andra behåller jag" in texts(replies)
    # What the description left open comes first (the target group; who it is for, when the
    # reading was unsure of it); then the rejected line. The kept line is never asked.
    said = texts(replies)
    for _ in range(3):
        if "Vilken part ansvarar" in said:
            break
        assert "Vad ska deltagarna få" not in said
        question = next(q for q in ("vem", "malgrupp") if f'"question":"{q}"' in " ".join(buttons(replies, "payload")))
        choice = {"vem": "deltagare", "malgrupp": "ja"}[question]
        replies = servers.say(sender, f'/inform{{"question":"{question}","choice":"{choice}"}}')
        said = texts(replies)
    assert "Vilken part ansvarar" in said and "Vad ska deltagarna få" not in said


def test_two_parties_typed_as_an_answer_are_recorded_jointly_and_start_no_training(servers: Servers):
    sender = "und-joint"
    servers.say(sender, "/start_assessment")
    servers.say(sender, '/inform{"question":"vem","choice":"deltagare"}')
    servers.say(sender, '/inform{"question":"malgrupp","choice":"ja"}')
    servers.say(sender, '/inform{"question":"insats_typ","choice":"arbetsforberedande"}')
    replies = servers.say(sender, "Försäkringskassan och regionen gemensamt")
    said = texts(replies)
    assert "Jag noterar: Flera parter tillsammans" in said
    assert "Övningsläge" not in said and "påhittade fall" not in said


def test_a_question_about_personal_data_gets_an_honest_answer(servers: Servers):
    replies = servers.say("und-other", "Får vi skicka deltagarnas diagnoser till det sociala företaget?")
    said = texts(replies)
    assert "dataskyddsombudet" in said or "personuppgifter" in said
    assert "Så här uppfattar jag insatsen" not in said


def result_answers(replies: list[dict[str, object]]) -> dict[str, str]:
    for reply in replies:
        custom = reply.get("custom")
        if isinstance(custom, dict) and "answers" in custom:
            return dict(custom["answers"])
    raise AssertionError(f"no result in {texts(replies)}")


def assessed_via_the_municipality(servers: Servers, sender: str) -> list[dict[str, object]]:
    """Work training the municipality procures, the money via it, by buttons: the result's replies."""
    servers.say(sender, "/start_assessment")
    for question, choice in [
        ("vem", "deltagare"),
        ("malgrupp", "ja"),
        ("insats_typ", "arbetsforberedande"),
        ("utforare", "kommunen"),
    ]:
        servers.say(sender, f'/inform{{"question":"{question}","choice":"{choice}"}}')
    return servers.say(sender, '/inform{"question":"pengavag","choice":"via_part"}')


def test_a_typed_correction_after_a_result_changes_only_that_answer(servers: Servers):
    sender = "corr-result"
    before = result_answers(assessed_via_the_municipality(servers, sender))
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


def test_an_answer_that_also_names_later_answers_is_named_again_and_a_typed_yes_takes_it(servers: Servers):
    """Trial 46 (t46-4): words typed at one question that answer later ones were asked for again as if unsaid."""
    sender = "und-later"
    servers.say(sender, "/start_assessment")
    servers.say(sender, '/inform{"question":"vem","choice":"foretaget"}')
    servers.say(sender, "arbetsförmedlingen köper praktikplatser av dem och förbundet betalar arbetsförmedlingen")
    servers.say(sender, '/inform{"question":"malgrupp","choice":"ja"}')
    replies = servers.say(sender, '/inform{"question":"insats_typ","choice":"arbetsforberedande"}')
    assert "Det låter som ”Arbetsförmedlingen”" in texts(replies)
    assert buttons(replies)[0] == "Arbetsförmedlingen"
    replies = servers.say(sender, "ja")
    assert "Jag noterar: Arbetsförmedlingen." in texts(replies) and "Hur ska förbundets pengar gå?" in texts(replies)
    assert "Det låter som ”Via Arbetsförmedlingen”" in texts(replies)


def memo_outcome(replies: list[dict[str, object]]) -> str:
    for reply in replies:
        custom = reply.get("custom")
        if isinstance(custom, dict) and custom.get("type") == "decision_memo":
            return str(custom["outcome_id"])
    raise AssertionError(f"no memo in {texts(replies)}")


def test_a_what_if_after_a_result_leaves_the_memo_with_the_assessment_until_chosen(servers: Servers):
    sender = "what-if-record"
    first = assessed_via_the_municipality(servers, sender)
    outcome = next(str(c["outcome_id"]) for r in first if isinstance(c := r.get("custom"), dict))
    tried = servers.say(sender, "om vi betalar fakturorna direkt till kooperativet i stället, går det?")
    assert result_answers(tried)["pengavag"] == "direkt"
    assert "Det här var en prövning" in texts(tried)
    assert memo_outcome(servers.say(sender, "beslutsunderlag")) == outcome  # not the one only tried
    chosen = servers.say(sender, "använd de nya svaren")
    assert "gäller bedömningen de nya svaren" in texts(chosen)
    assert memo_outcome(servers.say(sender, "beslutsunderlag")) != outcome

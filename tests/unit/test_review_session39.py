"""Behaviours the second review of session 39 found broken by that session's changes, each held here: what a user
writes that must keep reading as it did before."""

from __future__ import annotations

from actions.actions import ActionAnswer, ActionDescribeInitiative, ActionHandoff, ActionStartAssessment
from asf.guidance import swedish
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_answer, without_introduction
from tests.unit.test_actions import run, tracker
from tests.unit.test_dialogue_corrections import Conversation, said
from tests.unit.test_feedback import after_result


def negated(word: str, text: str) -> bool:
    return next(t.negated for t in swedish.tokens(text) if t.word == word)


def test_dropping_a_thing_denies_that_thing_only():
    text = "kan vi skippa kommunen och låta förbundet betala kaféet direkt"
    assert negated("kommunen", text)
    assert not negated("forbundet", text) and not negated("direkt", text)
    # "stryka" is also ironing, done in laundries
    assert not negated("hotell", "deltagarna får tvätta och stryka skjortor åt hotell")


def test_a_comment_restating_the_initiative_assessed_is_still_the_comment():
    slots = after_result(status="answered", answer="nej")  # the result was a grant to a company
    comment = "Det hade varit bra med mer om hur kommunen ska upphandla arbetsträningen för deltagarna."
    _, changed = run(ActionDescribeInitiative(), tracker(comment, intent="describe_initiative", **slots))
    assert changed["feedback"]["comment"] == comment


def test_some_of_them_named_after_a_yes_said_of_them_is_still_in_part():
    question = default_tree().questions["malgrupp"]
    for text in (
        "ja de har olika behov, vissa behöver bara stöd från AF",
        "ja de är sjukskrivna, en del har kontakt med soc",
    ):
        assert read_answer(question, text).option is None


def at_the_money_question() -> Conversation:
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    for question, choice in (
        ("vem", "deltagare"),
        ("malgrupp", "ja"),
        ("insats_typ", "handledare"),
        ("handledare_anstalld", "hos_part"),
        ("utforare", "kommunen"),
    ):
        talk.click(question, choice)
    return talk


def test_money_sent_to_another_party_beside_the_one_named_as_buying_keeps_who_procures():
    talk = at_the_money_question()
    talk.send(ActionAnswer(), "pengarna till handledaren går till regionen, men det är kommunen som köper platserna")
    assert talk.slots["answers"]["utforare"] == "kommunen"
    talk = at_the_money_question()
    talk.send(ActionAnswer(), "via kommunen. pengarna får inte skickas till regionen")
    assert talk.slots["last_result"]["answers"]["pengavag"] == "via_part"


def test_a_correction_of_whom_it_is_for_at_the_summary_keeps_the_note_about_a_part_left_out():
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Förbundet ordnar en temadag om sociala företag och betalar lokalen. Förbundet köper också"
        " arbetsträningsplatser på kaféet och betalar kaféet direkt utan någon part.",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), "nej, temadagen är öppen för allmänheten, alla som vill får komma")
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    talk.click("mottagare", "egen_verksamhet")
    assert talk.slots["last_result"].get("not_assessed")


def test_an_introduction_ending_in_och_undrar_is_read():
    text = "Jag är samordnare för arbetsträning för deltagare på ett kafé och undrar om förbundet kan betala platserna?"
    assert without_introduction(text) == text


def test_a_request_for_someones_email_about_a_topic_is_a_handoff():
    talk = Conversation()
    sent = talk.send(
        ActionHandoff(), "Kan jag mejla någon på kansliet om hur länge chatten sparas?", intent="human_handoff"
    )
    assert "vända dig till förbundets kansli" in said(sent)


def test_where_participants_are_registered_added_after_no_is_not_who_procures():
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Stressgrupp för personer som är anställda med lönebidrag på ett kooperativ och som själva behöver stöd för att"
        " klara jobbet. Kan förbundet betala?",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), "/deny", intent="deny")
    talk.send(ActionAnswer(), "det saknas att deltagarna är inskrivna på AF")
    assert (talk.slots.get("pending_answers") or {}).get("utforare") != "arbetsformedlingen"


def test_an_answer_heard_as_a_wish_to_talk_to_someone_is_an_answer_while_a_question_is_open():
    # Trial 60 (t60-2): "startbidrag, kontanter till föreningen …" and then "va? jag vill inte prata med kansliet.
    # bidrag i pengar, det första alternativet" each got the kansli's contact details.
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "foretaget")
    sent = talk.send(
        ActionHandoff(), "hä? vill inte prata med kansliet. bidrag i pengar, första knappen", intent="human_handoff"
    )
    assert "vända dig till förbundets kansli" not in said(sent)
    assert talk.slots["last_result"]["answers"]["stod_till_foretag"] == "pengar"
    # Asking for a person mid-question is still that.
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    sent = talk.send(ActionHandoff(), "kan jag prata med en människa i stället?", intent="human_handoff")
    assert "vända dig till förbundets kansli" in said(sent)


def test_the_memo_warns_before_the_description_when_the_answers_made_it_an_initiative_for_others():
    # Trial 60 (t60-4): after "Ändra svar" made it a seminar for the parties' staff, the memo showed the description of
    # a course for the companies' supervisors above "kan finansieras", the change noted only below it.
    from actions.actions import ActionChangeAnswer, ActionRequestMemo
    from tests.unit.test_what_if_record import described_via_kommunen

    talk = described_via_kommunen()
    talk.send(ActionChangeAnswer(), '/change_answer{"question":"vem"}', intent="change_answer", question="vem")
    for question, choice in (
        ("vem", "parter_och_aktorer"),
        ("strukturell_typ", "evenemang"),
        ("mottagare", "egen_verksamhet"),
    ):
        talk.click(question, choice)
    assert talk.slots["last_result"]["answers"]["vem"] == "parter_och_aktorer"
    sent = talk.send(ActionRequestMemo(), "beslutsunderlag", intent="request_memo")
    markdown = next(m["custom"]["markdown"] for m in sent if (m.get("custom") or {}).get("type") == "decision_memo")
    insatsen = markdown.split("## Insatsen", 1)[1]
    warning = insatsen.index("Observera: svaren ändrades efter beskrivningen nedan")
    assert warning < insatsen.index("Kommunen köper arbetsträningsplatser")

"""The statistics and the conversation review, from a store filled by the real actions (tests/unit/recorder.py).

Six conversations in four channels; the expected figures are counted by hand in the comments.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from asf.statistics import figures, replay, store
from asf.statistics.__main__ import main
from asf.training.cases import default_cases
from tests.unit.recorder import Conversation, at, write

SENDERS = ("web-anna-19850312", "rest-client-1", "teams-7f3a9c", "slack-U0ANNA", "web-trainee", "web-december")
NOVEMBER = figures.Period(date(2026, 11, 1), date(2026, 11, 30))


def conversations() -> list[Conversation]:
    # A, intranet, week 45: a result by buttons in 3 messages and 2 minutes, "Nej" and a comment with a phone number.
    a = Conversation(SENDERS[0], "socketio", at("2026-11-02 10:00"))
    a.click("/start_assessment")
    a.click('/inform{"question":"vem","choice":"foretaget"}')
    a.click('/inform{"question":"stod_till_foretag","choice":"pengar"}')
    a.click('/feedback{"choice":"nej"}')
    a.say("Svaret saknade lönebidrag, ring mig på 070-123 45 67", "describe_initiative")
    # B, REST, week 45: one typed answer not understood (stored unmasked, as an older version might have),
    # one understood; stops at the second question.
    b = Conversation(SENDERS[1], "rest", at("2026-11-03 09:00"))
    b.click("/start_assessment")
    b.say("blåbärssoppa anna@example.se 19850312-1234", "nlu_fallback")
    b.say("det gäller våra deltagare", "inform")
    # C, Teams, week 46: a description; the user says no to the summary and leaves.
    c = Conversation(SENDERS[2], "botframework", at("2026-11-10 14:00"))
    c.say("Vi vill ordna ett seminarium om sociala företag för parterna", "describe_initiative")
    c.click("/deny")
    # D, Slack, week 46: "not covered" in 4 messages and 3 minutes, a typed "ja" to the feedback question;
    # then a new assessment that stops at the first question.
    d = Conversation(SENDERS[3], "slack", at("2026-11-12 11:00"))
    d.click("/start_assessment")
    d.click('/inform{"question":"vem","choice":"deltagare"}')
    d.click('/inform{"question":"malgrupp","choice":"ja"}')
    d.click('/inform{"question":"insats_typ","choice":"annat"}')
    d.say("ja", "affirm")
    d.click("/start_assessment")
    # E, intranet, week 47: two training rounds of set "grund": right, wrong (50 %); right (100 %).
    cases = default_cases()
    first, second = (cases.cases[case] for case in cases.sets["grund"][:2])
    wrong = next(v for v in ("financeable", "not_financeable") if v != second.verdict)
    e = Conversation(SENDERS[4], "socketio", at("2026-11-20 13:00"))
    e.say("övning grund", "start_training")
    e.click(f'/judge{{"verdict":"{first.verdict}"}}')
    e.click("/skip_case")
    e.click(f'/judge{{"verdict":"{wrong}"}}')
    e.click("/stop_training")
    e.say("övning grund", "start_training")
    e.click(f'/judge{{"verdict":"{first.verdict}"}}')
    e.click("/stop_training")
    # F, intranet, in December: outside November; a financeable result and "Ja".
    f = Conversation(SENDERS[5], "socketio", at("2026-12-01 10:00"))
    f.click("/start_assessment")
    f.click('/inform{"question":"vem","choice":"parter_och_aktorer"}')
    f.click('/inform{"question":"strukturell_typ","choice":"samordnare"}')
    f.click('/inform{"question":"mottagare","choice":"egen_verksamhet"}')
    f.click('/feedback{"choice":"ja"}')
    return [a, b, c, d, e, f]


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return write(tmp_path_factory.mktemp("store") / "tracker.db", conversations())


@pytest.fixture(scope="module")
def november(url: str) -> figures.Figures:
    since, until = NOVEMBER.bounds()
    return figures.count((replay.replay(e) for e in store.conversations(url, since, until)), NOVEMBER)


def value(found: figures.Figures, table: str, row: str, column: str) -> object:
    return found.tables[table].value(row, column)


def test_key_figures_for_november(november: figures.Figures):
    rows = dict(november.tables["oversikt"].rows)
    assert rows["Samtal"] == (5,)  # F is in December
    assert rows["Bedömningar som började"] == (5,)  # A, B, C and two in D
    assert rows["Bedömningar med resultat"] == (2,)  # A and D
    assert rows["Bedömningar utan resultat"] == (3,)
    assert rows["Andel med resultat som inte täcks av vägledningen (%)"] == (50.0,)
    assert rows["Beskrivningar med egna ord som fick en sammanfattning"] == (1,)
    assert rows["Andel sammanfattningar som användaren sa nej till (%)"] == (100.0,)
    assert rows["Skrivna svar på frågor"] == (2,)  # B's two; D's "ja" came after the result
    assert rows["Meddelanden som assistenten inte förstod"] == (1,)
    assert rows["Svar på frågan om nytta"] == (2,)
    assert rows["Andel som svarade ja (%)"] == (50.0,)
    assert rows["Övningsomgångar"] == (2,) and rows["Bedömda övningsfall"] == (3,)
    assert rows["Andel rätt i övningsläget (%)"] == (66.7,)


def test_over_time_verdicts_outcomes_and_channels(november: figures.Figures):
    assert november.tables["per_vecka"].rows == (("2026-v45", (2, 1)), ("2026-v46", (3, 1)))
    assert november.tables["per_manad"].rows == (("2026-11", (5, 2)),)
    assert value(november, "per_bedomning", "Bör inte finansieras", "Antal") == 1
    assert value(november, "per_bedomning", "Täcks inte av vägledningen", "Andel (%)") == 50.0
    assert value(november, "per_bedomning", "Kan finansieras", "Antal") == 0
    outcomes = dict(november.tables["per_utfall"].rows)
    assert [n for n, _ in outcomes.values()] == [1, 1]
    assert set(outcomes) == {figures.outcome_name("kontantbidrag"), figures.outcome_name("utanfor_vagledningen")}
    assert dict(november.tables["per_kanal"].rows) == {
        "Intranätet": (1, 1),
        "REST (andra system)": (1, 0),
        "Slack": (2, 1),
        "Teams": (1, 0),
    }


def test_where_assessments_stop_and_how_long_they_take(november: figures.Figures):
    stops = dict(november.tables["avbrutna"].rows)
    assert stops == {
        figures.question_name("malgrupp"): (1, 33.3),
        figures.question_name("vem"): (1, 33.3),
        "Sammanfattningen av en beskrivning": (1, 33.3),
    }
    assert value(november, "langd", "Meddelanden från användaren", "Median") == 3.5  # 3 (A) and 4 (D)
    assert value(november, "langd", "Minuter", "Medel") == 2.5  # 2 and 3
    assert value(november, "langd_meddelanden", "1–5 meddelanden", "Bedömningar") == 2
    assert value(november, "langd_minuter", "2–5 minuter", "Bedömningar") == 2


def test_misunderstood_answers_per_question_masked(november: figures.Figures):
    vem = figures.question_name("vem")
    assert dict(november.tables["forstod_inte"].rows)[vem] == (2, 1, 50.0)
    said = list(november.texts.misread[vem])
    assert said == ["blåbärssoppa [e-postadress] [personnummer]"]


def test_feedback_per_outcome_with_the_masked_comment(november: figures.Figures):
    rows = dict(november.tables["nytta"].rows)
    assert rows[figures.outcome_name("kontantbidrag")] == (0, 1, 0.0)
    assert rows[figures.outcome_name("utanfor_vagledningen")] == (1, 0, 100.0)
    assert november.texts.comments == [
        (figures.outcome_name("kontantbidrag"), "Nej", "Svaret saknade lönebidrag, ring mig på [telefonnummer]")
    ]


def test_training_scores_and_cases_missed(november: figures.Figures):
    assert dict(november.tables["ovning_poang"].rows) == {
        "under 25 % rätt": (0,),
        "25–49 % rätt": (0,),
        "50–74 % rätt": (1,),
        "75–100 % rätt": (1,),
    }
    cases = default_cases()
    first, second = (cases.cases[case].title for case in cases.sets["grund"][:2])
    assert november.tables["ovning_fall"].rows == ((second, (1, 1, 100.0)), (first, (2, 0, 0.0)))


def test_without_a_period_december_counts_too(url: str):
    found = figures.count(replay.replay(e) for e in store.conversations(url))
    assert value(found, "oversikt", "Bedömningar med resultat", "Värde") == 3
    assert found.tables["per_manad"].rows == (("2026-11", (5, 2)), ("2026-12", (1, 1)))
    assert value(found, "per_bedomning", "Kan finansieras", "Antal") == 1


def test_report_and_csv_hold_the_same_figures_and_nothing_identifying(tmp_path: Path, url: str):
    assert main(["report", "--url", url, "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(tmp_path)]) == 0
    page = (tmp_path / "statistik.html").read_text(encoding="utf-8")
    table = (tmp_path / "statistik.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(table), delimiter=";"))
    assert rows[0] == ["avsnitt", "rad", "mått", "värde"]
    figures_in_csv = {(r[0], r[1], r[2]): r[3] for r in rows[1:]}
    assert figures_in_csv[("Nyckeltal", "Bedömningar som började", "Värde")] == "5"
    assert figures_in_csv[("Bedömningar per vecka", "2026-v46", "Med resultat")] == "1"
    assert figures_in_csv[("Nyckeltal", "Andel rätt i övningsläget (%)", "Värde")] == "66,7"
    # Every number of the CSV is in the page's tables.
    for (section, row, _), number in figures_in_csv.items():
        assert f'<th scope="row">{row}</th>' in page.replace("&#x27;", "'") or row in page, (section, row)
        assert number == "" or f"<td>{number}</td>" in page
    assert page.count("<svg") >= 10 and "<script" not in page and 'src="http' not in page
    assert "<h2>Det assistenten inte förstod</h2>" in page and "[telefonnummer]" in page
    for secret in (*SENDERS, "070-123", "anna@example.se", "19850312", "seminarium"):
        assert secret not in page and secret not in table


def test_review_holds_the_conversations_that_went_wrong_masked(tmp_path: Path, url: str):
    out = tmp_path / "samtal.md"
    assert main(["review", "--url", url, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Antal samtal: 4." in text  # A (Nej), B (not understood), C (summary rejected), D (not covered)
    assert text.count("## Samtal ") == 4
    assert "användaren sa nej till sammanfattningen" in text and "Vi vill ordna ett seminarium" in text
    assert "[Nej]" in text  # a click shown by its button's text
    for secret in (*SENDERS, "070-123", "anna@example.se", "19850312-1234"):
        assert secret not in text
    assert "[e-postadress] [personnummer]" in text


def test_review_filtered_by_reason_outcome_and_period(tmp_path: Path, url: str):
    out = tmp_path / "samtal.md"
    assert main(["review", "--url", url, "--out", str(out), "--reason", "nej"]) == 0
    assert "Antal samtal: 1." in out.read_text(encoding="utf-8")
    assert main(["review", "--url", url, "--out", str(out), "--outcome", "utanfor_vagledningen"]) == 0
    assert "Antal samtal: 1." in out.read_text(encoding="utf-8")
    assert main(["review", "--url", url, "--out", str(out), "--from", "2026-11-10"]) == 0
    assert "Antal samtal: 2." in out.read_text(encoding="utf-8")  # C and D


def test_the_command_refuses_a_missing_database_and_bad_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["report", "--url", f"sqlite:///{tmp_path / 'nothing.db'}", "--out", str(tmp_path)]) == 1
    assert "finns inte" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", "--from", "30/11"])

"""The confidence measurement (bench/confidence.py) that the fallback threshold is read from."""

from __future__ import annotations

from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data

from bench import confidence
from bench.confidence import Reading


def test_the_top_intent_leaves_the_fallback_aside():
    parse = {
        "intent": {"name": "nlu_fallback", "confidence": 0.4},
        "intent_ranking": [
            {"name": "nlu_fallback", "confidence": 0.4},
            {"name": "inform", "confidence": 0.31},
            {"name": "out_of_scope", "confidence": 0.22},
        ],
    }
    assert confidence.top_intent(parse) == ("inform", 0.31)
    assert confidence.top_intent({"intent_ranking": []}) == ("", 0.0)


def test_percentile_is_the_nearest_rank():
    values = [0.9, 0.1, 0.5, 0.3]
    assert confidence.percentile(values, 1) == 0.1
    assert confidence.percentile(values, 50) == 0.3
    assert confidence.percentile(values, 100) == 0.9


def test_only_right_readings_below_the_threshold_count_as_lost():
    in_domain = [
        Reading("affirm", "affirm", 0.35),  # right but unsure: lost at 0.4
        Reading("affirm", "affirm", 0.9),
        Reading("deny", "affirm", 0.2),  # wrong anyway: not lost by the threshold
    ]
    assert confidence.lost(in_domain, 0.4) == 1
    assert confidence.lost(in_domain, 0.3) == 0


def test_junk_passes_when_read_as_another_intent_at_or_above_the_threshold():
    junk = [
        Reading("out_of_scope", "inform", 0.4),
        Reading("out_of_scope", "out_of_scope", 0.99),  # caught by its own intent
        Reading("out_of_scope", "deny", 0.39),
    ]
    assert confidence.passed(junk, 0.4) == 1
    assert confidence.passed(junk, 0.3) == 2


def test_the_report_has_a_row_per_threshold():
    lines = confidence.report([Reading("greet", "greet", 0.8)], [Reading("out_of_scope", "inform", 0.5)])
    rows = [line.split() for line in lines if line.split()[0].replace(".", "").isdigit()]
    assert [float(row[0]) for row in rows] == list(confidence.THRESHOLDS)
    assert rows[-1][1:] == ["0/1", "0/1"]  # at 0.6 neither the greeting is lost nor the junk passes


def test_the_junk_set_is_held_out_from_training():
    trained = {m.get("text") for m in load_data(str(confidence.ROOT / "data" / "nlu")).intent_examples}
    junk = [m.get("text") for m in load_data(str(confidence.JUNK)).intent_examples]
    assert junk and {m.get("intent") for m in load_data(str(confidence.JUNK)).intent_examples} == {"out_of_scope"}
    assert not trained & set(junk)
    assert Path(confidence.HELDOUT).exists()

"""A fast smoke run of `make bench`, so the benchmark keeps working.

It measures nothing worth reporting: the figures come from `make bench`."""

from __future__ import annotations

import subprocess
import sys

import pytest

from devtools.servers import ROOT

pytestmark = pytest.mark.servers


def test_bench_smoke_runs_and_prints_its_table():
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--smoke"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "Tree engine: one full walk to an outcome takes" in result.stdout
    rows = [
        "start-up to first answer (s)",
        "p95 @2 (ms)",
        "throughput @2 (msg/s)",
        "Rasa server RSS (MB)",
        "intent macro-F1",
        "NLU parse (ms/msg)",
    ]
    for row in rows:
        assert row in result.stdout
    # Both columns: the project's store and Rasa's own, which the full run's B is also measured on.
    assert "A (projekt)" in result.stdout and "A, Rasas SQL" in result.stdout

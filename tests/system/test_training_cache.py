"""Training is skipped when its inputs did not change (needs the trained model)."""

from __future__ import annotations

import subprocess

from devtools.servers import ROOT


def test_training_is_skipped_when_inputs_did_not_change():
    result = subprocess.run(["bash", "scripts/train.sh"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "Tränar" not in result.stderr

#!/usr/bin/env bash
# Creates .venv-editor with only what the tree tools need (requirements/editor.txt),
# so an editor can check the tree on a laptop without Rasa or TensorFlow.
# Idempotent: a stamp holding the requirements' hash makes a second run a no-op.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${ASF_EDITOR_VENV:-.venv-editor}
say() { printf '%s\n' "$*" >&2; }
fail() { say "FEL: $*"; exit 1; }

PY=${PYTHON:-$(command -v python3 || true)}
[ -n "$PY" ] || fail "Ingen Python hittades. Installera Python 3.10 eller senare och kör kommandot igen."
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
  || fail "Python 3.10 eller senare behövs ($PY är äldre). Peka ut en annan med PYTHON=/sökväg/python3."

STAMP="$VENV/.installed"
WANT=$( { "$PY" --version; cat requirements/editor.txt scripts/install_editor.sh; } | sha256sum | cut -c1-16)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && [ -x "$VENV/bin/python" ]; then
  exit 0
fi
say "Installerar redaktörsmiljön ($VENV: PyYAML och jsonschema) ..."
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
if ! "$VENV/bin/python" -m pip --disable-pip-version-check --no-input --quiet install --no-deps -r requirements/editor.txt \
     2> >(grep -v "is ignored: it is neither a file nor a directory" >&2); then
  fail "Paketen kunde inte laddas ner eller installeras (se ovan). Kontrollera nätverket mot PyPI och kör kommandot igen."
fi
echo "$WANT" > "$STAMP"

#!/usr/bin/env bash
# `make test`: every check, in the order the Makefile lists them. One thing runs beside them:
# the Python 3.11 venv for `make py311` is installed while lint, mypy and the validations run.
# Both pip installs (.venv and .venv-py311) unpack wheels from pip's cache on one core each, a
# few minutes on a fresh clone; one after the other they were the slowest part of the run after pytest.
source "$(dirname "$0")/common.sh"
mkdir -p var
install_log=var/py311-install.log
set -m  # the install gets a process group of its own, so a failed check stops pip too
bash scripts/test_py311.sh --install-only >"$install_log" 2>&1 &
installing=$!
set +m
trap 'kill -- "-$installing" 2>/dev/null || true' EXIT
make --no-print-directory lint typecheck validate audit rasa-validate
if ! wait "$installing"; then
  cat "$install_log" >&2
  fail "Python 3.11-miljön (.venv-py311) kunde inte installeras; se ovan."
fi
trap - EXIT
cat "$install_log" >&2
make --no-print-directory pytest py311 images-test rasa-test
say "make test: allt gick igenom."

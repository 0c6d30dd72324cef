#!/usr/bin/env bash
# `make test`: every check. Two things run beside the first checks (lint, mypy, the validations,
# the audit and `rasa data validate`, one core each and a minute together): the Python 3.11 venv for
# `make py311` is installed, and the model is trained and `rasa test` run on it. Each of them took
# the other core for a minute or more, one after the other. A failure in either stops the run with
# its output; otherwise their output is shown once they are done.
source "$(dirname "$0")/common.sh"
mkdir -p var
# How long each step took, printed at the end: where the time of `make test` goes.
timings=()
step_started=$SECONDS
lap() {  # name of the step just finished
  timings+=("$1: $((SECONDS - step_started)) s")
  step_started=$SECONDS
}
set -m  # each job beside gets a process group of its own, so a failed check stops it too
bash scripts/test_py311.sh --install-only >var/py311-install.log 2>&1 &
installing=$!
set +m
trap 'kill -- "-$installing" 2>/dev/null || true' EXIT
make --no-print-directory install spacy  # what both sides below need, made once: never by two at a time
lap "installation och spaCy"
set -m
make --no-print-directory train rasa-test >var/train-rasa-test.log 2>&1 &
training=$!
set +m
trap 'kill -- "-$installing" "-$training" 2>/dev/null || true' EXIT
make --no-print-directory lint typecheck validate audit rasa-validate
lap "lint, typer, validering, granskning (Python 3.11 och träningen vid sidan)"
joined() {  # pid, log, what failed: waits for a job beside the checks and shows its output
  if ! wait "$1"; then
    cat "$2" >&2
    fail "$3"
  fi
  cat "$2" >&2
}
joined "$installing" var/py311-install.log "Python 3.11-miljön (.venv-py311) kunde inte installeras; se ovan."
joined "$training" var/train-rasa-test.log "Träningen eller rasa test gick inte igenom; se ovan."
trap - EXIT
lap "väntan på Python 3.11-miljön, träningen och rasa test"
# The container tests and then the Python 3.11 route run beside pytest: much of pytest's time is
# spent waiting for its servers, and the image build, the containers and the 3.11 servers fill that
# core. What they need is made first, so two installations of Debian packages never run at once.
make --no-print-directory train system web
bash scripts/install_podman.sh
set -m
make --no-print-directory --keep-going images-test py311 >var/images-test.log 2>&1 &  # py311 also if images-test fails
imaging=$!
set +m
trap 'kill -- "-$imaging" 2>/dev/null || true' EXIT
make --no-print-directory pytest
lap "pytest (images-test och py311 bredvid)"
joined "$imaging" var/images-test.log "Avbildstesterna eller Python 3.11-vägen (make images-test py311) gick inte igenom; se ovan."
trap - EXIT
lap "väntan på images-test och py311"
say "Tider: $(IFS=';'; echo "${timings[*]}" | sed 's/;/; /g'); totalt $SECONDS s."
say "make test: allt gick igenom."
